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
    Study s = demo();
    return new Study(
        name,
        s.title(),
        s.caseAttributes(),
        s.participantAttributes(),
        s.groupings(),
        s.domains(),
        s.items(),
        s.happening(),
        s.importance(),
        s.patterns(),
        s.quotes(),
        s.deidentify(),
        s.packs(),
        s.codebook());
  }

  private static Path home() {
    String configured = System.getProperty("triangulate.home");
    return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
  }
}
