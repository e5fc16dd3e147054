package org.triangulate.cli;

import org.triangulate.study.StudyConfigException;

/**
 * Turns a failure into the one message people need and an exit code (2: configuration, 1: other).
 */
public final class CommandFailure {

  public static final int CONFIGURATION = 2;

  private CommandFailure() {}

  public static String describe(Throwable failure) {
    Throwable config = find(failure, StudyConfigException.class);
    if (config != null) {
      return config.getMessage();
    }
    Throwable inUse = storeInUse(failure);
    if (inUse != null) {
      return "the embedded store is open in another triangulate process (a night, the schedule or"
          + " another command): H2 lets one process open it at a time. Wait for that process, or"
          + " use PostgreSQL (--profile postgres) to run commands side by side.\n  cause: "
          // H2's own advice (its server mode) is what the store is locked down against.
          + inUse.getMessage().replaceFirst("(?s)\\s*Possible solutions.*", "");
    }
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return root == failure ? message : failure.getMessage() + "\n  cause: " + message;
  }

  public static int exitCode(Throwable failure) {
    return find(failure, StudyConfigException.class) != null
            || find(failure, org.springframework.boot.context.properties.bind.BindException.class)
                != null
        ? CONFIGURATION
        : 1;
  }

  /** H2's "database may be already in use" (error 90020), if that is what failed. */
  private static Throwable storeInUse(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.sql.SQLException sql && sql.getErrorCode() == 90020) {
        return t;
      }
    }
    return null;
  }

  private static Throwable find(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }
}
