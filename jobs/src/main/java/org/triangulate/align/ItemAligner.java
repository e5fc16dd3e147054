package org.triangulate.align;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.triangulate.study.Study;

/**
 * Aligns one transcript's participant segments to items, from three kinds of evidence:
 *
 * <ul>
 *   <li><b>the question answered</b>: a semi-structured interview moves from topic to topic; an
 *       interviewer turn whose meaning is close enough to an item ({@code question-min-score})
 *       opens a section, and the participant turns up to the next such question answer it (probes
 *       and backchannels in between do not change the topic). The section's item is the one closest
 *       to the question and to the answers together; each answer's score is the mean of the
 *       question's and its own similarity to that item;
 *   <li><b>its own meaning</b>: a segment whose closest item is at least {@code semantic-min-score}
 *       similar is aligned to it by that similarity;
 *   <li><b>the topic guide's shape</b> ({@code domain-switch-cost}): an interview is read as runs
 *       of sections about one domain's items, each item taken by one section of a run ({@link
 *       DomainRuns});
 *   <li><b>codings</b>: a rule's or an imported coding's category names items; an alignment to one
 *       of them records the coding as evidence, and a segment coded to a category of a single item
 *       is aligned to it by its own similarity.
 * </ul>
 *
 * Stateless apart from its settings; thread-safe.
 */
public final class ItemAligner {

  private final ItemProfiles items;
  private final Study.Alignment settings;
  private final Map<String, List<String>> categoryItems;
  private final int[] domainNumbers;

  /**
   * @param categoryItems each codebook category's items
   */
  public ItemAligner(
      ItemProfiles items, Study.Alignment settings, Map<String, List<String>> categoryItems) {
    this.items = items;
    this.settings = settings;
    this.categoryItems = Map.copyOf(categoryItems);
    this.domainNumbers = items.domainNumbers();
  }

  /** A segment of the transcript in reading order, with its vector and codings. */
  public record Segment(
      String segmentId, int turnIndex, boolean participant, float[] vector, List<Coded> codings) {
    public Segment {
      codings = List.copyOf(codings);
    }
  }

  /** A coding of a segment: its category and provenance ({@code rule:<id>}, {@code imported:}). */
  public record Coded(String category, String provenance) {}

  /** Names this way of aligning: a source aligned by another is aligned again. */
  static final String METHOD = "question-sections-margin-domain-runs-1";

  /** How much the question weighs against the mean of its answers in telling a section's item. */
  static final double QUESTION_WEIGHT = 0.7;

  public List<ItemAlignment> align(List<Segment> segments) {
    List<double[]> sims = new ArrayList<>(segments.size());
    segments.forEach(s -> sims.add(items.similarities(s.vector())));
    // Interviewer turns, each with the participant segments up to the next interviewer turn.
    List<double[]> questions = new ArrayList<>();
    List<List<Integer>> answers = new ArrayList<>();
    List<Integer> beforeAnyQuestion = new ArrayList<>();
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      if (!s.participant()) {
        // A turn split into several segments asks what its closest part asks.
        double[] question = sims.get(i);
        int j = i + 1;
        while (j < segments.size()
            && !segments.get(j).participant()
            && segments.get(j).turnIndex() == s.turnIndex()) {
          question = max(question, sims.get(j));
          j++;
        }
        i = j - 1;
        questions.add(question);
        answers.add(new ArrayList<>());
      } else if (questions.isEmpty()) {
        beforeAnyQuestion.add(i);
      } else {
        answers.getLast().add(i);
      }
    }
    List<ItemAlignment> alignments = new ArrayList<>();
    Map<Integer, double[]> sectionOf = new LinkedHashMap<>();
    List<double[]> sections = new ArrayList<>();
    List<Integer> outside = new ArrayList<>(beforeAnyQuestion);
    double[] section = null;
    for (int q = 0; q < questions.size(); q++) {
      List<Integer> turn = answers.get(q);
      if (turn.isEmpty()) {
        continue;
      }
      double[] combined = questions.get(q).clone();
      for (int k = 0; k < combined.length; k++) {
        double mean = 0;
        for (int a : turn) {
          mean += sims.get(a)[k];
        }
        combined[k] = QUESTION_WEIGHT * combined[k] + (1 - QUESTION_WEIGHT) * mean / turn.size();
      }
      // A question and its answers close enough to an item open a section about it; otherwise
      // (a probe, a backchannel, a question about importance) the section goes on.
      if (combined[argmax(combined)] >= settings.questionMinScore()) {
        section = combined;
        sections.add(section);
      }
      for (int a : turn) {
        if (section == null) {
          outside.add(a);
        } else {
          sectionOf.put(a, section);
        }
      }
    }
    if (settings.domainSwitchCost() > 0) {
      DomainRuns.apply(sections, domainNumbers, settings.domainSwitchCost());
    }
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      if (!s.participant()) {
        continue;
      }
      double[] own = sims.get(i);
      Map<Integer, Double> scores = new LinkedHashMap<>();
      Map<Integer, Set<String>> evidence = new LinkedHashMap<>();
      double[] about = sectionOf.get(i);
      if (about != null) {
        int best = argmax(about);
        double margin = about[best] - secondBest(about, best);
        add(scores, evidence, best, margin, ItemAlignment.QUESTION);
        if (margin < settings.quoteMinScore()) {
          // Too close to call: the runner-up is kept too, scored by how far behind it is.
          int runnerUp = argmaxExcept(about, best);
          add(scores, evidence, runnerUp, -margin, ItemAlignment.QUESTION);
        }
        if (argmax(own) == best && own[best] >= settings.semanticMinScore()) {
          evidence.get(best).add(ItemAlignment.SEMANTIC);
        }
      } else if (outside.contains(i)) {
        int best = argmax(own);
        if (own[best] >= settings.semanticMinScore()) {
          add(scores, evidence, best, own[best] - secondBest(own, best), ItemAlignment.SEMANTIC);
        }
      }
      for (Coded coded : s.codings()) {
        List<String> ofCategory = categoryItems.getOrDefault(coded.category(), List.of());
        for (Integer item : scores.keySet()) {
          if (ofCategory.contains(items.itemId(item))) {
            evidence.get(item).add(coded.provenance());
          }
        }
      }
      scores.forEach((item, score) ->
          alignments.add(
              new ItemAlignment(
                  s.segmentId(), items.itemId(item), score, String.join(",", evidence.get(item)))));
    }
    return alignments;
  }

  private static double secondBest(double[] values, int best) {
    return values.length < 2 ? 0 : values[argmaxExcept(values, best)];
  }

  private static int argmaxExcept(double[] values, int except) {
    int best = except == 0 ? 1 : 0;
    for (int i = 0; i < values.length; i++) {
      if (i != except && values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  private int indexOf(String itemId) {
    for (int i = 0; i < items.size(); i++) {
      if (items.itemId(i).equals(itemId)) {
        return i;
      }
    }
    return -1;
  }

  private static void add(
      Map<Integer, Double> scores,
      Map<Integer, Set<String>> evidence,
      int item,
      double score,
      String provenance) {
    scores.merge(item, score, Math::max);
    evidence.computeIfAbsent(item, k -> new LinkedHashSet<>()).add(provenance);
  }

  private static double[] max(double[] a, double[] b) {
    double[] m = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      m[i] = Math.max(a[i], b[i]);
    }
    return m;
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
