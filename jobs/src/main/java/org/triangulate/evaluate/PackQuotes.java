package org.triangulate.evaluate;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the {@code quotes.csv} of every pack folder under a packs folder, packs by name. */
public final class PackQuotes {

  private PackQuotes() {}

  public static List<PackQuote> read(Path packsDirectory) {
    List<PackQuote> quotes = new ArrayList<>();
    if (!Files.isDirectory(packsDirectory)) {
      throw new IllegalArgumentException(packsDirectory + ": no packs (run the night first)");
    }
    try (Stream<Path> folders = Files.list(packsDirectory)) {
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        Path csv = folder.resolve("quotes.csv");
        if (Files.isRegularFile(csv)) {
          quotes.addAll(readPack(folder.getFileName().toString(), csv));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return quotes;
  }

  private static List<PackQuote> readPack(String pack, Path csv) throws IOException {
    List<PackQuote> quotes = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
      boolean answers = parser.getHeaderMap().containsKey("speaker_answer");
      for (CSVRecord r : parser) {
        quotes.add(
            new PackQuote(
                pack,
                r.get("item_id"),
                r.get("extract_id"),
                answers ? r.get("speaker_answer") : null));
      }
    }
    return quotes;
  }
}
