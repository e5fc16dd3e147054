package org.triangulate.workshop;

import java.util.List;

/**
 * A feedback workshop as {@code workshops.csv} describes it: when it was held, which pack it
 * discussed and which stakeholder groups were present (all may be empty). Immutable.
 */
public record Workshop(String id, String heldOn, String pack, List<String> groups) {

  public Workshop {
    groups = List.copyOf(groups);
  }

  static Workshop undescribed(String id) {
    return new Workshop(id, "", "", List.of());
  }
}
