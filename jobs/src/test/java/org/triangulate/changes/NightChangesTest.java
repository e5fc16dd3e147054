package org.triangulate.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NightChangesTest {

  private static final NightSnapshot LAST_NIGHT =
      new NightSnapshot(
          4,
          Map.of(
              "A:x", new NightSnapshot.PatternEntry("A:x", 0.7),
              "A:y", new NightSnapshot.PatternEntry("A:y", 0.45),
              "B:z", new NightSnapshot.PatternEntry("B:z", 0.3)),
          Map.of(
              "x", new NightSnapshot.ItemEntry("x", 0.50, 80),
              "y", new NightSnapshot.ItemEntry("y", 0.20, 80),
              "z", new NightSnapshot.ItemEntry("z", Double.NaN, 0)),
          Map.of("src1", new NightSnapshot.TranscriptEntry("P1", "case C1")));

  private static final NightSnapshot TONIGHT =
      new NightSnapshot(
          6,
          Map.of(
              "A:x", new NightSnapshot.PatternEntry("A:x", 0.65),
              "A:y", new NightSnapshot.PatternEntry("A:y", 0.55),
              "C:w", new NightSnapshot.PatternEntry("C:w", 0.2)),
          Map.of(
              "x", new NightSnapshot.ItemEntry("x", 0.55, 82),
              "y", new NightSnapshot.ItemEntry("y", 0.35, 84),
              "z", new NightSnapshot.ItemEntry("z", 0.9, 3)),
          Map.of(
              "src1", new NightSnapshot.TranscriptEntry("P1", "case C1"),
              "src2", new NightSnapshot.TranscriptEntry("P2", "case C2, group peer")));

  @Test
  void reportsPatternsThatAppearedDisappearedOrCrossedTheThreshold() {
    NightChanges changes = NightChanges.between(LAST_NIGHT, TONIGHT, 0.5, 0.1);

    assertThat(changes.previousRun()).isEqualTo(4L);
    assertThat(changes.appeared())
        .extracting(NightChanges.PatternChange::id)
        .containsExactly("C:w");
    assertThat(changes.disappeared())
        .extracting(NightChanges.PatternChange::id)
        .containsExactly("B:z");
    // A:x moved but stayed above 0.5; A:y went from below to above
    assertThat(changes.crossed())
        .containsExactly(new NightChanges.PatternChange("A:y", 0.45, 0.55));
  }

  @Test
  void reportsItemsThatMovedMoreThanTheSetAmountAndNewTranscripts() {
    NightChanges changes = NightChanges.between(LAST_NIGHT, TONIGHT, 0.5, 0.1);

    // x moved 5 points; y 15; z had no share last night
    assertThat(changes.itemsMoved())
        .containsExactly(new NightChanges.ItemChange("y", 0.20, 0.35, 84));
    assertThat(changes.newTranscripts())
        .containsExactly(new NightSnapshot.TranscriptEntry("P2", "case C2, group peer"));
    assertThat(changes.summary())
        .first()
        .isEqualTo(
            "Changes since run 4: 1 patterns appeared, 1 disappeared, 1 crossed strength 0.50, 1"
                + " items moved more than 10 points in place, 1 new transcripts.");
    assertThat(changes.summary())
        .contains("  item y in place 20% -> 35%", "  new transcript: P2 (case C2, group peer)");
  }

  @Test
  void theFirstNightHasNothingToCompareWith() {
    NightChanges changes = NightChanges.between(null, TONIGHT, 0.5, 0.1);

    assertThat(changes.previousRun()).isNull();
    assertThat(changes.nothingChanged()).isTrue();
    assertThat(changes.summary())
        .containsExactly("Changes: the first night kept; nothing earlier to compare with.");
  }

  @Test
  void theSameNightTwiceChangesNothing() {
    NightSnapshot again =
        new NightSnapshot(7, TONIGHT.patterns(), TONIGHT.items(), TONIGHT.transcripts());

    assertThat(NightChanges.between(TONIGHT, again, 0.5, 0.1).nothingChanged()).isTrue();
  }
}
