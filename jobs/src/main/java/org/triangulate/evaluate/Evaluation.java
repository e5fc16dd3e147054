package org.triangulate.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures of a night against planted truth. Quote item precision: the share of quotes that overlap
 * a planted passage about their row's item (domain precision: about an item of the same domain).
 * Answer agreement: the share of quotes whose shown speaker answer is the answer that speaker gave
 * the item. Alignment recall: the share of planted passages (lying in participant segments) of
 * which at least half is in segments aligned to the passage's item; alignment precision: the share
 * of aligned segments overlapping planted passages that overlap one about the aligned item.
 * Stateless.
 */
public final class Evaluation {

  private Evaluation() {}

  /** Counts behind one line of the table. */
  public record QuoteFigures(
      String pack, int quotes, int aboutItem, int aboutDomain, int answersShown, int answersAgree) {

    public double itemPrecision() {
      return share(aboutItem, quotes);
    }

    public double domainPrecision() {
      return share(aboutDomain, quotes);
    }

    /** NaN when the packs show no speaker answers. */
    public double answerAgreement() {
      return share(answersAgree, answersShown);
    }
  }

  public record AlignmentFigures(
      int passages, int recalled, int alignedOverlapping, int alignedCorrect) {
    public double recall() {
      return share(recalled, passages);
    }

    public double precision() {
      return share(alignedCorrect, alignedOverlapping);
    }
  }

  /**
   * @param spans participant segments by id
   * @param answers the answer each participant gave each item, keyed {@code participant/item}
   * @param domains each item's domain
   * @return one line per pack, then one for all packs (pack name {@code all})
   */
  public static List<QuoteFigures> quotes(
      PlantedTruth truth,
      Map<String, ExtractSpan> spans,
      List<PackQuote> quotes,
      Map<String, String> answers,
      Map<String, String> domains) {
    Map<String, int[]> byPack = new LinkedHashMap<>();
    int[] all = new int[5];
    for (PackQuote q : quotes) {
      int[] counts = byPack.computeIfAbsent(q.pack(), k -> new int[5]);
      ExtractSpan span = spans.get(q.extractId());
      boolean item = false;
      boolean domain = false;
      if (span != null) {
        for (PlantedPassage p : truth.passages(span.file())) {
          if (p.overlaps(span.file(), span.start(), span.end())) {
            item |= p.item().equals(q.itemId());
            domain |=
                domains.get(p.item()) != null
                    && domains.get(p.item()).equals(domains.get(q.itemId()));
          }
        }
      }
      boolean shown = q.speakerAnswer() != null;
      // An empty answer shown says the speaker gave none: right when the input has none either.
      boolean agrees =
          shown
              && span != null
              && java.util.Objects.equals(
                  q.speakerAnswer().isEmpty() ? null : q.speakerAnswer(),
                  answers.get(span.participantId() + "/" + q.itemId()));
      for (int[] c : List.of(counts, all)) {
        c[0]++;
        c[1] += item ? 1 : 0;
        c[2] += domain ? 1 : 0;
        c[3] += shown ? 1 : 0;
        c[4] += agrees ? 1 : 0;
      }
    }
    List<QuoteFigures> figures = new ArrayList<>();
    byPack.forEach((pack, c) -> figures.add(new QuoteFigures(pack, c[0], c[1], c[2], c[3], c[4])));
    figures.add(new QuoteFigures("all", all[0], all[1], all[2], all[3], all[4]));
    return figures;
  }

  /**
   * @param aligned the items each segment is aligned to (above the quote threshold)
   */
  public static AlignmentFigures alignment(
      PlantedTruth truth, Map<String, ExtractSpan> spans, Map<String, List<String>> aligned) {
    Map<String, List<ExtractSpan>> byFile = new LinkedHashMap<>();
    spans.values().forEach(s -> byFile.computeIfAbsent(s.file(), k -> new ArrayList<>()).add(s));
    int passages = 0;
    int recalled = 0;
    for (Map.Entry<String, List<ExtractSpan>> file : byFile.entrySet()) {
      for (PlantedPassage p : truth.passages(file.getKey())) {
        int covered = 0;
        int alignedChars = 0;
        for (ExtractSpan s : file.getValue()) {
          int overlap = p.overlap(s.start(), s.end());
          covered += overlap;
          if (overlap > 0 && aligned.getOrDefault(s.segmentId(), List.of()).contains(p.item())) {
            alignedChars += overlap;
          }
        }
        if (covered * 2 >= p.end() - p.start()) {
          passages++;
          recalled += alignedChars * 2 >= p.end() - p.start() ? 1 : 0;
        }
      }
    }
    int overlapping = 0;
    int correct = 0;
    for (ExtractSpan s : spans.values()) {
      List<PlantedPassage> here =
          truth.passages(s.file()).stream()
              .filter(p -> p.overlaps(s.file(), s.start(), s.end()))
              .toList();
      if (here.isEmpty()) {
        continue;
      }
      for (String item : aligned.getOrDefault(s.segmentId(), List.of())) {
        overlapping++;
        correct += here.stream().anyMatch(p -> p.item().equals(item)) ? 1 : 0;
      }
    }
    return new AlignmentFigures(passages, recalled, overlapping, correct);
  }

  private static double share(int part, int whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}
