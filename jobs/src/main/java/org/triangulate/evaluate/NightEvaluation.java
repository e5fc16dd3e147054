package org.triangulate.evaluate;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.study.Study;

/**
 * A night's packs and alignments measured against its study's planted truth: quote figures per pack
 * (then {@code all}), alignment over every stored alignment, and alignment counting only those at
 * the quote threshold ({@code alignment} and {@code quotable} are null when the store has none).
 * Immutable.
 */
public record NightEvaluation(
    String study,
    List<Evaluation.QuoteFigures> quotes,
    Evaluation.AlignmentFigures alignment,
    Evaluation.AlignmentFigures quotable) {

  public NightEvaluation {
    quotes = List.copyOf(quotes);
  }

  /**
   * @param input the study's input folder (with {@code planted.yml} and {@code responses.csv})
   * @param packs the folder of the night's packs
   */
  public static NightEvaluation measure(JdbcTemplate jdbc, Study study, Path input, Path packs) {
    PlantedTruth truth = PlantedTruth.read(input.resolve("planted.yml"));
    StoredExtracts stored = new StoredExtracts(jdbc, study.name());
    Map<String, ExtractSpan> spans = stored.participantSpans();
    Map<String, String> domains =
        study.items().stream().collect(Collectors.toMap(Study.Item::id, Study.Item::domain));
    List<Evaluation.QuoteFigures> quotes =
        Evaluation.quotes(
            truth,
            spans,
            PackQuotes.read(packs),
            StudyAnswers.read(input.resolve("responses.csv"), study.happening()),
            domains);
    if (!stored.hasAlignments()) {
      return new NightEvaluation(study.name(), quotes, null, null);
    }
    return new NightEvaluation(
        study.name(),
        quotes,
        Evaluation.alignment(truth, spans, stored.alignedItems()),
        Evaluation.alignment(truth, spans, stored.alignedItems(study.alignment().quoteMinScore())));
  }

  /** The figures as a Markdown table ({@link EvaluationTable}). */
  public String table() {
    return EvaluationTable.format(study, quotes, alignment, quotable);
  }
}
