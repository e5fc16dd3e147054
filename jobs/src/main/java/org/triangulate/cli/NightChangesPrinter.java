package org.triangulate.cli;

import java.io.PrintStream;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.changes.ChangesProperties;
import org.triangulate.changes.NightChanges;
import org.triangulate.changes.NightHistoryStore;
import org.triangulate.changes.NightSnapshot;
import org.triangulate.study.Study;

/** Prints what changed between the latest night kept in the store and the one before it. */
final class NightChangesPrinter {

  private NightChangesPrinter() {}

  static void print(ApplicationContext context, PrintStream out) {
    String study = context.getBean(Study.class).name();
    ChangesProperties settings = context.getBean(ChangesProperties.class);
    NightHistoryStore history = new NightHistoryStore(context.getBean(JdbcTemplate.class));
    var latest = history.latestRun(study);
    if (latest.isEmpty()) {
      out.println(
          "No night of study " + study + " has been kept yet: run ./triangulate run first.");
      return;
    }
    NightSnapshot tonight = history.load(study, latest.get());
    NightSnapshot previous =
        history.runBefore(study, latest.get()).map(r -> history.load(study, r)).orElse(null);
    NightChanges changes =
        NightChanges.between(previous, tonight, settings.strengthThreshold(), settings.shareMove());
    out.println("Run " + latest.get() + " of study " + study);
    changes.summary().forEach(out::println);
  }
}
