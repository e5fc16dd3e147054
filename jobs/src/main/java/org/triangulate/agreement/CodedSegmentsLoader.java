package org.triangulate.agreement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.coding.ImportedCodingAttacher;
import org.triangulate.nlp.SpeakerRole;

/**
 * Reads {@link CodedSegments} from the store: participant segments, the night's own codings grouped
 * into one coder per provenance kind ({@code rule:…} codings are the coder {@code rule}, {@code
 * item:…} the coder {@code item}), and each imported project's coders from their selections. The
 * night's coders see every participant segment; an imported coder sees the participant segments of
 * the transcripts it coded anything in. An imported project with several coders gives one coder per
 * person, named {@code <provenance>/coder-<n>} in the order of their names, so no coder's name
 * leaves the store.
 */
public final class CodedSegmentsLoader {

  private static final String OVERLAPPING_PARTICIPANT_SEGMENTS =
      " from imported_selection s join segment g on g.study = s.study and g.source_id = s.source_id"
          + " and g.start_offset < s.end_offset and g.end_offset > s.start_offset"
          + " where s.study = ? and g.speaker_role = ?";

  private final JdbcTemplate jdbc;

  public CodedSegmentsLoader(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public CodedSegments load(String study) {
    String participant = SpeakerRole.PARTICIPANT.code();
    Map<String, CodedSegments.Unit> units = new LinkedHashMap<>();
    Map<String, List<String>> segmentsOfSource = new HashMap<>();
    jdbc.query(
        "select segment_id, participant_id, end_offset - start_offset, source_id from segment"
            + " where study = ? and speaker_role = ? order by source_id, start_offset, segment_id",
        rs -> {
          units.put(
              rs.getString(1),
              new CodedSegments.Unit(rs.getString(1), rs.getString(2), rs.getInt(3)));
          segmentsOfSource
              .computeIfAbsent(rs.getString(4), s -> new ArrayList<>())
              .add(rs.getString(1));
        },
        study,
        participant);
    List<CodedSegments.Coder> coders = new ArrayList<>(nightCoders(study, units.keySet()));
    coders.addAll(importedCoders(study, segmentsOfSource));
    return new CodedSegments(units, coders);
  }

  private List<CodedSegments.Coder> nightCoders(String study, Set<String> participantSegments) {
    Map<String, Map<String, Set<String>>> byCoder = new TreeMap<>();
    jdbc.query(
        "select c.segment_id, c.category, c.provenance from coding c"
            + " where c.study = ? and c.provenance not like ?",
        rs -> {
          if (!participantSegments.contains(rs.getString(1))) {
            return;
          }
          String provenance = rs.getString(3);
          int colon = provenance.indexOf(':');
          String coder = colon < 0 ? provenance : provenance.substring(0, colon);
          byCoder
              .computeIfAbsent(coder, c -> new HashMap<>())
              .computeIfAbsent(rs.getString(1), s -> new HashSet<>())
              .add(rs.getString(2));
        },
        study,
        ImportedCodingAttacher.PROVENANCE_PREFIX + "%");
    List<CodedSegments.Coder> coders = new ArrayList<>();
    byCoder.forEach((name, categories) ->
        coders.add(new CodedSegments.Coder(name, participantSegments, categories)));
    return coders;
  }

  private List<CodedSegments.Coder> importedCoders(
      String study, Map<String, List<String>> segmentsOfSource) {
    // Coders of each project, in name order: their position names them.
    Map<String, TreeSet<String>> codersOfProject = new HashMap<>();
    jdbc.query(
        "select distinct project_file, coalesce(coder, '') from imported_selection where study = ?",
        rs -> {
          codersOfProject
              .computeIfAbsent(rs.getString(1), p -> new TreeSet<>())
              .add(rs.getString(2));
        },
        study);
    Map<String, Set<String>> seen = new TreeMap<>();
    Map<String, Map<String, Set<String>>> categories = new HashMap<>();
    jdbc.query(
        "select s.project_file, coalesce(s.coder, ''), s.provenance, s.source_id, g.segment_id,"
            + " s.category"
            + OVERLAPPING_PARTICIPANT_SEGMENTS,
        rs -> {
          TreeSet<String> projectCoders = codersOfProject.get(rs.getString(1));
          String name = rs.getString(3);
          if (projectCoders.size() > 1) {
            name += "/coder-" + (projectCoders.headSet(rs.getString(2)).size() + 1);
          }
          seen.computeIfAbsent(name, n -> new HashSet<>())
              .addAll(segmentsOfSource.getOrDefault(rs.getString(4), List.of()));
          categories
              .computeIfAbsent(name, n -> new HashMap<>())
              .computeIfAbsent(rs.getString(5), s -> new HashSet<>())
              .add(rs.getString(6));
        },
        study,
        SpeakerRole.PARTICIPANT.code());
    List<CodedSegments.Coder> coders = new ArrayList<>();
    seen.forEach((name, segments) ->
        coders.add(new CodedSegments.Coder(name, segments, categories.get(name))));
    return coders;
  }
}
