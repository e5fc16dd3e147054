package org.triangulate.study;

/** Answer A, "is this happening here?". The five codes are the product's data contract. */
public enum Happening {
  YES("yes"),
  PARTLY("partly"),
  NO("no"),
  DONT_KNOW("dont_know"),
  NOT_RELEVANT("not_relevant");

  private final String code;

  Happening(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Happening ofCode(String code) {
    for (Happening h : values()) {
      if (h.code.equals(code)) {
        return h;
      }
    }
    throw new IllegalArgumentException("not an answer code: " + code);
  }

  /** Counts towards the in-place share's denominator (yes / (yes + partly + no)). */
  public boolean isSubstantive() {
    return this == YES || this == PARTLY || this == NO;
  }
}
