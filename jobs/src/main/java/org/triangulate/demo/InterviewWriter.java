package org.triangulate.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Writes one interview's turns from the phrase bank: the opening, one section per discussed item
 * (prompt, answer in keeping with the participant's A answer, perhaps a probe and a follow-up,
 * perhaps the importance they gave), and the closing. Phrases are not repeated within an interview.
 * Not thread-safe; one per interview.
 */
final class InterviewWriter {

  /** "(staff) We ran..." : a phrase only speakers with that tag say. */
  private static final java.util.regex.Pattern TAG =
      java.util.regex.Pattern.compile("^\\(([a-z]+)\\) ");

  private final PhraseBank bank;
  private final DemoParticipant participant;
  private final Slots slots;
  private final Disfluency speech;
  private final RandomGenerator random;
  private final Set<String> used = new HashSet<>();

  /**
   * @param local a second language's identifying details, or null for the design's own
   */
  InterviewWriter(
      PhraseBank bank,
      DemoDesign design,
      DemoParticipant participant,
      RandomGenerator random,
      LocalIdentifiers local) {
    this.bank = bank;
    this.participant = participant;
    this.random = random;
    this.slots = new Slots(participant, design, bank, random, local);
    this.speech = new Disfluency(bank.speech(), random);
  }

  List<Turn> opening() {
    PhraseBank.Interviewer asks = bank.interviewer();
    List<String> background = bank.participant().background().get(participant.group());
    List<String> told = fresh(background, Draw.between(random, 2, 4));
    if (Draw.chance(random, 0.3)) {
      told = append(told, fresh(sayable(bank.participant().anecdotes()), 1));
    }
    return List.of(
        asked(null, Draw.pick(random, asks.greetings()) + " " + Draw.pick(random, asks.consent())),
        said(null, List.of(Draw.pick(random, bank.participant().agree())), Map.of()),
        asked(null, Draw.pick(random, asks.background())),
        said(null, told, Map.of()));
  }

  /** The turns about one item, in keeping with the participant's answers to it. */
  List<Turn> section(DemoAnswer answer) {
    PhraseBank.Topic topic = bank.topics().get(answer.itemId());
    Map<String, String> extra = Map.of("topic", topic.topic());
    String item = answer.itemId();
    List<String> pool =
        new ArrayList<>(Draw.shuffled(random, sayable(topic.said(answer.happening()))));
    List<String> stance = bank.participant().stance().get(answer.happening());
    List<String> first = new ArrayList<>();
    if (pool.isEmpty() || Draw.chance(random, 0.35)) {
      first.addAll(fresh(stance, 1));
    }
    first.addAll(take(pool, Draw.between(random, 2, 4)));
    addOccasionally(first, bank.participant().elaborations(), 0.3);
    addOccasionally(first, sayable(bank.participant().anecdotes()), 0.22);
    if (first.isEmpty()) {
      first.add(Draw.pick(random, stance));
    }
    List<Turn> turns = new ArrayList<>();
    turns.add(asked(item, Draw.pick(random, topic.prompts())));
    if (first.size() >= 3 && Draw.chance(random, 0.15)) {
      int half = first.size() / 2;
      turns.add(said(item, first.subList(0, half), extra));
      turns.add(asked(item, Draw.pick(random, bank.interviewer().backchannels())));
      turns.add(said(item, first.subList(half, first.size()), extra));
    } else {
      turns.add(said(item, first, extra));
    }
    // Only a substantive answer invites a probe or a rating of importance.
    boolean substantive =
        org.triangulate.study.Happening.ofCode(answer.happening()).isSubstantive();
    if (substantive && Draw.chance(random, 0.45)) {
      List<String> more = take(pool, Draw.between(random, 1, 2));
      addOccasionally(more, bank.participant().elaborations(), more.isEmpty() ? 1 : 0.4);
      addOccasionally(more, sayable(bank.participant().anecdotes()), 0.2);
      if (!more.isEmpty()) {
        turns.add(probe(item));
        turns.add(said(item, more, extra));
      }
    }
    if (substantive && answer.importance() != null && Draw.chance(random, 0.55)) {
      turns.add(asked(item, Draw.pick(random, bank.interviewer().importance())));
      List<String> rating = bank.participant().importance().get(answer.importance().toString());
      List<String> rated = fresh(rating, 1);
      turns.add(said(item, rated.isEmpty() ? List.of(Draw.pick(random, rating)) : rated, extra));
    }
    return turns;
  }

