package org.triangulate.synthesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackWriterTest {

  private final PackFixture fixture = new PackFixture();
  private final PackWriter writer = new PackWriter(PackFixture.templates());

  @TempDir Path temp;

  @Test
  void writesHtmlThatOpensOfflineWithNoExternalUrlInAnyAttribute() throws Exception {
    // given a pack whose quotes include an image tag pointing elsewhere
    // when it is written
    Path pack = writer.write(temp.resolve("pack"), fixture.view());

    // then no element loads or links anything outside the file
    String html = Files.readString(pack.resolve("index.html"));
    Document page = Jsoup.parse(html);
    List<String> offending = new ArrayList<>();
    for (Element element : page.getAllElements()) {
      for (Attribute attribute : element.attributes()) {
        if (attribute.getValue().matches("(?is).*\\b(https?|ftp|file|data):.*")
            || attribute.getValue().trim().startsWith("//")) {
          offending.add(element.tagName() + " " + attribute.getKey() + "=" + attribute.getValue());
        }
      }
    }
    assertThat(offending).isEmpty();
    assertThat(page.select("script, link, img, iframe, object, embed")).isEmpty();
    assertThat(page.select("style").html()).doesNotContainIgnoringCase("url(");
    // and the charts are inline SVG
    assertThat(page.select("svg rect")).isNotEmpty();
  }

  @Test
  void escapesQuoteTextSoItReadsAsWritten() throws Exception {
    // when a pack with a quote full of markup is written
    Path pack = writer.write(temp.resolve("pack"), fixture.view());

    // then the markup is text on the page, not elements
    String html = Files.readString(pack.resolve("index.html"));
    assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;");
    Document page = Jsoup.parse(html);
    assertThat(page.select("blockquote p").eachText()).contains("“" + PackFixture.HOSTILE + "”");
    // and the group without quotes says so plainly
    assertThat(page.select("td.quotes p.gap").eachText())
        .singleElement()
        .asString()
        .startsWith("No matching extract");
  }

  @Test
  void writesQuotesCsvWithEveryQuoteAndItsProvenance() throws Exception {
    Path pack = writer.write(temp.resolve("pack"), fixture.view());

    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(Files.newBufferedReader(pack.resolve("quotes.csv")))
            .getRecords();
    assertThat(rows).hasSize(2);
    CSVRecord hostile = rows.get(0);
    assertThat(hostile.get("text")).isEqualTo(PackFixture.HOSTILE);
    assertThat(hostile.get("extract_id")).isEqualTo("e1");
    assertThat(hostile.get("participant")).isEqualTo("P001");
    assertThat(hostile.get("case")).isEqualTo("C01");
    assertThat(hostile.get("group")).isEqualTo("C01");
    assertThat(hostile.get("item_id")).isEqualTo(fixture.item.id());
    assertThat(hostile.get("source_file")).isEqualTo("transcripts/P001.txt");
    assertThat(hostile.get("start_offset")).isEqualTo("10");
    assertThat(hostile.get("end_offset"))
        .isEqualTo(String.valueOf(10 + PackFixture.HOSTILE.length()));
    // and a quote a spreadsheet would run as a formula stays text
    assertThat(rows.get(1).get("text")).isEqualTo("'" + PackFixture.FORMULA);
  }

  @Test
  void packFilesAreReadableByEveryone() throws Exception {
    Path pack = writer.write(temp.resolve("pack"), fixture.view());

    for (String file : List.of("index.html", "pack.pdf", "quotes.csv")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pack.resolve(file))))
          .as(file)
          .isEqualTo("rw-r--r--");
    }
    try (var left = Files.list(pack)) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void rendersAPdfWhoseFirstPageIsNotBlankWithEmbeddedFonts() throws Exception {
    Path pack = writer.write(temp.resolve("pack"), fixture.view());
    Path pdf = pack.resolve("pack.pdf");

    // then page 1, rendered by poppler, has ink on it
    Process pdftoppm =
        new ProcessBuilder(
                "pdftoppm",
                "-png",
                "-r",
                "50",
                "-f",
                "1",
                "-l",
                "1",
                pdf.toString(),
                temp.resolve("page").toString())
            .redirectErrorStream(true)
            .start();
    assertThat(pdftoppm.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(pdftoppm.exitValue()).isZero();
    File png;
    try (var files = Files.list(temp)) {
      png =
          files
              .filter(p -> p.getFileName().toString().startsWith("page"))
              .findFirst()
              .orElseThrow()
              .toFile();
    }
    BufferedImage image = ImageIO.read(png);
    assertThat(inkShare(image)).isGreaterThan(0.005);

    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      // and every font is embedded
      for (PDPage page : document.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
      // and the text is there, the cover first
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("A test pack").contains("No matching extract");
      // and words are spelt as the page writes them, not with ligature characters
      assertThat(text).contains("configuration").doesNotContainPattern("[\\uFB00-\\uFB06]");
      assertThat(document.getNumberOfPages()).isGreaterThan(2);
      // and its date is the run date, not the time it was written
      Calendar created = document.getDocumentInformation().getCreationDate();
      created.setTimeZone(TimeZone.getTimeZone("UTC"));
      assertThat(created.get(Calendar.YEAR)).isEqualTo(PackFixture.RUN_DATE.getYear());
      assertThat(created.get(Calendar.DAY_OF_YEAR)).isEqualTo(PackFixture.RUN_DATE.getDayOfYear());
    }
  }

  @Test
  void theSamePackGivesByteIdenticalFiles() throws Exception {
    // when the same pack is written twice, a moment apart
    Path first = writer.write(temp.resolve("first"), fixture.view());
    Thread.sleep(1100);
    Path second = writer.write(temp.resolve("second"), new PackFixture().view());

    // then every file is the same, byte for byte
    for (String file : List.of("index.html", "pack.pdf", "quotes.csv")) {
      assertThat(DigestUtils.sha256Hex(Files.readAllBytes(second.resolve(file))))
          .as(file)
          .isEqualTo(DigestUtils.sha256Hex(Files.readAllBytes(first.resolve(file))));
    }
    assertThat(new String(Files.readAllBytes(first.resolve("index.html")), StandardCharsets.UTF_8))
        .contains("run 7");
  }

  @Test
  void aPackWhoseContentIsUnchangedIsLeftAsItWasAndAChangedOneIsRewritten() throws Exception {
    // given a pack written by run 7
    PackWriter.PackView run7 = fixture.view();
    Path pack = writer.write(temp.resolve("pack"), run7);
    byte[] pdf = Files.readAllBytes(pack.resolve("pack.pdf"));

    // when run 8 writes the same content
    writer.write(pack, run7.withRun(8, run7.runDate().plusDays(1)));

    // then the files are those of run 7
    assertThat(Files.readAllBytes(pack.resolve("pack.pdf"))).isEqualTo(pdf);
    assertThat(Files.readString(pack.resolve("index.html")))
        .contains("run 7")
        .doesNotContain("run 8");

    // when run 9 writes other content
    writer.write(pack, retitled(run7.withRun(9, run7.runDate().plusDays(2)), "Another title"));

    // then every file is rewritten
    assertThat(Files.readString(pack.resolve("index.html")))
        .contains("run 9")
        .contains("Another title");
    assertThat(Files.readAllBytes(pack.resolve("pack.pdf"))).isNotEqualTo(pdf);
  }

  @Test
  void aPackWhoseInputsChangedButNotItsNumbersOrQuotesIsKept() throws Exception {
    // given a pack written by run 7
    PackWriter.PackView run7 = fixture.view();
    Path pack = writer.write(temp.resolve("pack"), run7);
    byte[] pdf = Files.readAllBytes(pack.resolve("pack.pdf"));

    // when run 8 writes the same page from other inputs (another case's transcript was edited)
    boolean rendered =
        writer.render(
            pack,
            withInputs(
                run7.withRun(8, run7.runDate().plusDays(1)),
                new PackProvenance(
                    List.of(new PackProvenance.Input("transcripts", 12, "ef".repeat(32))),
                    run7.provenance().configuration(),
                    run7.provenance().versions())),
            null,
            false);

    // then nothing is rendered and the page still names run 7 and its inputs
    assertThat(rendered).isFalse();
    assertThat(Files.readAllBytes(pack.resolve("pack.pdf"))).isEqualTo(pdf);
    assertThat(Files.readString(pack.resolve("index.html")))
        .contains("run 7")
        .contains("ab".repeat(32))
        .doesNotContain("ef".repeat(32));

    // when the software that renders it changes
    rendered =
        writer.render(
            pack,
            withInputs(
                run7.withRun(9, run7.runDate().plusDays(2)),
                new PackProvenance(
                    run7.provenance().inputs(),
                    run7.provenance().configuration(),
                    Map.of("Java", "25"))),
            null,
            false);

    // then it is rendered again
    assertThat(rendered).isTrue();
    assertThat(Files.readString(pack.resolve("index.html"))).contains("run 9");
  }

  @Test
  void aPackWhoseQuoteMovedInItsTranscriptIsRenderedAgain() throws Exception {
    // given a pack written by run 7
    PackWriter.PackView run7 = fixture.view();
    Path pack = writer.write(temp.resolve("pack"), run7);

    // when run 8 finds the same quotes, one of them further into its transcript (an edit before it)
    PackWriter.PackView run8 = withQuotesMoved(run7.withRun(8, run7.runDate().plusDays(1)), 40);
    assertThat(writer.html(run8.withoutNightStamp()))
        .isEqualTo(writer.html(run7.withoutNightStamp()));
    boolean rendered = writer.render(pack, run8, null, false);

    // then the pack is rendered again and its quotes file gives the new offsets
    assertThat(rendered).isTrue();
    List<CSVRecord> quotes =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .get()
            .parse(Files.newBufferedReader(pack.resolve("quotes.csv")))
            .getRecords();
    assertThat(quotes).isNotEmpty().allMatch(q -> q.get("start_offset").equals("50"));
    assertThat(Files.readString(pack.resolve("index.html"))).contains("run 8");
  }

  private static PackWriter.PackView withQuotesMoved(PackWriter.PackView v, int by) {
    List<JointDisplay> displays =
        v.displays().stream()
            .map(d ->
                new JointDisplay(
                    d.patternId(),
                    d.itemId(),
                    d.type(),
                    d.typeLabel(),
                    d.title(),
                    d.finding(),
                    d.evidence(),
                    d.grouping(),
                    d.groupingLabel(),
                    d.scopeLabel(),
                    d.rows().stream()
                        .map(r ->
                            new JointDisplay.Row(
                                r.groupId(),
                                r.group(),
                                r.numbers(),
                                r.sparse(),
                                r.quotes().stream()
                                    .map(q ->
                                        new JointDisplay.QuoteView(
                                            moved(q.quote(), by), q.label(), q.answered()))
                                    .toList(),
                                r.studyWide()))
                        .toList(),
                    d.charts()))
            .toList();
    return new PackWriter.PackView(
        v.studyTitle(),
        v.packId(),
        v.packTitle(),
        v.caseId(),
        v.runId(),
        v.runDate(),
        v.counts(),
        v.groupings(),
        v.patternTypes(),
        displays,
        v.method(),
        v.answers(),
        v.itemTables(),
        v.provenance());
  }

  private static Quote moved(Quote q, int by) {
    return new Quote(
        q.extractId(),
        q.text(),
        q.participantId(),
        q.caseId(),
        q.attributes(),
        q.categories(),
        q.sourceFile(),
        q.startOffset() + by,
        q.endOffset() + by,
        q.language(),
        q.speakerAnswer(),
        q.speakerImportance(),
        q.alignmentScore(),
        q.alignmentProvenance());
  }

  private static PackWriter.PackView withInputs(PackWriter.PackView v, PackProvenance provenance) {
    return new PackWriter.PackView(
        v.studyTitle(),
        v.packId(),
        v.packTitle(),
        v.caseId(),
        v.runId(),
        v.runDate(),
        v.counts(),
        v.groupings(),
        v.patternTypes(),
        v.displays(),
        v.method(),
        v.answers(),
        v.itemTables(),
        provenance);
  }

  private static PackWriter.PackView retitled(PackWriter.PackView v, String title) {
    return new PackWriter.PackView(
        v.studyTitle(),
        v.packId(),
        title,
        v.caseId(),
        v.runId(),
        v.runDate(),
        v.counts(),
        v.groupings(),
        v.patternTypes(),
        v.displays(),
        v.method(),
        v.answers(),
        v.itemTables(),
        v.provenance());
  }

  /** Share of pixels that are not (near) white. */
  private static double inkShare(BufferedImage image) {
    long ink = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r + g + b < 600) {
          ink++;
        }
      }
    }
    return (double) ink / ((long) image.getWidth() * image.getHeight());
  }
}
