package org.triangulate;

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

  private static Throwable find(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return t;
      }
    }
    return null;
  }
}
