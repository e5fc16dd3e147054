package org.triangulate.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Property-based tests of the input parsers on random and mutated inputs, generated from fixed
 * seeds so every failure reproduces (its seed is in the test's name): no input escapes as an
 * uncaught exception, and every record is loaded or quarantined.
 */
class ParserPropertiesTest {

  private static final int TRIES = 300;
  private static final String VALID_RESPONSES =
      "participant_id,item_id,happening,importance\r\n"
          + "P01,sup_access,yes,3\r\n"
          + "P01,pay_parity,\"Don’t know\",\r\n"
          + "P02,sup_access,\"in\npart\",2\r\n"
          + "\r\n"
          + "P02,pay_parity,n/a,4\r\n";
  private static final String[] PIECES = {
    ",",
    "\"",
    "\r\n",
    "\n",
    "\r",
    " ",
    "P01",
    "P02",
    "sup_access",
    "yes",
    "7",
    "\uFEFF",
    "’",
    ",,",
    "\"\""
  };

  @TestFactory
  Stream<DynamicTest> everyCsvLineIsAHeaderARowOrQuarantined() {
    return IntStream.range(0, TRIES)
        .mapToObj(seed ->
            DynamicTest.dynamicTest(
                "seed " + seed,
                () -> {
                  byte[] bytes = mutatedCsv(new Random(seed));
                  InputLoad<StagedResponse>[] load = new InputLoad[1];
                  CsvFile[] file = new CsvFile[1];
                  assertThatCode(
                          () -> {
                            file[0] = CsvFileReader.parse("responses.csv", bytes);
                            load[0] =
                                CsvInputLoader.responses(
                                    file[0], TestStudy.study(), Set.of("P01", "P02"));
                          })
                      .doesNotThrowAnyException();
                  assertThat(load[0].read())
                      .isEqualTo(load[0].loaded().size() + load[0].quarantined().size());
                  if (!WideResponses.isWide(file[0].headers())) {
                    assertThat(load[0].read())
                        .isEqualTo(file[0].rows().size() + file[0].unreadable().size());
                  }
                  assertEveryLineAccountedFor(file[0], bytes);
                }));
  }

  @TestFactory
  Stream<DynamicTest> transcriptBytesAreReadOrRefusedWithAReason() {
    return IntStream.range(0, TRIES)
        .mapToObj(seed ->
            DynamicTest.dynamicTest(
                "seed " + seed,
                () -> {
                  Random random = new Random(seed);
                  byte[] bytes = new byte[random.nextInt(200)];
                  random.nextBytes(bytes);
                  String name = random.nextBoolean() ? "P01.txt" : "P01.docx";
                  try {
                    TranscriptText text = TranscriptText.read(name, bytes);
                    assertThat(text.text()).doesNotContain("\r").isNotBlank();
                  } catch (InvalidRecordException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                  }
                }));
  }

  @TestFactory
  Stream<DynamicTest> mutatedRefiQdaProjectsImportOrAreQuarantinedWithPlacementsInsideTheirText()
      throws Exception {
    String xml = QdpxFixtures.text("qualcoder", "project.qde");
    String text =
        QdpxFixtures.text("qualcoder", "sources/b0e3c6a2-4d1f-4e8a-9c7b-1a2b3c4d5e6f.txt");
    QdaImporter importer =
        new QdaImporter(TestStudy.studyWithCodebook(), Set.of("P01"), Map.of(), p -> Map.of());
    return IntStream.range(0, TRIES)
        .mapToObj(seed ->
            DynamicTest.dynamicTest(
                "seed " + seed,
                () -> {
                  Random random = new Random(seed);
                  String mutated =
                      mutate(
                          xml,
                          random,
                          new String[] {
                            "<", ">", "\"", "-1", "99999", "/", "&", "startPosition=\"3\""
                          });
                  String inline =
                      mutated.replace(
                          "plainTextPath=\"internal://b0e3c6a2-4d1f-4e8a-9c7b-1a2b3c4d5e6f.txt\">",
                          ">\n<PlainTextContent>"
                              + text.replace("&", "&amp;")
                              + "</PlainTextContent>");
                  QdaImport[] imported = new QdaImport[1];
                  assertThatCode(() ->
                          imported[0] =
                              RefiQdaInputs.importFile(
                                  "coding/p.qde",
                                  inline.getBytes(StandardCharsets.UTF_8),
                                  importer))
                      .doesNotThrowAnyException();
                  InputLoad<Object> load = imported[0].asLoad(null);
                  assertThat(load.read())
                      .isEqualTo(load.loaded().size() + load.quarantined().size());
                  Map<String, String> texts = new java.util.HashMap<>();
                  imported[0]
                      .sources()
                      .forEach(s -> texts.put(s.source().sourceId(), s.source().text()));
                  for (QdaImport.ImportedSelection s : imported[0].selections()) {
                    assertThat(s.start()).isNotNegative().isLessThan(s.end());
                    assertThat(s.end()).isLessThanOrEqualTo(texts.get(s.sourceId()).length());
                  }
                }));
  }

  private static byte[] mutatedCsv(Random random) {
    if (random.nextInt(5) == 0) {
      byte[] bytes = new byte[random.nextInt(300)];
      random.nextBytes(bytes);
      return bytes;
    }
    String text = mutate(VALID_RESPONSES, random, PIECES);
    return random.nextInt(4) == 0
        ? text.getBytes(DecodedText.WINDOWS_1252)
        : text.getBytes(StandardCharsets.UTF_8);
  }

  private static String mutate(String text, Random random, String[] pieces) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(6);
    for (int i = 0; i < edits && !out.isEmpty(); i++) {
      int at = random.nextInt(out.length());
      switch (random.nextInt(4)) {
        case 0 -> out.insert(at, pieces[random.nextInt(pieces.length)]);
        case 1 -> out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(8)));
        case 2 -> out.setCharAt(at, (char) (32 + random.nextInt(0x250)));
        default -> {
          int end = Math.min(out.length(), at + random.nextInt(30));
          out.insert(at, out.substring(at, end));
        }
      }
    }
    return out.toString();
  }

  /** Every line with content is the header, inside a row, or a quarantined unreadable line. */
  private static void assertEveryLineAccountedFor(CsvFile file, byte[] bytes) {
    if (!file.unreadable().isEmpty() && file.unreadable().getFirst().location().equals("file")) {
      return;
    }
    String text = DecodedText.decode(bytes).text();
    TextLines lines = new TextLines(text);
    Set<Integer> accounted = new HashSet<>();
    int header = lines.firstNonBlankLineFrom(0);
    for (CsvRow row : file.rows()) {
      int first = (int) row.line();
      int span =
          (int) row.asText().chars().filter(c -> c == '\n').count()
              + (int) row.asText().replace("\r\n", "\n").chars().filter(c -> c == '\r').count();
      for (int l = first; l <= first + span; l++) {
        accounted.add(l);
      }
    }
    for (QuarantinedRecord unreadable : file.unreadable()) {
      String[] range = unreadable.location().replaceAll("^lines? ", "").split("-");
      for (int l = Integer.parseInt(range[0]);
          l <= Integer.parseInt(range[range.length - 1]);
          l++) {
        accounted.add(l);
      }
    }
    List<Integer> lost = new ArrayList<>();
    for (int i = 0; i < lines.count(); i++) {
      String line = lines.line(i);
      boolean onlySeparators = line.replaceAll("[,\"\\s\uFEFF]", "").isEmpty();
      if (!onlySeparators && !accounted.contains(i + 1) && i != header) {
        lost.add(i + 1);
      }
    }
    // A header whose quoted field runs over several lines is the only other place content may be.
    if (!lost.isEmpty() && header >= 0) {
      lost.removeIf(l ->
          file.rows().stream().noneMatch(r -> r.line() < l)
              && file.unreadable().stream()
                  .noneMatch(u -> Integer.parseInt(u.location().replace("line ", "")) < l));
    }
    assertThat(lost).as("lines neither a row nor quarantined in:%n%s", text).isEmpty();
  }
}
