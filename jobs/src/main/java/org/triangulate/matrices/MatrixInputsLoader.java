package org.triangulate.matrices;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.ingest.StoredAttributes;
import org.triangulate.nlp.SpeakerRole;
import org.triangulate.study.Happening;

/**
 * Reads {@link MatrixInputs} from the store. A turn counts once per category however many coders
 * coded it. Candidate quotes are de-identified participant turns of {@code minChars} to {@code
 * maxChars} characters, those more coders agree on first, then the longer, then by id, so the same
 * store gives the same quotes.
 */
public final class MatrixInputsLoader {

  private final JdbcTemplate jdbc;
  private final int minChars;
  private final int maxChars;

  public MatrixInputsLoader(JdbcTemplate jdbc, int minChars, int maxChars) {
    this.jdbc = jdbc;
    this.minChars = minChars;
    this.maxChars = maxChars;
  }

  public MatrixInputs load(String study) {
    Map<String, Map<String, String>> caseAttributes = StoredAttributes.ofCases(jdbc, study);
    Map<String, Map<String, String>> ownAttributes = StoredAttributes.ofParticipants(jdbc, study);
    List<MatrixInputs.ParticipantRow> participants = new ArrayList<>();
    jdbc.query(
        "select participant_id, case_id from participant where study = ? order by participant_id",
        rs -> {
          Map<String, String> attributes =
              new LinkedHashMap<>(caseAttributes.getOrDefault(rs.getString(2), Map.of()));
          attributes.putAll(ownAttributes.getOrDefault(rs.getString(1), Map.of()));
          participants.add(
              new MatrixInputs.ParticipantRow(rs.getString(1), rs.getString(2), attributes));
        },
        study);
    List<MatrixInputs.CaseRow> cases = new ArrayList<>();
    caseAttributes.forEach((id, attributes) -> cases.add(new MatrixInputs.CaseRow(id, attributes)));
    Map<String, String> caseOf = new HashMap<>();
    participants.forEach(p -> caseOf.put(p.participantId(), p.caseId()));
    return new MatrixInputs(
        cases, participants, codedTurns(study), answers(study), quotes(study, caseOf));
  }

  private Map<String, Map<String, Integer>> codedTurns(String study) {
    Map<String, Map<String, Integer>> turns = new HashMap<>();
    jdbc.query(
        "select s.participant_id, c.category, count(distinct s.segment_id) from segment s"
            + " join coding c on c.study = s.study and c.segment_id = s.segment_id"
            + " where s.study = ? and s.speaker_role = ? group by s.participant_id, c.category",
        rs -> {
          turns
              .computeIfAbsent(rs.getString(1), p -> new HashMap<>())
              .put(rs.getString(2), rs.getInt(3));
        },
        study,
        SpeakerRole.PARTICIPANT.code());
    return turns;
  }

  private Map<String, Map<String, Happening>> answers(String study) {
    Map<String, Map<String, Happening>> answers = new HashMap<>();
    jdbc.query(
        "select participant_id, item_id, happening from response where study = ?",
        rs -> {
          answers
              .computeIfAbsent(rs.getString(1), p -> new HashMap<>())
              .put(rs.getString(2), Happening.ofCode(rs.getString(3)));
        },
        study);
    return answers;
  }

  private record Candidate(
      String segmentId, String participantId, String category, int coders, String text) {}

  private Map<String, Map<String, List<MatrixInputs.Quote>>> quotes(
      String study, Map<String, String> caseOf) {
    List<Candidate> candidates = new ArrayList<>();
    jdbc.query(
        "select s.segment_id, s.participant_id, c.category, count(*), s.deidentified_body"
            + " from segment s join coding c on c.study = s.study and c.segment_id = s.segment_id"
            + " where s.study = ? and s.speaker_role = ? and s.deidentified_body is not null"
            + " group by s.segment_id, s.participant_id, c.category, s.deidentified_body",
        rs -> {
          String text = rs.getString(5).strip();
          if (text.length() >= minChars && text.length() <= maxChars) {
            candidates.add(
                new Candidate(
                    rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), text));
          }
        },
        study,
        SpeakerRole.PARTICIPANT.code());
    candidates.sort(
        java.util.Comparator.comparingInt(Candidate::coders)
            .reversed()
            .thenComparing(c -> -c.text().length())
            .thenComparing(Candidate::segmentId));
    Map<String, Map<String, List<MatrixInputs.Quote>>> quotes = new HashMap<>();
    for (Candidate c : candidates) {
      String caseId = caseOf.get(c.participantId());
      if (caseId != null) {
        quotes
            .computeIfAbsent(caseId, k -> new HashMap<>())
            .computeIfAbsent(c.category(), k -> new ArrayList<>())
            .add(new MatrixInputs.Quote(c.segmentId(), c.participantId(), c.text()));
      }
    }
    return quotes;
  }
}
