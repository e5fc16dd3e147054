package org.triangulate.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.triangulate.TriangulateProperties;
import org.triangulate.output.PrivateFolders;
import org.triangulate.study.Study;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only record of who searched, opened an extract in context or exported what, and when:
 * {@code data-out/<study>/audit/audit.log}, one JSON object a line ({@code time}, {@code user},
 * {@code action}, {@code path}, {@code query}, {@code status}), each carrying the SHA-256 of the
 * line before it ({@code previous}), so a line removed or changed breaks the chain. Searches may
 * hold names people typed: the folder is its owner's only. Lines are only ever added. Thread-safe
 * (one writer at a time).
 */
@Component
public class AuditLog {

  /** What a line records. */
  public enum Action {
    SEARCH,
    CONTEXT,
    EXPORT,
    PACK
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path file;
  private final Clock clock;
  private String previous;

  @Autowired
  AuditLog(TriangulateProperties properties, Study study) {
    this(
        properties.studyOutput(study.name()).resolve("audit").resolve("audit.log"),
        Clock.systemUTC());
  }

  AuditLog(Path file, Clock clock) {
    this.file = file;
    this.clock = clock;
  }

  public Path file() {
    return file;
  }

  /** Adds a line; a failure to write fails the request that caused it rather than go unrecorded. */
  public synchronized void record(
      String user, Action action, String path, String query, int status) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("time", Instant.now(clock).toString());
    line.put("user", user);
    line.put("action", action.name().toLowerCase(java.util.Locale.ROOT));
    line.put("path", path);
    line.put("query", query == null ? "" : query);
    line.put("status", status);
    line.put("previous", previousLine());
    byte[] bytes = (JSON.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      create();
      try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the audit log " + file.toAbsolutePath(), e);
    }
    previous = DigestUtils.sha256Hex(bytes);
  }

  private void create() throws IOException {
    if (Files.exists(file)) {
      return;
    }
    PrivateFolders.create(file.getParent());
    if (Files.getFileStore(file.getParent())
        .supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
  }

  /** The checksum of the log's last line (read once, after a restart), or empty for a new log. */
  private String previousLine() {
    if (previous == null) {
      previous = Files.exists(file) ? DigestUtils.sha256Hex(lastLine()) : "";
    }
    return previous;
  }

  private byte[] lastLine() {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long end = in.length() - 1;
      long start = end;
      while (start > 0) {
        in.seek(start - 1);
        if (in.read() == '\n') {
          break;
        }
        start--;
      }
      byte[] line = new byte[(int) Math.max(0, end + 1 - start)];
      in.seek(Math.max(0, start));
      in.readFully(line);
      return line;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the audit log " + file.toAbsolutePath(), e);
    }
  }
}
