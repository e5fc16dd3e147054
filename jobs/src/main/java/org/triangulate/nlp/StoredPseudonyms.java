package org.triangulate.nlp;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.study.Study;

/**
 * The study's pseudonyms as kept in the store (table {@code pseudonym}): an identifier seen on an
 * earlier night keeps its number, a new one gets the next number of its kind. The mapping never
 * leaves the store. Used by one thread at a time (the de-identify step); the table's unique keys
 * refuse a second writer's clash rather than let two identifiers share a number.
 */
public final class StoredPseudonyms implements Pseudonyms {

  private static final int MAX_KEY = 500;

  private final JdbcTemplate jdbc;
  private final String study;
  private final Study.Deidentification config;
  private final Map<IdentifierKind, Map<String, Integer>> serials =
      new EnumMap<>(IdentifierKind.class);
  private final Map<IdentifierKind, Integer> lastSerial = new EnumMap<>(IdentifierKind.class);
  private int added;

  public StoredPseudonyms(JdbcTemplate jdbc, String study, Study.Deidentification config) {
    this.jdbc = jdbc;
    this.study = study;
    this.config = config;
    jdbc.query(
        "select kind, name_key, serial from pseudonym where study = ?",
        rs -> {
          IdentifierKind kind =
              IdentifierKind.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT));
          int serial = rs.getInt(3);
          serials.computeIfAbsent(kind, k -> new HashMap<>()).put(rs.getString(2), serial);
          lastSerial.merge(kind, serial, Math::max);
        },
        study);
  }

  @Override
  public synchronized String of(Identifier identifier) {
    IdentifierKind kind = identifier.kind();
    if (kind == IdentifierKind.CASE) {
      return CasePseudonym.of(config, identifier.key());
    }
    String key =
        identifier.key().length() > MAX_KEY
            ? DigestUtils.sha256Hex(identifier.key())
            : identifier.key();
    Map<String, Integer> ofKind = serials.computeIfAbsent(kind, k -> new HashMap<>());
    Integer serial = ofKind.get(key);
    if (serial == null) {
      serial = lastSerial.merge(kind, 1, Integer::sum);
      jdbc.update(
          "insert into pseudonym (study, kind, name_key, serial) values (?, ?, ?, ?)",
          study,
          kind.code(),
          key,
          serial);
      ofKind.put(key, serial);
      added++;
    }
    return kind.pseudonym(serial);
  }

  /** How many identifiers got a pseudonym for the first time through this instance. */
  public synchronized int added() {
    return added;
  }
}
