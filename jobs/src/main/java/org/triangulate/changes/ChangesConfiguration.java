package org.triangulate.changes;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link ChangesProperties}. */
@Configuration
@EnableConfigurationProperties(ChangesProperties.class)
class ChangesConfiguration {}
