package org.triangulate.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Makes the demo's de-identification a measure of detection rather than of the answer key: swaps a
 * share of the places, organisations, towns and streets an interview says for names study.yml's
 * lists never hold (design.yml's {@code unlisted-*}), and has some speakers with lived experience
 * give their date of birth after telling about themselves. It works on a composed interview with
 * its own random stream, so the interview's words, length and every other draw are those it would
 * have without it. Stateless.
 */
final class HeldOutNames {

  private final DemoDesign design;
  private final PhraseBank bank;
  private final LocalIdentifiers local;

  HeldOutNames(DemoDesign design, PhraseBank bank) {
    this(design, bank, null);
  }

  /**
   * @param local a second language's identifying details: its names are all held out already, so
   *     none is swapped, and dates of birth are said that language's way
   */
  HeldOutNames(DemoDesign design, PhraseBank bank, LocalIdentifiers local) {
    this.design = design;
    this.bank = bank;
    this.local = local;
  }

  List<Turn> apply(List<Turn> turns, DemoParticipant participant, RandomGenerator random) {
    List<Turn> out = new ArrayList<>();
    int participantOpening = 0;
    for (Turn turn : turns) {
      Turn swapped =
          new Turn(
              turn.speaker(),
              turn.paragraphs().stream().map(p -> swapped(p, participant, random)).toList(),
              turn.itemId());
      // The opening's second participant turn is the one about themselves (the first agrees).
      if (turn.speaker() == Turn.Speaker.PARTICIPANT
          && turn.itemId() == null
          && ++participantOpening == 2) {
        SpannedText born = dateOfBirth(participant, random);
        if (born != null) {
          swapped = swapped.withSuffix(born);
        }
      }
      out.add(swapped);
    }
    return List.copyOf(out);
  }

  /** The paragraph with some listed names said in it replaced by unlisted ones of their kind. */
  private SpannedText swapped(
      SpannedText paragraph, DemoParticipant participant, RandomGenerator random) {
    if (local != null) {
      return paragraph;
    }
    String text = paragraph.text();
    SpannedText out = new SpannedText();
    int at = 0;
    List<SpannedText.Span> spans =
        paragraph.spans().stream()
            .sorted(Comparator.comparingInt(SpannedText.Span::start))
            .toList();
    for (SpannedText.Span span : spans) {
      out.append(text.substring(at, span.start()));
      String name = text.substring(span.start(), span.end());
      // A sentence's start capitalised "the Anchor Centre"; the swap keeps that capital.
      boolean capitalised = name.startsWith("The ");
      String listed = capitalised ? "t" + name.substring(1) : name;
      List<String> unlisted = unlisted(span.kind(), listed, participant.caseDesign());
      if (!unlisted.isEmpty() && Draw.chance(random, design.transcripts().heldOutNames())) {
        String swap = Draw.pick(random, unlisted);
        if (capitalised) {
          swap = Character.toUpperCase(swap.charAt(0)) + swap.substring(1);
        }
        out.append(swap, span.kind(), true);
      } else {
        out.append(name, span.kind(), span.heldOut());
      }
      at = span.end();
    }
    return out.append(text.substring(at));
  }

  /** The unlisted names that may stand for a listed one, by what the listed one is. */
  private List<String> unlisted(String kind, String name, DemoDesign.CaseDesign c) {
    return switch (kind) {
      case "organisation" -> c.unlistedOrganisations();
      case "place" -> {
        if (c.places().contains(name)) {
          yield c.unlistedPlaces();
        }
        if (design.people().streets().contains(name)) {
          yield design.people().unlistedStreets();
        }
        yield name.equals(c.shortName()) ? c.unlistedTowns() : List.of();
      }
      default -> List.of();
    };
  }

  /** Now and then, for speakers who say one, a sentence giving their date of birth; else null. */
  private SpannedText dateOfBirth(DemoParticipant participant, RandomGenerator random) {
    List<String> phrases = sayable(bank.participant().datesOfBirth(), participant);
    if (phrases.isEmpty() || !Draw.chance(random, design.transcripts().datesOfBirth())) {
      return null;
    }
    String phrase = Draw.pick(random, phrases);
    int slot = phrase.indexOf(DOB_SLOT);
    if (slot < 0) {
      throw new IllegalStateException("phrases.yml: a dates-of-birth phrase without " + DOB_SLOT);
    }
    SpannedText out = new SpannedText().append(phrase.substring(0, slot));
    if (local == null) {
      Identifiers.dateOfBirth(design.interviewYear(), random, out);
    } else {
      out.append(local.dateOfBirth(design.interviewYear(), random), Identifiers.DATE_OF_BIRTH);
    }
    return out.append(phrase.substring(slot + DOB_SLOT.length())).capitalised();
  }

  private static final String DOB_SLOT = "{dob}";
  private static final java.util.regex.Pattern TAG =
      java.util.regex.Pattern.compile("^\\(([a-z]+)\\) ");

  /** The phrases this speaker's voice says: "(lived) ..." only by speakers tagged lived. */
  private List<String> sayable(List<String> phrases, DemoParticipant participant) {
    List<String> tags = bank.voice(participant.group()).tags();
    List<String> sayable = new ArrayList<>();
    for (String phrase : phrases) {
      java.util.regex.Matcher tag = TAG.matcher(phrase);
      if (!tag.find()) {
        sayable.add(phrase);
      } else if (tags.contains(tag.group(1))) {
        sayable.add(phrase.substring(tag.end()));
      }
    }
    return sayable;
  }
}
