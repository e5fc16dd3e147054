package org.triangulate.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.triangulate.TriangulateProperties;
import org.triangulate.study.Study;

/**
 * What a night's outputs are made of, as one checksum: the study's input files as last loaded (by
 * SHA-256), its configuration ({@code study.yml}, {@code codebook.yml}), the annotation settings
 * and the build of this program. Equal fingerprints mean equal outputs but for the run's id and
 * date, which lets a night keep what an earlier one made. Thread-safe.
 */
@Component
public class InputsFingerprint {

  private final InputLedger ledger;
  private final Study study;
  private final TriangulateProperties properties;

  public InputsFingerprint(InputLedger ledger, Study study, TriangulateProperties properties) {
    this.ledger = ledger;
    this.study = study;
    this.properties = properties;
  }

  /** Everything but the named inputs (e.g. the index's documents do not depend on the answers). */
  public String excluding(Set<String> inputs) {
    List<String> parts =
        new ArrayList<>(
            ledger.checksums(study.name()).stream()
                .filter(line -> !inputs.contains(line.substring(0, line.indexOf('/'))))
                .toList());
    parts.add(ConfigFingerprint.of(properties.configDir().resolve(study.name())));
    parts.add(properties.nlp().toString());
    parts.add(buildIdentity());
    return InputLedger.fingerprint(parts.toArray(String[]::new));
  }

  public String ofEverything() {
    return excluding(Set.of());
  }

  /**
   * The build's own record (written by the build into the class path): a rebuilt program may shape
   * outputs differently, so they count as changed.
   */
  private static String buildIdentity() {
    try (InputStream in =
        InputsFingerprint.class.getResourceAsStream("/META-INF/build-info.properties")) {
      return in == null ? "unknown build" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
