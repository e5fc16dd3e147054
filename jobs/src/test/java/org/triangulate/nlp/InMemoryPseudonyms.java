package org.triangulate.nlp;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.triangulate.study.Study;

/**
 * Pseudonyms numbered in the order identifiers are first seen, kept in memory: for texts
 * de-identified outside the nightly job, and for tests. Not thread-safe.
 */
public final class InMemoryPseudonyms implements Pseudonyms {

  private final Study.Deidentification config;
  private final Map<IdentifierKind, Map<String, Integer>> serials =
      new EnumMap<>(IdentifierKind.class);

  public InMemoryPseudonyms(Study.Deidentification config) {
    this.config = config;
  }

  @Override
  public String of(Identifier identifier) {
    if (identifier.kind() == IdentifierKind.CASE) {
      return CasePseudonym.of(config, identifier.key());
    }
    Map<String, Integer> ofKind = serials.computeIfAbsent(identifier.kind(), k -> new HashMap<>());
    int serial = ofKind.computeIfAbsent(identifier.key(), k -> ofKind.size() + 1);
    return identifier.kind().pseudonym(serial);
  }
}
