package org.triangulate.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compares every two coders on every category over the segments both saw (see {@link PairTable}).
 * Coders are taken in name order, so the first of a pair is the one whose name sorts first.
 * Stateless.
 */
public final class AgreementCalculator {

  private AgreementCalculator() {}

  public static Agreement compare(List<String> categories, CodedSegments coded) {
    List<CodedSegments.Coder> coders =
        coded.coders().stream().sorted(Comparator.comparing(CodedSegments.Coder::name)).toList();
    List<Agreement.Row> rows = new ArrayList<>();
    List<Agreement.Disagreement> disagreements = new ArrayList<>();
    for (int i = 0; i < coders.size(); i++) {
      for (int j = i + 1; j < coders.size(); j++) {
        CodedSegments.Coder first = coders.get(i);
        CodedSegments.Coder second = coders.get(j);
        List<CodedSegments.Unit> shared =
            coded.segments().values().stream()
                .filter(u -> first.seen().contains(u.segmentId()))
                .filter(u -> second.seen().contains(u.segmentId()))
                .toList();
        for (String category : categories) {
          rows.add(
              new Agreement.Row(
                  category,
                  first.name(),
                  second.name(),
                  table(category, shared, first, second, disagreements)));
        }
      }
    }
    return new Agreement(rows, disagreements);
  }

  private static PairTable table(
      String category,
      List<CodedSegments.Unit> shared,
      CodedSegments.Coder first,
      CodedSegments.Coder second,
      List<Agreement.Disagreement> disagreements) {
    long both = 0;
    long firstOnly = 0;
    long secondOnly = 0;
    long neither = 0;
    long chars = 0;
    long firstChars = 0;
    long secondChars = 0;
    for (CodedSegments.Unit unit : shared) {
      boolean a = first.coded(unit.segmentId(), category);
      boolean b = second.coded(unit.segmentId(), category);
      chars += unit.chars();
      firstChars += a ? unit.chars() : 0;
      secondChars += b ? unit.chars() : 0;
      if (a && b) {
        both++;
      } else if (a) {
        firstOnly++;
        disagreements.add(disagreement(unit, category, first, second));
      } else if (b) {
        secondOnly++;
        disagreements.add(disagreement(unit, category, second, first));
      } else {
        neither++;
      }
    }
    return new PairTable(both, firstOnly, secondOnly, neither, chars, firstChars, secondChars);
  }

  private static Agreement.Disagreement disagreement(
      CodedSegments.Unit unit,
      String category,
      CodedSegments.Coder codedBy,
      CodedSegments.Coder notCodedBy) {
    return new Agreement.Disagreement(
        unit.segmentId(), unit.participantId(), category, codedBy.name(), notCodedBy.name());
  }
}
