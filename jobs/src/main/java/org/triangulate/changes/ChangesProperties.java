package org.triangulate.changes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a change since the last night is worth reporting, under {@code triangulate.changes.*}.
 *
 * @param strengthThreshold a pattern whose strength moved across this value (either way) is
 *     reported
 * @param shareMove an item whose in-place share moved by more than this (0..1) is reported
 */
@ConfigurationProperties("triangulate.changes")
public record ChangesProperties(
    @DefaultValue("0.5") double strengthThreshold, @DefaultValue("0.1") double shareMove) {

  public ChangesProperties {
    if (!(strengthThreshold > 0 && strengthThreshold < 1)) {
      throw new IllegalArgumentException(
          "triangulate.changes.strength-threshold must be between 0 and 1 (exclusive), was "
              + strengthThreshold);
    }
    if (!(shareMove > 0 && shareMove < 1)) {
      throw new IllegalArgumentException(
          "triangulate.changes.share-move must be between 0 and 1 (exclusive), was " + shareMove);
    }
  }
}
