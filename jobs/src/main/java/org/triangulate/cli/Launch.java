package org.triangulate.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;
import org.triangulate.TriangulateApplication;
import org.triangulate.TriangulateProperties;
import org.triangulate.node.EmbeddedElasticsearch;
import org.triangulate.node.EmbeddedElasticsearchSettings;
import org.triangulate.node.RunningNode;

/**
 * What commands share: reading the configuration as Spring Boot will, starting the embedded
 * Elasticsearch node when no external cluster is configured, and booting the application against
 * it.
 */
final class Launch {

  private final CommonOptions options;
  private final TriangulateProperties properties;
  private final Map<String, Object> overrides;
  private final StandardEnvironment environment;

  Launch(CommonOptions options) {
    this.options = options;
    this.overrides = new LinkedHashMap<>(options.properties());
    environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("command line", overrides));
    ConfigDataEnvironmentPostProcessor.applyTo(
        environment, new DefaultResourceLoader(), null, options.profiles);
    this.properties =
        Binder.get(environment).bindOrCreate("triangulate", TriangulateProperties.class);
  }

  TriangulateProperties properties() {
    return properties;
  }

  /** A setting as the application will see it (configuration, environment, {@code --set}). */
  String property(String key) {
    return environment.getProperty(key);
  }

  /**
   * The embedded node's manager; its state lives in data-out/.es/node, or under
   * /var/lib/triangulate/ when root runs it from a folder its system user cannot enter.
   */
  EmbeddedElasticsearch embeddedElasticsearch() {
    TriangulateProperties.Elasticsearch es = properties.elasticsearch();
    Path root = properties.dataOut().resolve(".es");
    return new EmbeddedElasticsearch(
        new EmbeddedElasticsearchSettings(
            root.resolve("dist"),
            root.resolve("node"),
            es.version(),
            es.port(),
            es.heap(),
            es.systemUser(),
            es.startTimeout(),
            null));
  }

  /** Starts the embedded node unless an external cluster is configured; empty when external. */
  Optional<RunningNode> ensureElasticsearch() {
    if (!properties.elasticsearch().embedded()) {
      return Optional.empty();
    }
    RunningNode node = embeddedElasticsearch().start();
    overrides.put("spring.elasticsearch.uris", node.url().toString());
    return Optional.of(node);
  }

  ConfigurableApplicationContext boot(WebApplicationType type, Map<String, Object> extra) {
    Map<String, Object> all = new LinkedHashMap<>(overrides);
    all.putAll(extra);
    // As command-line arguments, they win over config/application.yml (builder "properties" would
    // not).
    String[] arguments =
        all.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(TriangulateApplication.class)
        .web(type)
        .profiles(options.profiles.toArray(String[]::new))
        .logStartupInfo(false)
        // Commands close the context themselves: on SIGTERM the schedule first stops its job
        // cleanly.
        .registerShutdownHook(false)
        .run(arguments);
  }

  ConfigurableApplicationContext boot(WebApplicationType type) {
    return boot(type, Map.of());
  }
}
