package org.triangulate.changes;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.ingest.StoredAttributes;
import org.triangulate.stats.ItemGroupStats;
import org.triangulate.stats.StudyStatistics;

/**
 * Tonight's {@link NightSnapshot}: the patterns and item statistics {@link StudyStatistics}
 * computes (the same the packs show) and the store's transcripts with their participants' case and
 * groups.
 */
public final class NightSnapshotReader {

  private final JdbcTemplate jdbc;
  private final StudyStatistics statistics;

  public NightSnapshotReader(JdbcTemplate jdbc, StudyStatistics statistics) {
    this.jdbc = jdbc;
    this.statistics = statistics;
  }

  public NightSnapshot read(String study, long runId) {
    StudyStatistics.Results results = statistics.compute();
    Map<String, NightSnapshot.PatternEntry> patterns = new HashMap<>();
    results
        .patterns()
        .forEach(p -> patterns.put(p.id(), new NightSnapshot.PatternEntry(p.id(), p.strength())));
    Map<String, NightSnapshot.ItemEntry> items = new HashMap<>();
    results.items().stream()
        .filter(i -> ItemGroupStats.ALL.equals(i.grouping()))
        .forEach(i ->
            items.put(
                i.itemId(),
                new NightSnapshot.ItemEntry(
                    i.itemId(), i.inPlaceShare(), i.counts().substantive())));
    Map<String, Map<String, String>> groups = groups(study);
    Map<String, NightSnapshot.TranscriptEntry> transcripts = new HashMap<>();
    jdbc.query(
        "select source_id, participant_id from source where study = ?",
        rs -> {
          Map<String, String> of = groups.getOrDefault(rs.getString(2), Map.of());
          transcripts.put(
              rs.getString(1),
              new NightSnapshot.TranscriptEntry(
                  rs.getString(2),
                  of.entrySet().stream()
                      .map(e -> e.getKey() + " " + e.getValue())
                      .collect(Collectors.joining(", "))));
        },
        study);
    return new NightSnapshot(runId, patterns, items, transcripts);
  }

  /** Participant id to "case", then case and participant attributes, by name. */
  private Map<String, Map<String, String>> groups(String study) {
    Map<String, Map<String, String>> caseAttributes = StoredAttributes.ofCases(jdbc, study);
    Map<String, Map<String, String>> ownAttributes = StoredAttributes.ofParticipants(jdbc, study);
    Map<String, Map<String, String>> groups = new HashMap<>();
    jdbc.query(
        "select participant_id, case_id from participant where study = ?",
        rs -> {
          Map<String, String> of = new LinkedHashMap<>();
          of.put("case", rs.getString(2));
          of.putAll(caseAttributes.getOrDefault(rs.getString(2), Map.of()));
          of.putAll(ownAttributes.getOrDefault(rs.getString(1), Map.of()));
          groups.put(rs.getString(1), of);
        },
        study);
    return groups;
  }
}
