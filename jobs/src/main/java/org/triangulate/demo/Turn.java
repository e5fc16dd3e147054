package org.triangulate.demo;

import java.util.List;

/**
 * One speaker turn: who speaks, its paragraphs (a long answer may run over two, the second without
 * a label), and the item it discusses (null for the opening and closing). Immutable list of
 * builders owned by the interview.
 */
record Turn(Speaker speaker, List<SpannedText> paragraphs, String itemId) {

  enum Speaker {
    INTERVIEWER,
    SECOND_INTERVIEWER,
    PARTICIPANT
  }

  Turn {
    paragraphs = List.copyOf(paragraphs);
  }

  int words() {
    return paragraphs.stream().mapToInt(p -> SpannedText.words(p.text())).sum();
  }

  /** A copy with {@code suffix} put after the last paragraph, a space between. */
  Turn withSuffix(SpannedText suffix) {
    SpannedText last = new SpannedText().append(paragraphs.getLast()).append(" ").append(suffix);
    List<SpannedText> rest = paragraphs.subList(0, paragraphs.size() - 1);
    return new Turn(
        speaker,
        java.util.stream.Stream.concat(rest.stream(), java.util.stream.Stream.of(last)).toList(),
        itemId);
  }

  /** A copy with {@code text} put before the first paragraph (a domain intro before a prompt). */
  Turn withPrefix(SpannedText prefix) {
    SpannedText first = prefix.append(" ").append(paragraphs.get(0));
    List<SpannedText> rest = paragraphs.subList(1, paragraphs.size());
    return new Turn(
        speaker,
        java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList(),
        itemId);
  }
}
