package org.triangulate.web;

import java.nio.file.Path;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;

/** The demo study from {@code config/demo}, loaded the way the application loads it. */
final class WebTestStudy {

  private WebTestStudy() {}

  static Study demo() {
    return new StudyLoader().load(home().resolve("config"), "demo");
  }

  /** The demo study under another name, so its alias cannot collide with other tests' indices. */
  static Study demoNamed(String name) {
    return demo().withName(name);
  }

  private static Path home() {
    String configured = System.getProperty("triangulate.home");
    return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
  }
}
