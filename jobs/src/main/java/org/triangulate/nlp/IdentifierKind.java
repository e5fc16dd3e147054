package org.triangulate.nlp;

import java.util.Locale;

/**
 * What an identifying detail is, and the label of its pseudonym: {@code [PERSON-7]}, {@code
 * [PLACE-2]}, {@code [NHS-NUMBER-1]}. A case's organisation is replaced by the case's own pseudonym
 * ({@code [CASE-C03]}), not a numbered one.
 */
public enum IdentifierKind {
  PERSON("PERSON"),
  PLACE("PLACE"),
  ORGANISATION("ORG"),
  CASE("CASE"),
  EMAIL("EMAIL"),
  PHONE("PHONE"),
  NHS_NUMBER("NHS-NUMBER"),
  POSTCODE("POSTCODE"),
  DATE_OF_BIRTH("DOB"),
  NATIONAL_NUMBER("NATIONAL-NUMBER"),
  ADDRESS("ADDRESS");

  private final String label;

  IdentifierKind(String label) {
    this.label = label;
  }

  /** The numbered pseudonym, e.g. {@code [PERSON-7]}. */
  public String pseudonym(int serial) {
    return "[" + label + "-" + serial + "]";
  }

  /** The kind's name in the store and in reports: {@code person}, {@code nhs_number}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
