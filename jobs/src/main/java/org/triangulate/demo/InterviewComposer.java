package org.triangulate.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.triangulate.study.Study;

/**
 * Plans one interview: draws a length, picks the items to talk about (planted items three times as
 * likely, items the participant called not relevant seldom), writes their sections until the length
 * is reached, then puts them in questionnaire order with each domain introduced. Immutable;
 * thread-safe as long as each call has its own random stream.
 */
final class InterviewComposer {

  /** Words a turn's label and timestamp add, in the worst case ("[00:12:31] Interviewer 1:"). */
  static final int LABEL_WORDS = 3;

  private final PhraseBank bank;
  private final DemoDesign design;
  private final Study study;
  private final Set<String> plantedItems;
  private final boolean shuffledTopics;
  private final LocalIdentifiers local;

  /**
   * @param local a second language's identifying details when {@code bank} is in that language,
   *     null for the design's own
   */
  InterviewComposer(
      PhraseBank bank,
      DemoDesign design,
      Study study,
      Set<String> plantedItems,
      boolean shuffledTopics,
      LocalIdentifiers local) {
    this.bank = bank;
    this.design = design;
    this.study = study;
    this.plantedItems = Set.copyOf(plantedItems);
    this.shuffledTopics = shuffledTopics;
    this.local = local;
  }

  InterviewComposer(
      PhraseBank bank,
      DemoDesign design,
      Study study,
      Set<String> plantedItems,
      boolean shuffledTopics) {
    this(bank, design, study, plantedItems, shuffledTopics, null);
  }

  InterviewComposer(PhraseBank bank, DemoDesign design, Study study, Set<String> plantedItems) {
    this(bank, design, study, plantedItems, false);
  }

  /** The same plan in another language: its phrase bank and its identifying details. */
  InterviewComposer inLanguage(PhraseBank bank, LocalIdentifiers local) {
    return new InterviewComposer(bank, design, study, plantedItems, shuffledTopics, local);
  }

  /** The items in questionnaire order, or domains and the items within them shuffled. */
  private List<Study.Item> itemOrder(RandomGenerator random) {
    if (!shuffledTopics) {
      return study.items();
    }
    List<Study.Item> ordered = new ArrayList<>();
    for (Study.Domain domain : Draw.shuffled(random, study.domains())) {
      ordered.addAll(
          Draw.shuffled(
              random, study.items().stream().filter(i -> i.domain().equals(domain.id())).toList()));
    }
    return ordered;
  }

  List<Turn> compose(
      DemoParticipant participant, List<DemoAnswer> answers, RandomGenerator random) {
    DemoDesign.TranscriptPlan plan = design.transcripts();
    InterviewWriter writer = new InterviewWriter(bank, design, participant, random, local);
    List<Turn> opening = writer.opening();
    List<Turn> closing = writer.closing();
    int target = Draw.between(random, plan.minWords() + 250, plan.maxWords() - 450);
    int words = words(opening) + words(closing);
    Map<String, List<Turn>> sections = new LinkedHashMap<>();
    for (DemoAnswer answer : prioritised(answers, random)) {
      if (words >= target) {
        break;
      }
      List<Turn> section = writer.section(answer);
      sections.put(answer.itemId(), section);
      words += words(section);
    }
    List<Turn> turns = new ArrayList<>(opening);
    String domain = null;
    for (Study.Item item : itemOrder(random)) {
      List<Turn> section = sections.get(item.id());
      if (section == null) {
        continue;
      }
      Turn prompt = section.get(0);
      if (!item.domain().equals(domain)) {
        domain = item.domain();
        String intro = Draw.pick(random, bank.interviewer().domainIntros().get(domain));
        prompt = prompt.withPrefix(writer.lead(intro));
      } else if (Draw.chance(random, 0.35)) {
        prompt = prompt.withPrefix(writer.lead(Draw.pick(random, bank.interviewer().moveOn())));
      }
      turns.add(prompt);
      turns.addAll(section.subList(1, section.size()));
    }
    turns.addAll(closing);
    return List.copyOf(turns);
  }

  /**
   * Answered items in a random order where planted items come earlier (weighted sampling without
   * replacement: key u^(1/w)); "not relevant" answers are mostly left out.
   */
  private List<DemoAnswer> prioritised(List<DemoAnswer> answers, RandomGenerator random) {
    record Keyed(DemoAnswer answer, double key) {}
    List<Keyed> keyed = new ArrayList<>();
    for (DemoAnswer answer : answers) {
      double u = random.nextDouble();
      if (answer.happening().equals("not_relevant") && !Draw.chance(random, 0.25)) {
        continue;
      }
      double weight = plantedItems.contains(answer.itemId()) ? 3 : 1;
      keyed.add(new Keyed(answer, Math.pow(u, 1 / weight)));
    }
    keyed.sort(Comparator.comparingDouble(Keyed::key).reversed());
    return keyed.stream().map(Keyed::answer).toList();
  }

  static int words(List<Turn> turns) {
    return turns.stream().mapToInt(t -> t.words() + LABEL_WORDS).sum();
  }
}
