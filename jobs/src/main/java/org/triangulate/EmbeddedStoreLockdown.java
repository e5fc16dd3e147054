package org.triangulate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.triangulate.output.PrivateFolders;

/**
 * Keeps the embedded H2 store (raw transcripts, the name ↔ pseudonym table) its owner's only: its
 * folder is made rwx------ before the database opens and its files rw------- once it has, and a URL
 * that would start H2's server ({@code AUTO_SERVER}, which listens for other processes and hosts)
 * is refused, naming the key. One process opens the file at a time; {@code serve} needs no store,
 * and a second night is refused by H2's file lock as by the run lock. Does nothing for PostgreSQL
 * or an in-memory database.
 */
@Component
class EmbeddedStoreLockdown
    implements BeanPostProcessor, ApplicationListener<ContextRefreshedEvent> {

  static final String URL_KEY = "spring.datasource.url";

  private final Environment environment;

  EmbeddedStoreLockdown(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource) {
      String url = environment.getProperty(URL_KEY);
      refuseServerModes(url);
      folderOf(url).ifPresent(PrivateFolders::create);
    }
    return bean;
  }

  @Override
  public void onApplicationEvent(ContextRefreshedEvent event) {
    folderOf(environment.getProperty(URL_KEY)).ifPresent(PrivateFolders::restrict);
  }

  static void refuseServerModes(String url) {
    if (url != null && url.toUpperCase(Locale.ROOT).replace(" ", "").contains("AUTO_SERVER=TRUE")) {
      throw new IllegalStateException(
          URL_KEY
              + ": AUTO_SERVER=TRUE starts a database server that other processes and hosts can"
              + " connect to; remove it (the search server needs no store, and PostgreSQL serves"
              + " several processes at once)");
    }
  }

  /** The folder of an H2 file database's URL; empty for any other database. */
  static Optional<Path> folderOf(String url) {
    if (url == null || !url.startsWith("jdbc:h2:")) {
      return Optional.empty();
    }
    String location = url.substring("jdbc:h2:".length());
    int options = location.indexOf(';');
    location = options < 0 ? location : location.substring(0, options);
    if (location.startsWith("file:")) {
      location = location.substring("file:".length());
    } else if (location.matches("^(mem|tcp|ssl|zip|split|nio\\w*|async|memFS|memLZF):.*")) {
      return Optional.empty();
    }
    Path parent = Path.of(location).toAbsolutePath().getParent();
    return Optional.ofNullable(parent);
  }
}
