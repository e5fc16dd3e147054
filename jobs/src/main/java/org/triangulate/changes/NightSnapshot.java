package org.triangulate.changes;

import java.util.Map;

/**
 * What one night found: its patterns by id, every item's statistics over all answers by item id,
 * and its transcripts by source id. Immutable.
 */
public record NightSnapshot(
    long runId,
    Map<String, PatternEntry> patterns,
    Map<String, ItemEntry> items,
    Map<String, TranscriptEntry> transcripts) {

  public NightSnapshot {
    patterns = Map.copyOf(patterns);
    items = Map.copyOf(items);
    transcripts = Map.copyOf(transcripts);
  }

  /** A pattern ({@code <type>:<item id>}) and its strength, 0..1. */
  public record PatternEntry(String id, double strength) {}

  /** An item's in-place share (NaN when nobody answered yes, partly or no) and answers counted. */
  public record ItemEntry(String itemId, double inPlaceShare, int answered) {}

  /** A transcript's participant and the participant's case and groups, as shown. */
  public record TranscriptEntry(String participantId, String groups) {}
}
