package org.triangulate.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Splits a transcript into speaker turns, tolerant of what transcription services write: {@code
 * Label: text} with a label such as {@code Interviewer}, {@code Interviewer 1}, {@code I}, {@code
 * Q}, {@code Respondent}, {@code R}, {@code P12} or a first name; a timestamp ({@code [00:12:31]},
 * {@code 00:12:31}, {@code (00:12:31)}) before or after the label; Markdown emphasis around it
 * ({@code **Interviewer:**}); a label line of its own followed by the text ({@code Speaker 1 0:03},
 * {@code Interviewer (00:00:05):}). Lines without a label continue the current turn
 * (multi-paragraph answers); text before the first label is an unlabelled turn of its own, so no
 * word is lost; a file without labels is one speaker, one turn per paragraph. One to three
 * capitalised words before a colon at the start of a line are a label: a first name used once must
 * not lose its words to the previous speaker, and a {@code Note:} taken for a speaker only splits a
 * turn.
 *
 * <p>Roles: labels in the interviewer set are the interviewer, labels in the participant set or ids
 * are the participant. When a file uses neither interviewer label (names, {@code Speaker 1}), the
 * speaker who asks most questions is the interviewer. Offsets of every turn are into the text given
 * (label and timestamps excluded). Immutable and thread-safe.
 */
public final class SpeakerTurnSegmenter {

  private static final String CLOCK = "\\d{1,2}:\\d{2}(?::\\d{2})?(?:[.,]\\d{1,3})?";
  private static final String TIMESTAMP =
      "(?:\\[" + CLOCK + "\\]|\\(" + CLOCK + "\\)|" + CLOCK + ")";
  // After the label a bare "9:30" is more likely speech ("R: 9:30, usually."): there only a
  // bracketed time or one with seconds is a timestamp.
  private static final String TIMESTAMP_AFTER_LABEL =
      "(?:\\[" + CLOCK + "\\]|\\(" + CLOCK + "\\)|\\d{1,2}:\\d{2}:\\d{2})";
  // A name label may start with any capital letter ("Łukasz:", "Émilie:"), not only A to Z.
  private static final String LABEL =
      "(?<label>\\p{Lu}[\\p{L}'’.-]*(?:[ \\t][\\p{Lu}0-9][\\p{L}0-9'’.-]*){0,2}|[A-Z]{1,3}\\d{1,4})";
  private static final String EMPHASIS = "(?:\\*\\*|__|\\*)?";
  private static final Pattern LABELLED_LINE =
      Pattern.compile(
          "^[ \\t]*(?:>[ \\t]*)?(?:"
              + TIMESTAMP
              + "[ \\t]+)?"
              + EMPHASIS
              + LABEL
              + "(?:[ \\t]*"
              + TIMESTAMP_AFTER_LABEL
              + ")?"
              + EMPHASIS
              + "[ \\t]*:"
              + EMPHASIS
              + "[ \\t]*(?:"
              + TIMESTAMP_AFTER_LABEL
              + "[ \\t]*)?",
          Pattern.MULTILINE);
  // A label alone on its line with a time after it, the text on the next lines (Otter.ai style).
  private static final Pattern LABEL_LINE_WITH_TIME =
      Pattern.compile("^[ \\t]*" + LABEL + "[ \\t]+" + CLOCK + "[ \\t]*$\\n?", Pattern.MULTILINE);
  private static final Pattern ID_LABEL = Pattern.compile("[A-Z]{1,3}\\d{1,4}");
  private static final Pattern TIMESTAMP_LINE =
      Pattern.compile("\\n[ \\t]*" + TIMESTAMP + "[ \\t]*$");
  private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n");

  private final Set<String> interviewerLabels;
  private final Set<String> participantLabels;
  // The configured role labels in any letter case, numbered or not ("interviewer:",
  // "Interviewer1 :", "INTERVIEWER 2"), and, for these known words only, without a colon when a
  // tab, a dash or two spaces part them from the text, or when they stand alone on their line.
  private final Pattern knownLabelLine;

  public SpeakerTurnSegmenter(List<String> interviewerLabels) {
    this(interviewerLabels, List.of("Interviewee", "Respondent", "R", "Participant", "P", "A"));
  }

  public SpeakerTurnSegmenter(List<String> interviewerLabels, List<String> participantLabels) {
    this.interviewerLabels = normaliseAll(interviewerLabels);
    this.participantLabels = normaliseAll(participantLabels);
    String known =
        java.util.stream.Stream.concat(interviewerLabels.stream(), participantLabels.stream())
            .map(String::strip)
            .filter(l -> l.length() > 1)
            .sorted(java.util.Comparator.comparingInt(String::length).reversed())
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    this.knownLabelLine =
        Pattern.compile(
            "^[ \\t]*(?:"
                + TIMESTAMP
                + "[ \\t]+)?"
                + EMPHASIS
                + "(?<label>(?i:"
                + known
                + ")(?:[ \\t]?\\d{1,3})?)"
                + "(?:[ \\t]*"
                + TIMESTAMP_AFTER_LABEL
                + ")?"
                + EMPHASIS
                + "(?:[ \\t]*:|\\t+|[ \\t]+[-–—][ \\t]+| {2,}|[ \\t]*$\\n)"
                + EMPHASIS
                + "[ \\t]*(?:"
                + TIMESTAMP_AFTER_LABEL
                + "[ \\t]*)?",
            Pattern.MULTILINE);
  }

  /** The speaker labels that decide roles, as text for the annotation fingerprint. */
  public String settings() {
    return "interviewer-labels="
        + new java.util.TreeSet<>(interviewerLabels)
        + " participant-labels="
        + new java.util.TreeSet<>(participantLabels);
  }

