package org.triangulate.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.workshop.Workshop;
import org.triangulate.workshop.WorkshopNote;
import org.triangulate.workshop.WorkshopSaid;

/** "What the workshop said" under a pattern of a pack: escaped, and absent without notes. */
class PackWorkshopSaidTest {

  @TempDir Path temp;

  private final PackFixture fixture = new PackFixture();
  private final PackWriter writer = new PackWriter(PackFixture.templates());

  @Test
  void showsWhatTheWorkshopSaidUnderItsPatternOnly() throws Exception {
    PackWriter.PackView view = fixture.view();
    String patternId = view.displays().getFirst().patternId();
    WorkshopSaid said =
        new WorkshopSaid(
            Map.of(
                patternId,
                List.of(
                    new WorkshopNote(
                        "n1",
                        new Workshop("w1", "2026-11-30", "workshop-all", List.of("peer_worker")),
                        2,
                        "Pay <b>still</b> unfair",
                        List.of("pay")))));

    String html =
        Files.readString(writer.write(temp.resolve("pack"), view, said).resolve("index.html"));

    assertThat(html)
        .contains("What the workshop said")
        .contains("Pay &lt;b&gt;still&lt;/b&gt; unfair")
        .contains("— workshop w1, 2026-11-30 (peer_worker)");
    String section = html.substring(html.indexOf("id=\"" + patternId + "\""));
    assertThat(section.substring(0, section.indexOf("</section>")))
        .contains("What the workshop said");
  }

  @Test
  void saysNothingWithoutWorkshopNotes() throws Exception {
    String html =
        Files.readString(writer.write(temp.resolve("pack"), fixture.view()).resolve("index.html"));

    assertThat(html).doesNotContain("What the workshop said");
  }
}
