package org.triangulate.web;

import java.util.List;

/**
 * Counts of matching extracts per value of one dimension. Counts ignore the dimension's own filter
 * (and honour all others), so ticking one category still shows how many the other categories would
 * add. Immutable.
 */
public record Facet(String id, String label, List<Bucket> buckets) {

  public Facet {
    buckets = List.copyOf(buckets);
  }

  public record Bucket(String value, String label, long count, boolean selected) {}

  public boolean hasSelection() {
    return buckets.stream().anyMatch(Bucket::selected);
  }
}
