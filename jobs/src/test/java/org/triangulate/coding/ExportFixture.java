package org.triangulate.coding;

import java.util.List;
import java.util.Map;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.nlp.Deidentifier;
import org.triangulate.nlp.IdentifierDetector;
import org.triangulate.nlp.InMemoryPseudonyms;
import org.triangulate.nlp.KnownNames;
import org.triangulate.nlp.Segment;
import org.triangulate.nlp.SourceRedaction;
import org.triangulate.nlp.SpeakerRole;
import org.triangulate.nlp.SpeakerTurnSegmenter;
import org.triangulate.study.Codebook;
import org.triangulate.study.Study;

/**
 * A study small enough to export and check by hand: two themes with three categories, a category
 * only an imported project knows, two participants' transcripts naming a staff member ("Mary
 * Jones", a de-identification term) and one holding a character outside the Basic Multilingual
 * Plane, and codings from rules and from an import.
 */
final class ExportFixture {

  private ExportFixture() {}

  static final String P01_TEXT =
      "Interviewer: Who supervises you?\n"
          + "P01: Mary Jones does, every week. We meet in the office.\n"
          + "Interviewer: And pay?\n"
          + "P01: The pay is the same band as Mary Jones.\n";

  /** What the de-identifier makes of P01's text, written out by hand. */
  static final String P01_EXPORTED =
      "Interviewer: Who supervises you?\n"
          + "P01: [PERSON-1] does, every week. We meet in the office.\n"
          + "Interviewer: And pay?\n"
          + "P01: The pay is the same band as [PERSON-1].\n";

  /** An emoji (two UTF-16 units, one character) comes before the coded words. */
  static final String P02_TEXT = "P02: I 😀 love the peer group. Reach me at a@b.org.\n";

  static final String P02_EXPORTED = "P02: I 😀 love the peer group. Reach me at [EMAIL-1].\n";

  static Study study() {
    return new Study(
        "export",
        "Export test study",
        List.of(new Study.Attribute("setting", "Setting", Map.of("ward", "Ward"))),
        List.of(),
        List.of("setting"),
        List.of(new Study.Domain("support", "Support")),
        List.of(
            new Study.Item("sup_access", "support", "Supervision happens"),
            new Study.Item("pay_parity", "support", "Pay is equal")),
        Map.of(
            "yes", List.of("yes"),
            "partly", List.of("partly"),
            "no", List.of("no"),
            "dont_know", List.of("dont know"),
            "not_relevant", List.of("n/a")),
        new Study.ImportanceScale(1, 4),
        new Study.PatternThresholds(0.7, 0.3, 3, 0.05, 0.3, 3.3, 0.3),
        new Study.QuoteRules(3, 60, 600),
        new Study.Deidentification(List.of("Mary Jones"), null, null, null),
        List.of(),
        Study.Languages.ENGLISH,
        null,
        new Codebook(
            List.of(
                new Codebook.Theme(
                    "support",
                    "Support & development",
                    List.of(
                        new Codebook.Category(
                            "supervision",
                            "Supervision",
                            "Access to <supervision>",
                            List.of("sup_access"),
                            List.of("supervise"),
                            List.of()),
                        new Codebook.Category(
                            "peer_network",
                            "Peer network",
                            "Meeting other peer workers",
                            List.of("sup_access"),
                            List.of("peer"),
                            List.of()))),
                new Codebook.Theme(
                    "reward",
                    "Reward",
                    List.of(
                        new Codebook.Category(
                            "pay",
                            "Pay and grading",
                            "Pay bands",
                            List.of("pay_parity"),
                            List.of("pay"),
                            List.of()))))));
  }

  static List<RefiQdaExporter.ImportedCategory> importedCategories() {
    return List.of(
        new RefiQdaExporter.ImportedCategory("office_space", "support", "Where peer workers sit"));
  }

  static Segment segment(
      String id, String sourceId, String participant, SpeakerRole role, String text, String words) {
    int start = text.indexOf(words);
    return new Segment(
        id,
        sourceId,
        participant,
        0,
        role,
        null,
        start,
        start + words.length(),
        1,
        words,
        words.toLowerCase(java.util.Locale.ROOT),
        "",
        "en");
  }

  static List<RefiQdaExporter.ExportSource> sources() {
    SourceDocument p01 = new SourceDocument("P01.txt", "P01", "P01.txt", "0".repeat(64), P01_TEXT);
    SourceDocument p02 = new SourceDocument("P02.txt", "P02", "P02.txt", "1".repeat(64), P02_TEXT);
    return List.of(
        source(
            p01,
            "C1",
            List.of(
                segment(
                    "a1",
                    "P01.txt",
                    "P01",
                    SpeakerRole.INTERVIEWER,
                    P01_TEXT,
                    "Who supervises you?"),
                segment(
                    "a2",
                    "P01.txt",
                    "P01",
                    SpeakerRole.PARTICIPANT,
                    P01_TEXT,
                    "Mary Jones does, every week."),
                segment(
                    "a3",
                    "P01.txt",
                    "P01",
                    SpeakerRole.PARTICIPANT,
                    P01_TEXT,
                    "We meet in the office."),
                segment(
                    "a4",
                    "P01.txt",
                    "P01",
                    SpeakerRole.PARTICIPANT,
                    P01_TEXT,
                    "The pay is the same band as Mary Jones."))),
        source(
            p02,
            "C2",
            List.of(
                segment(
                    "b1",
                    "P02.txt",
                    "P02",
                    SpeakerRole.PARTICIPANT,
                    P02_TEXT,
                    "I 😀 love the peer group. Reach me at a@b.org."))));
  }

  /** A source as the store gives it: with the codings of its segments only. */
  private static RefiQdaExporter.ExportSource source(
      SourceDocument source, String caseId, List<Segment> segments) {
    List<String> ids = segments.stream().map(Segment::segmentId).toList();
    return new RefiQdaExporter.ExportSource(
        source,
        caseId,
        segments,
        codings().stream().filter(c -> ids.contains(c.segmentId())).toList());
  }

  static List<String> provenances() {
    return codings().stream().map(RefiQdaExporter.SegmentCoding::provenance).distinct().toList();
  }

  static List<RefiQdaExporter.SegmentCoding> codings() {
    return List.of(
        new RefiQdaExporter.SegmentCoding("a2", "supervision", "imported:QualCoder 3.6", null),
        new RefiQdaExporter.SegmentCoding("a2", "supervision", "rule:supervision", "supervise"),
        new RefiQdaExporter.SegmentCoding("a3", "office_space", "imported:QualCoder 3.6", null),
        new RefiQdaExporter.SegmentCoding("a4", "pay", "rule:pay_parity", "same, pay"),
        new RefiQdaExporter.SegmentCoding("b1", "peer_network", "rule:peer_network", "peer"));
  }

  static RefiQdaExporter exporter() {
    return new RefiQdaExporter(sourceText());
  }

  static ExportedSourceText sourceText() {
    return new DeidentifiedSourceText(redaction(study().deidentify()));
  }

  /** De-identification by the study's lists and patterns alone (no NER, nothing stored). */
  static SourceRedaction redaction(Study.Deidentification config) {
    Deidentifier deidentifier =
        new Deidentifier(
            new IdentifierDetector(config),
            new InMemoryPseudonyms(config),
            new SpeakerTurnSegmenter(List.of("Interviewer"))::isRoleLabel);
    return new SourceRedaction(() -> deidentifier, source -> List.of(), KnownNames::none);
  }
}
