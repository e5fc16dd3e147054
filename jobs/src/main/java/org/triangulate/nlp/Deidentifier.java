package org.triangulate.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Replaces the identifying details of a transcript ({@link IdentifierDetector}) with pseudonyms
 * ({@link Pseudonyms}) in each of its segments: in the text ({@code [PERSON-7]}), in the speaker
 * label when it is a name, and in the lemmas (the lemmas of identifying tokens are dropped). Labels
 * that name a role ({@code Interviewer}, {@code R}, {@code P12}, {@code Speaker 2}) or are kept by
 * the study ({@code Note}) stay. As thread-safe as its {@link Pseudonyms}.
 */
public final class Deidentifier {

  private static final Pattern NAME_LABEL =
      Pattern.compile("\\p{Lu}[\\p{L}'’.-]*(?: \\p{Lu}[\\p{L}'’.-]*){0,2}");

  private final IdentifierDetector detector;
  private final Pseudonyms pseudonyms;
  private final Predicate<String> roleLabel;

  public Deidentifier(
      IdentifierDetector detector, Pseudonyms pseudonyms, Predicate<String> roleLabel) {
    this.detector = detector;
    this.pseudonyms = pseudonyms;
    this.roleLabel = roleLabel;
  }

  /** The speaker labels of {@code segments} that are names rather than roles. */
  public Set<String> labelNames(List<Segment> segments) {
    Set<String> names = new LinkedHashSet<>();
    for (Segment segment : segments) {
      String label = segment.speakerLabel();
      if (isName(label)) {
        names.add(label.strip());
      }
    }
    return names;
  }

  private boolean isName(String label) {
    return label != null
        && NAME_LABEL.matcher(label.strip()).matches()
        && !roleLabel.test(label)
        && !detector.kept(label);
  }

  /** The identifiers of a transcript: see {@link IdentifierDetector#detect}. */
  public List<Identifier> identifiers(
      String sourceText, List<EntityMention> mentions, KnownNames known, List<Segment> segments) {
    return detector.detect(sourceText, mentions, known, labelNames(segments));
  }

  /** The transcript's segments de-identified, in the order given. */
  public List<DeidentifiedSegment> deidentify(
      String sourceText, List<EntityMention> mentions, KnownNames known, List<Segment> segments) {
    return deidentify(sourceText, identifiers(sourceText, mentions, known, segments), segments);
  }

  /** The transcript's segments with the given identifiers (in text order) replaced. */
  public List<DeidentifiedSegment> deidentify(
      String sourceText, List<Identifier> identifiers, List<Segment> segments) {
    Map<String, String> labels = new HashMap<>();
    for (Identifier id : identifiers) {
      if (id.kind() == IdentifierKind.PERSON) {
        labels.putIfAbsent(sourceText.substring(id.start(), id.end()), pseudonyms.of(id));
      }
    }
    List<DeidentifiedSegment> deidentified = new ArrayList<>();
    for (Segment segment : segments) {
      String label = segment.speakerLabel();
      if (isName(label)) {
        label =
            labels.computeIfAbsent(
                label.strip(),
                l -> pseudonyms.of(new Identifier(0, 0, IdentifierKind.PERSON, NameKey.of(l))));
      }
      deidentified.add(
          new DeidentifiedSegment(
              segment.segmentId(),
              replace(sourceText, segment.start(), segment.end(), identifiers),
              label,
              lemmas(segment, sourceText, identifiers)));
    }
    return deidentified;
  }

  /** A text on its own, without NER: patterns, the study's lists and the given known names. */
  public String apply(String text, KnownNames known) {
    return replace(text, 0, text.length(), detector.detect(text, List.of(), known, List.of()));
  }

  /** {@code text[from, to)} with the given identifiers (in text order) replaced. */
  public String replace(String text, int from, int to, List<Identifier> identifiers) {
    StringBuilder out = new StringBuilder();
    int at = from;
    for (Identifier id : identifiers) {
      if (id.overlaps(from, to)) {
        if (id.start() > at) {
          out.append(text, at, id.start());
        }
        out.append(pseudonyms.of(id));
        at = Math.max(at, Math.min(id.end(), to));
      }
    }
    if (at < to) {
      out.append(text, at, to);
    }
    return out.toString();
  }

  /** The segment's lemmas without those of identifying tokens. */
  private static String lemmas(Segment segment, String text, List<Identifier> identifiers) {
    String[] lemmas = segment.lemmas().isEmpty() ? new String[0] : segment.lemmas().split(" ");
    List<Identifier> inSegment =
        identifiers.stream().filter(id -> id.overlaps(segment.start(), segment.end())).toList();
    if (inSegment.isEmpty()) {
      return segment.lemmas();
    }
    String[] starts =
        segment.lemmaStarts() == null || segment.lemmaStarts().isEmpty()
            ? null
            : segment.lemmaStarts().split(" ");
    Set<String> identifyingWords = new java.util.HashSet<>();
    if (starts == null || starts.length != lemmas.length) {
      // Stored before lemma offsets were kept: drop every lemma spelt like a word of an identifier.
      inSegment.forEach(id ->
          identifyingWords.addAll(
              List.of(
                  text.substring(id.start(), id.end())
                      .toLowerCase(Locale.ROOT)
                      .split("[^\\p{L}\\p{N}]+"))));
    }
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < lemmas.length; i++) {
      boolean identifying;
      if (starts != null && starts.length == lemmas.length) {
        int start = Integer.parseInt(starts[i]);
        identifying = inSegment.stream().anyMatch(id -> id.start() <= start && start < id.end());
      } else {
        identifying = identifyingWords.contains(lemmas[i]);
      }
      if (!identifying) {
        kept.add(lemmas[i]);
      }
    }
    return String.join(" ", kept);
  }
}
