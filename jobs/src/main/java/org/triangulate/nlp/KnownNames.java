package org.triangulate.nlp;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Names of people, places and organisations found anywhere in a study (by NER, or as speaker
 * labels), as written: a name NER recognised in one transcript is replaced wherever it is written
 * the same way, also where NER missed it. Not thread-safe while being built; read-only after.
 */
public final class KnownNames {

  private final Map<IdentifierKind, Set<String>> names = new EnumMap<>(IdentifierKind.class);

  public static KnownNames none() {
    return new KnownNames();
  }

  public void add(IdentifierKind kind, String name) {
    String written = name.strip().replaceAll("\\s+", " ");
    if (!written.isEmpty()) {
      names.computeIfAbsent(kind, k -> new TreeSet<>()).add(written);
    }
  }

  public Set<String> of(IdentifierKind kind) {
    return names.getOrDefault(kind, Set.of());
  }

  public int size() {
    return names.values().stream().mapToInt(Set::size).sum();
  }
}
