package org.triangulate.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Splits a transcript into speaker turns. A turn starts at a line {@code Label: text}, optionally
 * with a timestamp ({@code [00:12:31]} or {@code 00:12:31}) before or after the label; lines
 * without a label continue the current turn (multi-paragraph answers). A file with no labels at all
 * is one speaker, one turn per paragraph. Labels in the configured interviewer set are the
 * interviewer; every other label is the participant. Immutable and thread-safe.
 */
public final class SpeakerTurnSegmenter {

  private static final String TIMESTAMP = "\\[?\\d{1,2}:\\d{2}(?::\\d{2})?\\]?";
  // After the label a bare "9:30" is more likely speech ("R: 9:30, usually."): there only a
  // bracketed
  // time or one with seconds is a timestamp.
  private static final String TIMESTAMP_AFTER_LABEL =
      "(?:\\[\\d{1,2}:\\d{2}(?::\\d{2})?\\]|\\d{1,2}:\\d{2}:\\d{2})";
  // A label is one to three capitalised words or an id like P12, at the start of a line.
  private static final Pattern LABELLED_LINE =
      Pattern.compile(
          "^[ \\t]*(?:"
              + TIMESTAMP
              + "[ \\t]+)?"
              + "(?<label>[A-Z][A-Za-z]*(?:[ \\t][A-Z0-9][A-Za-z0-9]*){0,2}|[A-Z]{1,3}\\d{1,4})[ \\t]*:"
              + "[ \\t]*(?:"
              + TIMESTAMP_AFTER_LABEL
              + "[ \\t]*)?",
          Pattern.MULTILINE);
  private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n");

  private final Set<String> interviewerLabels;

  public SpeakerTurnSegmenter(List<String> interviewerLabels) {
    this.interviewerLabels =
        interviewerLabels.stream()
            .map(SpeakerTurnSegmenter::normalise)
            .collect(Collectors.toUnmodifiableSet());
  }

  public List<SpeakerTurn> segment(String text) {
    List<int[]> labels = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Matcher m = LABELLED_LINE.matcher(text);
    while (m.find()) {
      labels.add(new int[] {m.start(), m.end()});
      names.add(m.group("label"));
    }
    return labels.isEmpty() ? paragraphs(text) : labelledTurns(text, labels, names);
  }

  private List<SpeakerTurn> labelledTurns(String text, List<int[]> labels, List<String> names) {
    List<SpeakerTurn> turns = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      int start = labels.get(i)[1];
      int end = i + 1 < labels.size() ? labels.get(i + 1)[0] : text.length();
      addTrimmed(turns, text, names.get(i), roleOf(names.get(i)), start, end);
    }
    return turns;
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
    while (start < end && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
      end--;
    }
    if (end > start) {
      turns.add(new SpeakerTurn(turns.size(), label, role, start, end));
    }
  }

  private SpeakerRole roleOf(String label) {
    return interviewerLabels.contains(normalise(label))
        ? SpeakerRole.INTERVIEWER
        : SpeakerRole.PARTICIPANT;
  }

  private static String normalise(String label) {
    // "Interviewer 1" and "Interviewer" are the same role.
    return label.strip().toLowerCase(Locale.ROOT).replaceAll("\\s*\\d+$", "");
  }
}
