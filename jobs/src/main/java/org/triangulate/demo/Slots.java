package org.triangulate.demo;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a phrase's slots for one interview: the speaker's way of naming the people the study is
 * about, the case's team, and identifying details (recorded as spans of their kind). Each interview
 * has its own two colleagues, so a transcript keeps talking about the same people. Not thread-safe.
 */
final class Slots {

  private static final Pattern SLOT = Pattern.compile("\\{([a-z_]+)\\}");

  private final DemoParticipant participant;
  private final DemoDesign design;
  private final PhraseBank.Voice voice;
  private final RandomGenerator random;
  private final List<String> colleagues;
  private final LocalIdentifiers local;

  /**
   * @param local a second language's identifying details, or null for the design's own
   */
  Slots(
      DemoParticipant participant,
      DemoDesign design,
      PhraseBank bank,
      RandomGenerator random,
      LocalIdentifiers local) {
    this.participant = participant;
    this.design = design;
    this.voice = bank.voice(participant.group());
    this.random = random;
    this.local = local;
    this.colleagues =
        local == null
            ? List.of(
                Identifiers.fullName(design.people(), random),
                Identifiers.fullName(design.people(), random))
            : List.of(local.fullName(random), local.fullName(random));
  }

  /** Whether this speaker says phrases marked with {@code tag}. */
  boolean says(String tag) {
    return voice.tags().contains(tag);
  }

  /** The phrase with every slot filled; {@code extra} fills slots such as {topic}. */
  SpannedText fill(String phrase, Map<String, String> extra) {
    SpannedText out = new SpannedText();
    // One colleague per phrase, so "{colleague_first} ... {email}" is one person.
    String colleague = Draw.pick(random, colleagues);
    Matcher m = SLOT.matcher(phrase);
    int last = 0;
    while (m.find()) {
      out.append(phrase.substring(last, m.start()));
      String slot = m.group(1);
      if (extra.containsKey(slot)) {
        out.append(extra.get(slot));
      } else {
        value(slot, colleague, out);
      }
      last = m.end();
    }
    out.append(phrase.substring(last));
    return out.capitalised();
  }

  private void value(String slot, String colleague, SpannedText out) {
    if (local != null) {
      localValue(slot, colleague, out);
      return;
    }
    DemoDesign.CaseDesign c = participant.caseDesign();
    switch (slot) {
      case "pw" -> out.append(Draw.pick(random, voice.pw()));
      case "pw_obj" -> out.append(Draw.pick(random, voice.pwObj()));
      case "pw_poss" -> out.append(Draw.pick(random, voice.pwPoss()));
      case "team" -> out.append(c.team());
      case "first_name" -> out.append(participant.firstName(), "person");
      case "colleague" -> out.append(colleague, "person");
      case "colleague_first" ->
          out.append(colleague.substring(0, colleague.indexOf(' ')), "person");
      case "org" -> out.append(c.shortName(), "organisation");
      case "org_full" -> out.append(c.organisation(), "organisation");
      case "place" -> out.append(Draw.pick(random, c.places()), "place");
      case "town" -> out.append(c.shortName(), "place");
      case "street" -> out.append(Draw.pick(random, design.people().streets()), "place");
      case "postcode" -> out.append(Identifiers.postcode(c, random), "postcode");
      case "phone" -> out.append(Identifiers.phone(c, random), "phone");
      case "nhs_number" -> out.append(Identifiers.nhsNumber(random), "nhs_number");
      case "email" -> {
        int space = colleague.indexOf(' ');
        out.append(
            Identifiers.email(colleague.substring(0, space), colleague.substring(space + 1), c),
            "email");
      }
      default -> throw new IllegalStateException("phrases.yml: unknown slot {" + slot + "}");
    }
  }

  /**
   * A second language's identifying details; its places, organisations, towns and streets are in
   * none of study.yml's lists, so they are held out.
   */
  private void localValue(String slot, String colleague, SpannedText out) {
    int space = colleague.indexOf(' ');
    switch (slot) {
      case "pw" -> out.append(Draw.pick(random, voice.pw()));
      case "pw_obj" -> out.append(Draw.pick(random, voice.pwObj()));
      case "pw_poss" -> out.append(Draw.pick(random, voice.pwPoss()));
      case "first_name" -> out.append(participant.firstName(), "person");
      case "colleague" -> out.append(colleague, "person");
      case "colleague_first" -> out.append(colleague.substring(0, space), "person");
      case "org", "org_full" ->
          out.append(Draw.pick(random, local.organisations()), "organisation", true);
      case "place" -> out.append(Draw.pick(random, local.places()), "place", true);
      case "town" -> out.append(Draw.pick(random, local.towns()).name(), "place", true);
      case "street" -> out.append(local.street(random), "place", true);
      case "postcode" -> {
        LocalIdentifiers.Town town = Draw.pick(random, local.towns());
        out.append(town.postcode(), "postcode").append(" ").append(town.name(), "place", true);
      }
      case "phone" -> out.append(local.phone(random), "phone");
      case "nir" -> out.append(local.nir(random), Identifiers.NIR);
      case "email" ->
          out.append(
              local.email(colleague.substring(0, space), colleague.substring(space + 1)), "email");
      default ->
          throw new IllegalStateException(
              local.language() + "-phrases.yml: unknown slot {" + slot + "}");
    }
  }
}
