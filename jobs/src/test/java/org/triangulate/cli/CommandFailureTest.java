package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class CommandFailureTest {

  @Test
  void anEmbeddedStoreOpenInAnotherProcessIsExplainedWithWhatToDo() {
    // H2's own error when a second process opens the file (code 90020), as H2 2.4 words it
    SQLException inUse =
        new SQLException(
            "Database may be already in use: \"/x/data-out/.state/triangulate.mv.db\". Possible"
                + " solutions: close all other connection(s); use the server mode [90020-240]",
            "90020",
            90020);
    RuntimeException failure =
        new IllegalStateException("Failed to initialize pool", new RuntimeException(inUse));

    assertThat(CommandFailure.describe(failure))
        .startsWith("the embedded store is open in another triangulate process")
        .contains("--profile postgres")
        .contains("Database may be already in use")
        .doesNotContain("server mode");
  }
}
