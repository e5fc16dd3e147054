package org.triangulate.fingerprint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a night's outputs are made of, as one checksum: the study's input files as last loaded (by
 * SHA-256), its configuration ({@code study.yml}, {@code codebook.yml}), the settings that shape
 * outputs (annotation, de-identification) and the build of this program. Equal fingerprints mean
 * equal outputs but for the run's id and date, which lets a night keep what an earlier one made.
 * Thread-safe.
 */
public class InputsFingerprint {

  private final Supplier<List<String>> inputChecksums;
  private final Path studyConfigDir;
  private final String settings;

  /**
   * @param inputChecksums one line per loaded input file, {@code <input>/<file>=<sha256>}
   * @param studyConfigDir the study's configuration folder
   * @param settings the program's settings that shape outputs, as text
   */
  public InputsFingerprint(
      Supplier<List<String>> inputChecksums, Path studyConfigDir, String settings) {
    this.inputChecksums = inputChecksums;
    this.studyConfigDir = studyConfigDir;
    this.settings = settings;
  }

  /** Everything but the named inputs (e.g. the index's documents do not depend on the answers). */
  public String excluding(Set<String> inputs) {
    List<String> parts =
        new ArrayList<>(
            inputChecksums.get().stream()
                .filter(line -> !inputs.contains(line.substring(0, line.indexOf('/'))))
                .toList());
    parts.add(ConfigFingerprint.of(studyConfigDir));
    parts.add(settings);
    parts.add(BuildIdentity.text());
    return Fingerprint.of(parts);
  }

  public String ofEverything() {
    return excluding(Set.of());
  }
}