  public List<SpeakerTurn> segment(String text) {
    List<Label> labels = labels(text);
    return labels.isEmpty() ? paragraphs(text) : labelledTurns(text, labels);
  }

  private record Label(int start, int end, String name) {}

  private List<Label> labels(String text) {
    java.util.TreeMap<Integer, Label> found = new java.util.TreeMap<>();
    for (Pattern pattern : List.of(knownLabelLine, LABELLED_LINE, LABEL_LINE_WITH_TIME)) {
      Matcher m = pattern.matcher(text);
      while (m.find()) {
        // One label per line start: the first pattern to claim it wins.
        found.putIfAbsent(m.start(), new Label(m.start(), m.end(), m.group("label").strip()));
      }
    }
    return List.copyOf(found.values());
  }

  private List<SpeakerTurn> labelledTurns(String text, List<Label> labels) {
    Map<String, SpeakerRole> roles = roles(text, labels);
    List<SpeakerTurn> turns = new ArrayList<>();
    // Text before the first label (a heading, or speech whose label was lost) is kept, unlabelled.
    addTrimmed(turns, text, "", SpeakerRole.PARTICIPANT, 0, labels.getFirst().start());
    for (int i = 0; i < labels.size(); i++) {
      Label label = labels.get(i);
      int end = i + 1 < labels.size() ? labels.get(i + 1).start() : text.length();
      addTrimmed(turns, text, label.name(), roles.get(label.name()), label.end(), end);
    }
    return turns;
  }

  /** Known labels decide; otherwise the speaker asking most questions is the interviewer. */
  private Map<String, SpeakerRole> roles(String text, List<Label> labels) {
    Set<String> names =
        labels.stream().map(Label::name).collect(Collectors.toCollection(LinkedHashSet::new));
    Map<String, SpeakerRole> roles = new HashMap<>();
    boolean interviewerKnown = names.stream().anyMatch(this::isInterviewer);
    String asker = interviewerKnown || names.size() < 2 ? null : mostQuestions(text, labels);
    for (String name : names) {
      boolean interviewer = isInterviewer(name) || name.equals(asker);
      roles.put(name, interviewer ? SpeakerRole.INTERVIEWER : SpeakerRole.PARTICIPANT);
    }
    return roles;
  }

  private String mostQuestions(String text, List<Label> labels) {
    Map<String, int[]> counts = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      Label label = labels.get(i);
      if (isParticipant(label.name())) {
        continue;
      }
      int end = i + 1 < labels.size() ? labels.get(i + 1).start() : text.length();
      int[] c = counts.computeIfAbsent(label.name(), k -> new int[2]);
      c[0]++;
      c[1] += text.substring(label.end(), end).contains("?") ? 1 : 0;
    }
    String best = null;
    double bestShare = 0;
    for (var e : counts.entrySet()) {
      double share = (double) e.getValue()[1] / e.getValue()[0];
      if (share > bestShare
          || (share == bestShare && best != null && e.getKey().compareTo(best) < 0)) {
        best = e.getKey();
        bestShare = share;
      }
    }
    return bestShare > 0 ? best : null;
  }

  private static List<SpeakerTurn> paragraphs(String text) {
    List<SpeakerTurn> turns = new ArrayList<>();
    Matcher m = BLANK_LINES.matcher(text);
    int start = 0;
    while (m.find()) {
      addTrimmed(turns, text, "", SpeakerRole.PARTICIPANT, start, m.start());
      start = m.end();
    }
    addTrimmed(turns, text, "", SpeakerRole.PARTICIPANT, start, text.length());
    return turns;
  }

  private static void addTrimmed(
      List<SpeakerTurn> turns, String text, String label, SpeakerRole role, int start, int end) {
    while (true) {
      while (start < end && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
      while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
      // A timestamp on a line of its own before the next speaker is not this speaker's words.
      Matcher trailing = TIMESTAMP_LINE.matcher(text).region(start, end);
      if (!trailing.find()) {
        break;
      }
      end = trailing.start();
    }
    if (end > start) {
      turns.add(new SpeakerTurn(turns.size(), label, role, start, end));
    }
  }

  /**
   * Why no turn of a transcript would be read as the interviewer's, or null when some is: no
   * speaker labels at all, or labels none of which is an interviewer's (named in the labels seen),
   * so every turn would be taken for the participant's words.
   */
  public String interviewerProblem(String text) {
    List<Label> labels = labels(text);
    if (labels.isEmpty()) {
      return "no speaker labels found: every paragraph would be read as the participant's";
    }
    Map<String, SpeakerRole> roles = roles(text, labels);
    if (roles.containsValue(SpeakerRole.INTERVIEWER)) {
      return null;
    }
    return "no interviewer told apart (labels seen: "
        + String.join(", ", new LinkedHashSet<>(labels.stream().map(Label::name).toList()))
        + "): every turn would be read as the participant's; name the interviewer's label in"
        + " triangulate.nlp.interviewer-labels";
  }

  /**
   * Whether a label names a role ({@code Interviewer 2}, {@code R}, {@code P12}, {@code Speaker 1})
   * rather than a person: labels with a digit number speakers, they do not name them.
   */
  public boolean isRoleLabel(String label) {
    return isInterviewer(label)
        || isParticipant(label)
        || label.chars().anyMatch(Character::isDigit);
  }

  private boolean isInterviewer(String label) {
    return interviewerLabels.contains(normalise(label));
  }

  private boolean isParticipant(String label) {
    return participantLabels.contains(normalise(label)) || ID_LABEL.matcher(label).matches();
  }

  private static Set<String> normaliseAll(List<String> labels) {
    return labels.stream()
        .map(SpeakerTurnSegmenter::normalise)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static String normalise(String label) {
    // "Interviewer 1" and "Interviewer" are the same role.
    return label.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s.]*\\d*$", "");
  }
}
