package org.triangulate.nlp;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names of people, places and organisations found anywhere in a study (by NER, or as speaker
 * labels), as written: a name NER recognised in one transcript is replaced wherever it is written
 * the same way, also where NER missed it. Not thread-safe while being built; read-only after.
 */
public final class KnownNames {

  private final Map<IdentifierKind, Set<String>> names = new EnumMap<>(IdentifierKind.class);
  // Every transcript is searched for every known name: the finder is built once per kind.
  private final Map<IdentifierKind, WrittenNames> finders = new ConcurrentHashMap<>();

  public static KnownNames none() {
    return new KnownNames();
  }

  public void add(IdentifierKind kind, String name) {
    String written = name.strip().replaceAll("\\s+", " ");
    if (!written.isEmpty()) {
      names.computeIfAbsent(kind, k -> new TreeSet<>()).add(written);
      finders.remove(kind);
    }
  }

  public Set<String> of(IdentifierKind kind) {
    return names.getOrDefault(kind, Set.of());
  }

  /** Finds the names of {@code kind} as written. */
  WrittenNames written(IdentifierKind kind) {
    return finders.computeIfAbsent(kind, k -> new WrittenNames(of(k)));
  }

  /** The names of {@code other} (of any kind) that this does not hold. */
  public Set<String> missingFrom(KnownNames other) {
    Set<String> missing = new java.util.TreeSet<>();
    other.names.forEach((kind, written) ->
        written.stream().filter(name -> !of(kind).contains(name)).forEach(missing::add));
    return missing;
  }

  public int size() {
    return names.values().stream().mapToInt(Set::size).sum();
  }
}
