package org.triangulate.nlp;

/** Who speaks in a turn; only participant turns are coded and quoted. */
public enum SpeakerRole {
  INTERVIEWER,
  PARTICIPANT;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
