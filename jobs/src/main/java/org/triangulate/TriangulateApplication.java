package org.triangulate;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;

/**
 * The Spring Boot application behind every command: the nightly job, the analyst search and the
 * stores they share. Started by the command line, {@code cli.Triangulate}.
 */
@SpringBootApplication
@EnableConfigurationProperties(TriangulateProperties.class)
public class TriangulateApplication {

  /**
   * The study named by {@code triangulate.study}, validated at start: a bad config stops here,
   * naming the key.
   */
  @Bean
  Study study(TriangulateProperties properties) {
    return new StudyLoader().load(properties.configDir(), properties.study());
  }
}
