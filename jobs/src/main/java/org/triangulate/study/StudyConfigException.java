package org.triangulate.study;

/** A study's configuration is unusable; the message names the file and the key. Aborts the run. */
public class StudyConfigException extends RuntimeException {
  public StudyConfigException(String message) {
    super(message);
  }

  public StudyConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
