package org.triangulate.scale;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code triangulate.scale.*} in every mode, so a misspelt mode or a bad partition size stops
 * the start instead of silently annotating locally.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScaleProperties.class)
class ScaleConfiguration {}
