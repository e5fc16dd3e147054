package org.triangulate.synthesis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.ingest.TranscriptIngestTasklet;

/**
 * Where a pack's numbers and quotes came from: the SHA-256 of every input as last loaded (a folder
 * of many files, such as the transcripts, as one checksum over its files' checksums), the SHA-256
 * of the study's configuration files, and the versions of the software that made it. Immutable.
 */
public record PackProvenance(
    List<Input> inputs, List<Input> configuration, Map<String, String> versions) {

  public PackProvenance {
    inputs = List.copyOf(inputs);
    configuration = List.copyOf(configuration);
    versions = Map.copyOf(versions);
  }

  /** An input (a file, or a folder of files) and its checksum. */
  public record Input(String name, int files, String sha256) {}

  /** The software versions alone: inputs and configuration without their checksums. */
  PackProvenance withoutChecksums() {
    return new PackProvenance(List.of(), List.of(), versions);
  }

  /** Sorted by name so that the same inputs give the same text. */
  public List<Map.Entry<String, String>> versionList() {
    return versions.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList();
  }

  /** Reads the store's input ledger and the configuration folder of a study. */
  static PackProvenance read(JdbcTemplate jdbc, String study, Path studyConfigDir) {
    Map<String, List<String[]>> byInput = new LinkedHashMap<>();
    jdbc.query(
        "select input_name, file_name, sha256 from input_file where study = ? order by input_name, file_name",
        rs -> {
          byInput
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new String[] {rs.getString(2), rs.getString(3)});
        },
        study);
    List<Input> inputs = new ArrayList<>();
    byInput.forEach((name, files) -> {
      // A transcript's file name may name the person: transcripts are listed as their folder.
      if (files.size() == 1 && !TranscriptIngestTasklet.INPUT.equals(name)) {
        inputs.add(new Input(files.get(0)[0], 1, files.get(0)[1]));
      } else {
        StringBuilder all = new StringBuilder();
        files.forEach(f -> all.append(f[0]).append(' ').append(f[1]).append('\n'));
        inputs.add(new Input(name, files.size(), DigestUtils.sha256Hex(all.toString())));
      }
    });
    List<Input> configuration = new ArrayList<>();
    for (String name : List.of("study.yml", "codebook.yml")) {
      Path file = studyConfigDir.resolve(name);
      if (Files.isRegularFile(file)) {
        try {
          configuration.add(new Input(name, 1, DigestUtils.sha256Hex(Files.readAllBytes(file))));
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot read " + file.toAbsolutePath(), e);
        }
      }
    }
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("Triangulate", version(PackProvenance.class, "development build"));
    versions.put("Java", Runtime.version().toString());
    versions.put(
        "Elasticsearch Java client", String.valueOf(co.elastic.clients.transport.Version.VERSION));
    versions.put("openhtmltopdf", mavenVersion("io.github.openhtmltopdf", "openhtmltopdf-pdfbox"));
    versions.put("PDFBox", version(org.apache.pdfbox.pdmodel.PDDocument.class, "unknown"));
    return new PackProvenance(inputs, configuration, versions);
  }

  /** The version in a jar's Maven metadata, for jars whose manifest carries none. */
  private static String mavenVersion(String groupId, String artifactId) {
    String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try (InputStream in = PackProvenance.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String version(Class<?> type, String otherwise) {
    String version = type.getPackage().getImplementationVersion();
    return version == null ? otherwise : version;
  }
}
