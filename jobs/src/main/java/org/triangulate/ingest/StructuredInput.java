package org.triangulate.ingest;

/**
 * The three structured inputs, in the order they load; each is validated against the one before it
 * (participants against cases, responses against participants).
 */
public enum StructuredInput {
  CASES("cases", "cases.csv", null),
  PARTICIPANTS("participants", "participants.csv", "cases.csv"),
  RESPONSES("responses", "responses.csv", "participants.csv");

  private final String input;
  private final String fileName;
  private final String upstream;

  StructuredInput(String input, String fileName, String upstream) {
    this.input = input;
    this.fileName = fileName;
    this.upstream = upstream;
  }

  public String input() {
    return input;
  }

  public String fileName() {
    return fileName;
  }

  /** The file whose load this one is validated against, or null. */
  public String upstream() {
    return upstream;
  }
}
