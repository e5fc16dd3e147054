package org.triangulate.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.triangulate.TriangulateProperties;

/**
 * Who sees the components of {@code /actuator/health} (Elasticsearch, the database, the extracts
 * index) unless {@value #KEY} is set: with accounts, signed-in people only; without accounts
 * everybody, since the server then answers only on loopback where anyone may search anyway. The
 * status alone is open to every caller of the loopback-only management port ({@link
 * WebSecurityConfiguration}).
 */
@Component
class HealthDetailsDefault implements BeanPostProcessor {

  static final String KEY = "management.endpoint.health.show-details";

  private final Environment environment;

  HealthDetailsDefault(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof HealthEndpointProperties health && environment.getProperty(KEY) == null) {
      TriangulateProperties.Web web =
          Binder.get(environment).bindOrCreate("triangulate.web", TriangulateProperties.Web.class);
      health.setShowDetails(web.hasCredentials() ? Show.WHEN_AUTHORIZED : Show.ALWAYS);
    }
    return bean;
  }
}
