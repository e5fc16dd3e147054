package org.triangulate.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The transcript in a WebVTT ({@code .vtt}) or SubRip ({@code .srt}) caption file, as Zoom, Teams
 * and Otter write them: one {@code Speaker: text} line per turn. The speaker comes from a voice tag
 * ({@code <v Jane Smith>text</v>}) or a {@code Name:} the cue's text starts with; consecutive cues
 * of one speaker join into one turn; cue numbers, timings, styling tags and {@code NOTE} blocks are
 * left out. Stateless.
 */
final class CaptionText {

  private static final Pattern TIMING =
      Pattern.compile("^\\s*\\d{1,2}:\\d{2}(?::\\d{2})?[.,]\\d{1,3}\\s+-->\\s+.*$");
  private static final Pattern VOICE = Pattern.compile("<v(?:\\.[^ >]*)?\\s+([^>]+)>");
  private static final Pattern NAMED = Pattern.compile("^([^:]{1,40}):\\s+(.*)$", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("</?[^>]+>");

  private CaptionText() {}

  static String extract(String decoded, String type) {
    String text = TranscriptText.canonical(decoded);
    if (type.equals("vtt") && !text.stripLeading().startsWith("WEBVTT")) {
      throw new InvalidRecordException("not a WebVTT file: it does not start with WEBVTT");
    }
    List<String[]> turns = new ArrayList<>();
    for (String block : text.split("\n[ \t]*\n")) {
      List<String> lines = new ArrayList<>(block.strip().lines().toList());
      int timing = -1;
      for (int i = 0; i < lines.size() && timing < 0; i++) {
        timing = TIMING.matcher(lines.get(i)).matches() ? i : -1;
      }
      if (timing < 0) {
        continue; // the header, a NOTE or STYLE block, or a stray line
      }
      String cue = String.join(" ", lines.subList(timing + 1, lines.size())).strip();
      String speaker = "";
      Matcher voice = VOICE.matcher(cue);
      if (voice.find()) {
        speaker = voice.group(1).strip();
      }
      cue = TAG.matcher(cue).replaceAll("").strip();
      Matcher named = NAMED.matcher(cue);
      if (speaker.isEmpty() && named.matches()) {
        speaker = named.group(1).strip();
        cue = named.group(2).strip();
      }
      if (cue.isEmpty()) {
        continue;
      }
      if (!turns.isEmpty() && turns.getLast()[0].equals(speaker)) {
        turns.getLast()[1] = turns.getLast()[1] + " " + cue;
      } else {
        turns.add(new String[] {speaker, cue});
      }
    }
    if (turns.isEmpty()) {
      throw new InvalidRecordException("no caption cues (a timing line with text under it)");
    }
    List<String> out = new ArrayList<>();
    for (String[] turn : turns) {
      out.add(turn[0].isEmpty() ? turn[1] : turn[0] + ": " + turn[1]);
    }
    return String.join("\n\n", out);
  }
}
