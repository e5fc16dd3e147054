package org.triangulate.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipFile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The store's record of the outputs it built (table {@code built_output}): for each, the
 * fingerprint of what it was built from and the files it consists of. A step that would skip work
 * because its inputs are unchanged asks {@link #whyRebuild} first: the output is kept only if this
 * store built it from tonight's fingerprint and every file is still there and readable.
 * Thread-safe.
 */
@Component
public class BuiltOutputs {

  /** Why everything is built again when every night is to be a full one. */
  public static final String FULL_NIGHT =
      "a full night was asked for (triangulate.run.incremental: false)";

  private final JdbcTemplate jdbc;
  private final boolean incremental;

  /**
   * @param incremental false to build every output again every night, whatever the record says
   */
  public BuiltOutputs(
      JdbcTemplate jdbc,
      @org.springframework.beans.factory.annotation.Value("${triangulate.run.incremental:true}")
          boolean incremental) {
    this.jdbc = jdbc;
    this.incremental = incremental;
  }

  /** Whether outputs built from the same fingerprint may be kept (false: every night is full). */
  public boolean incremental() {
    return incremental;
  }

  /**
   * Why {@code output} must be built again, in words for the run report; empty when the store built
   * it from {@code fingerprint} and its files are all there and readable.
   */
  public Optional<String> whyRebuild(String study, String output, String fingerprint) {
    if (!incremental) {
      return Optional.of(FULL_NIGHT);
    }
    List<String[]> rows =
        jdbc.query(
            "select fingerprint, files from built_output where study = ? and output_name = ?",
            (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
            study,
            output);
    if (rows.isEmpty()) {
      return Optional.of("not built from this store yet");
    }
    if (!rows.getFirst()[0].equals(fingerprint)) {
      return Optional.of("inputs, configuration or build changed");
    }
    for (String line : rows.getFirst()[1].split("\n")) {
      if (!line.isEmpty()) {
        Optional<String> problem = problem(Path.of(line));
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  /** Records that {@code output}, made of {@code files}, was built from {@code fingerprint}. */
  public void record(String study, String output, String fingerprint, List<Path> files, long run) {
    String paths =
        String.join(
            "\n", files.stream().map(f -> f.toAbsolutePath().normalize().toString()).toList());
    forget(study, output);
    jdbc.update(
        "insert into built_output (study, output_name, fingerprint, run_id, files)"
            + " values (?, ?, ?, ?, ?)",
        study,
        output,
        fingerprint,
        run,
        paths);
  }

  /** Before an output is rebuilt: a rebuild that fails half-way leaves no claim behind. */
  public void forget(String study, String output) {
    jdbc.update("delete from built_output where study = ? and output_name = ?", study, output);
  }

  /** Whether {@code study}'s store holds a record of {@code output} at all. */
  public boolean has(String study, String output) {
    if (!incremental) {
      return false;
    }
    Integer n =
        jdbc.queryForObject(
            "select count(*) from built_output where study = ? and output_name = ?",
            Integer.class,
            study,
            output);
    return n != null && n > 0;
  }

  /**
   * What is wrong with an output file, if anything: missing, empty, unreadable, or (a zip archive
   * such as a {@code .qdpx}) without a readable table of contents.
   */
  public static Optional<String> problem(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.of(file + " is missing");
    }
    try {
      if (Files.size(file) == 0) {
        return Optional.of(file + " is empty");
      }
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".qdpx") || name.endsWith(".zip")) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
          if (zip.size() == 0) {
            return Optional.of(file + " is an empty archive");
          }
        }
      } else {
        try (InputStream in = Files.newInputStream(file)) {
          if (in.read() < 0) {
            return Optional.of(file + " is empty");
          }
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.of(file + " is unreadable (" + e.getMessage() + ")");
    }
  }
}
