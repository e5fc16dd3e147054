package org.triangulate.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Lays an interview's turns out as a transcription service would, in one of the phrase bank's
 * styles: speaker labels (a participant label may be their number or first name), timestamps before
 * or after the label that advance with the words spoken, blank lines between turns or not, and a
 * second paragraph without a label when an answer runs on. Stateless.
 */
final class TranscriptRenderer {

  /** Marks a name used as a speaker label (planted.yml lists it with {@code in-label: true}). */
  static final String LABEL_PERSON = "label:person";

  private TranscriptRenderer() {}

  static RenderedTranscript render(
      List<Turn> turns,
      PhraseBank.Style style,
      DemoParticipant participant,
      RandomGenerator random) {
    String participantLabel =
        style
            .participant()
            .replace("{number}", String.valueOf(participant.number()))
            .replace("{first_name}", participant.firstName());
    boolean nameLabel = style.participant().contains("{first_name}");
    String separator = style.blankLines() ? "\n\n" : "\n";
    SpannedText out = new SpannedText();
    List<SpannedText.Span> passages = new ArrayList<>();
    int seconds = 1 + random.nextInt(4);
    for (Turn turn : turns) {
      if (!out.isEmpty()) {
        out.append(separator);
      }
      if ("before".equals(style.timestamps())) {
        out.append("[" + clock(seconds) + "] ");
      }
      switch (turn.speaker()) {
        case INTERVIEWER -> out.append(style.interviewer());
        case SECOND_INTERVIEWER ->
            out.append(
                style.secondInterviewer() != null
                    ? style.secondInterviewer()
                    : style.interviewer());
        case PARTICIPANT -> {
          if (nameLabel) {
            out.append(participantLabel, LABEL_PERSON);
          } else {
            out.append(participantLabel);
          }
        }
      }
      out.append(": ");
      if ("after".equals(style.timestamps())) {
        out.append(clock(seconds) + " ");
      }
      for (int i = 0; i < turn.paragraphs().size(); i++) {
        if (i > 0) {
          out.append(separator);
        }
        int start = out.length();
        out.append(turn.paragraphs().get(i));
        if (turn.speaker() == Turn.Speaker.PARTICIPANT && turn.itemId() != null) {
          passages.add(new SpannedText.Span(start, out.length(), turn.itemId()));
        }
      }
      // About 150 words a minute, plus a pause between speakers.
      seconds += turn.words() * 2 / 5 + 1 + random.nextInt(4);
    }
    out.append("\n");
    return new RenderedTranscript(out.text(), out.spans(), passages);
  }

  private static String clock(int seconds) {
    return String.format(
        java.util.Locale.ROOT, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
