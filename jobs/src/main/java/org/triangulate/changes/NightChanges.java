package org.triangulate.changes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What changed from one night to the next: patterns that appeared or disappeared, patterns whose
 * strength crossed the threshold, items whose in-place share moved by more than the set amount, and
 * transcripts that are new. {@code previousRun} is null on the first night kept. Immutable.
 */
public record NightChanges(
    Long previousRun,
    long run,
    double strengthThreshold,
    double shareMove,
    List<PatternChange> appeared,
    List<PatternChange> disappeared,
    List<PatternChange> crossed,
    List<ItemChange> itemsMoved,
    List<NightSnapshot.TranscriptEntry> newTranscripts) {

  public NightChanges {
    appeared = List.copyOf(appeared);
    disappeared = List.copyOf(disappeared);
    crossed = List.copyOf(crossed);
    itemsMoved = List.copyOf(itemsMoved);
    newTranscripts = List.copyOf(newTranscripts);
  }

  /** A pattern's strength before and after (NaN where it did not exist). */
  public record PatternChange(String id, double before, double after) {}

  /** An item's in-place share before and after, and the answers counted tonight. */
  public record ItemChange(String itemId, double before, double after, int answered) {}

  /** Compares {@code current} with {@code previous} (null: nothing to compare with). */
  public static NightChanges between(
      NightSnapshot previous, NightSnapshot current, double strengthThreshold, double shareMove) {
    List<PatternChange> appeared = new ArrayList<>();
    List<PatternChange> disappeared = new ArrayList<>();
    List<PatternChange> crossed = new ArrayList<>();
    List<ItemChange> moved = new ArrayList<>();
    List<NightSnapshot.TranscriptEntry> transcripts = new ArrayList<>();
    if (previous != null) {
      for (NightSnapshot.PatternEntry p : sorted(current.patterns())) {
        NightSnapshot.PatternEntry before = previous.patterns().get(p.id());
        if (before == null) {
          appeared.add(new PatternChange(p.id(), Double.NaN, p.strength()));
        } else if ((before.strength() >= strengthThreshold)
            != (p.strength() >= strengthThreshold)) {
          crossed.add(new PatternChange(p.id(), before.strength(), p.strength()));
        }
      }
      for (NightSnapshot.PatternEntry p : sorted(previous.patterns())) {
        if (!current.patterns().containsKey(p.id())) {
          disappeared.add(new PatternChange(p.id(), p.strength(), Double.NaN));
        }
      }
      current.items().values().stream()
          .sorted(Comparator.comparing(NightSnapshot.ItemEntry::itemId))
          .forEach(item -> {
            NightSnapshot.ItemEntry before = previous.items().get(item.itemId());
            if (before != null
                && !Double.isNaN(before.inPlaceShare())
                && !Double.isNaN(item.inPlaceShare())
                && Math.abs(item.inPlaceShare() - before.inPlaceShare()) > shareMove) {
              moved.add(
                  new ItemChange(
                      item.itemId(), before.inPlaceShare(), item.inPlaceShare(), item.answered()));
            }
          });
      current.transcripts().entrySet().stream()
          .filter(e -> !previous.transcripts().containsKey(e.getKey()))
          .map(Map.Entry::getValue)
          .sorted(Comparator.comparing(NightSnapshot.TranscriptEntry::participantId))
          .forEach(transcripts::add);
    }
    return new NightChanges(
        previous == null ? null : previous.runId(),
        current.runId(),
        strengthThreshold,
        shareMove,
        appeared,
        disappeared,
        crossed,
        moved,
        transcripts);
  }

  private static List<NightSnapshot.PatternEntry> sorted(
      Map<String, NightSnapshot.PatternEntry> patterns) {
    return patterns.values().stream()
        .sorted(Comparator.comparing(NightSnapshot.PatternEntry::id))
        .toList();
  }

  public boolean nothingChanged() {
    return appeared.isEmpty()
        && disappeared.isEmpty()
        && crossed.isEmpty()
        && itemsMoved.isEmpty()
        && newTranscripts.isEmpty();
  }

  /** A few lines for the run report and the terminal. */
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    if (previousRun == null) {
      lines.add("Changes: the first night kept; nothing earlier to compare with.");
      return lines;
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "Changes since run %d: %d patterns appeared, %d disappeared, %d crossed strength %.2f,"
                + " %d items moved more than %.0f points in place, %d new transcripts.",
            previousRun,
            appeared.size(),
            disappeared.size(),
            crossed.size(),
            strengthThreshold,
            itemsMoved.size(),
            shareMove * 100,
            newTranscripts.size()));
    appeared.forEach(
        p -> lines.add(String.format(Locale.ROOT, "  + %s (%.2f)", p.id(), p.after())));
    disappeared.forEach(
        p -> lines.add(String.format(Locale.ROOT, "  - %s (was %.2f)", p.id(), p.before())));
    crossed.forEach(p ->
        lines.add(
            String.format(Locale.ROOT, "  ~ %s %.2f -> %.2f", p.id(), p.before(), p.after())));
    itemsMoved.forEach(i ->
        lines.add(
            String.format(
                Locale.ROOT,
                "  item %s in place %.0f%% -> %.0f%%",
                i.itemId(),
                i.before() * 100,
                i.after() * 100)));
    newTranscripts.forEach(
        t -> lines.add("  new transcript: " + t.participantId() + " (" + t.groups() + ")"));
    return lines;
  }
}