  List<Turn> closing() {
    PhraseBank.Interviewer asks = bank.interviewer();
    return List.of(
        asked(null, Draw.pick(random, asks.anythingElse())),
        said(null, List.of(Draw.pick(random, bank.participant().anythingElse())), Map.of()),
        asked(null, Draw.pick(random, asks.closing())),
        said(null, List.of(Draw.pick(random, bank.participant().goodbye())), Map.of()));
  }

  /** A domain's introduction, or a word of thanks, said before the next prompt. */
  SpannedText lead(String phrase) {
    return slots.fill(phrase, Map.of());
  }

  private Turn probe(String item) {
    Turn.Speaker who =
        Draw.chance(random, 0.3) ? Turn.Speaker.SECOND_INTERVIEWER : Turn.Speaker.INTERVIEWER;
    return new Turn(
        who, List.of(slots.fill(Draw.pick(random, bank.interviewer().probes()), Map.of())), item);
  }

  private Turn asked(String item, String phrase) {
    return new Turn(
        Turn.Speaker.INTERVIEWER, List.of(slots.fill(speech.asked(phrase), Map.of())), item);
  }

  /** A participant turn; a long one now and then runs over two paragraphs. */
  private Turn said(String item, List<String> phrases, Map<String, String> extra) {
    List<SpannedText> sentences = new ArrayList<>();
    for (String phrase : phrases) {
      sentences.add(slots.fill(speech.spoken(phrase), extra));
    }
    int split = sentences.size() >= 4 && Draw.chance(random, 0.12) ? sentences.size() / 2 : -1;
    List<SpannedText> paragraphs = new ArrayList<>();
    SpannedText paragraph = new SpannedText();
    for (int i = 0; i < sentences.size(); i++) {
      if (i == split) {
        paragraphs.add(paragraph);
        paragraph = new SpannedText();
      } else if (i > 0) {
        paragraph.append(" ");
      }
      paragraph.append(sentences.get(i));
    }
    paragraphs.add(paragraph);
    return new Turn(Turn.Speaker.PARTICIPANT, paragraphs, item);
  }

  /** The phrases this speaker can say: tagged ones only if the speaker has the tag, untagged. */
  private List<String> sayable(List<String> phrases) {
    List<String> sayable = new ArrayList<>();
    for (String phrase : phrases) {
      java.util.regex.Matcher tag = TAG.matcher(phrase);
      if (!tag.find()) {
        sayable.add(phrase);
      } else if (slots.says(tag.group(1))) {
        sayable.add(phrase.substring(tag.end()));
      }
    }
    return sayable;
  }

  private List<String> take(List<String> pool, int n) {
    List<String> taken = new ArrayList<>();
    while (taken.size() < n && !pool.isEmpty()) {
      String phrase = pool.remove(0);
      if (used.add(phrase)) {
        taken.add(phrase);
      }
    }
    return taken;
  }

  /** Up to {@code n} phrases not yet said in this interview. */
  private List<String> fresh(List<String> phrases, int n) {
    return take(new ArrayList<>(Draw.shuffled(random, phrases)), n);
  }

  private void addOccasionally(List<String> phrases, List<String> pool, double probability) {
    if (Draw.chance(random, probability)) {
      phrases.addAll(fresh(pool, 1));
    }
  }

  private static List<String> append(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
