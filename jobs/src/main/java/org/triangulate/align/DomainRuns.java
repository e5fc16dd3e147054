package org.triangulate.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A topic guide asks about one domain's items together, and an interview seldom goes back to an
 * item it has covered. Given an interview's sections in order (each a similarity to every item),
 * this finds the runs of consecutive sections about one domain, as the path through the domains
 * that best fits the sections' similarities when every change of domain costs {@code switchCost}
 * (Viterbi); then, within a run, gives each item to at most one section, greedily from the closest
 * section and item. The sections' similarities are rewritten so that the chosen item is the
 * closest, ahead of the free items by its margin, and items of other domains fall behind by one.
 * Stateless.
 */
final class DomainRuns {

  /** How far an item of another domain than its run's falls behind, in cosine. */
  private static final double OTHER_DOMAIN = 1;

  private DomainRuns() {}

  /**
   * @param sections each section's similarity to every item, in interview order; rewritten in place
   * @param domainOf each item's domain, numbered from 0
   */
  static void apply(List<double[]> sections, int[] domainOf, double switchCost) {
    if (sections.isEmpty()) {
      return;
    }
    int[] path = bestPath(sections, domainOf, switchCost);
    int start = 0;
    while (start < sections.size()) {
      int end = start;
      while (end + 1 < sections.size() && path[end + 1] == path[start]) {
        end++;
      }
      List<double[]> run = sections.subList(start, end + 1);
      for (double[] section : run) {
        for (int i = 0; i < section.length; i++) {
          if (domainOf[i] != path[start]) {
            section[i] -= OTHER_DOMAIN;
          }
        }
      }
      eachItemOnce(run, domainOf, path[start]);
      start = end + 1;
    }
  }

  /** Each section's domain on the best path: a section's fit to a domain is its closest item's. */
  private static int[] bestPath(List<double[]> sections, int[] domainOf, double switchCost) {
    int domains = Arrays.stream(domainOf).max().orElse(0) + 1;
    int count = sections.size();
    double[][] fit = new double[count][domains];
    for (int s = 0; s < count; s++) {
      Arrays.fill(fit[s], Double.NEGATIVE_INFINITY);
      double[] section = sections.get(s);
      for (int i = 0; i < section.length; i++) {
        fit[s][domainOf[i]] = Math.max(fit[s][domainOf[i]], section[i]);
      }
    }
    double[][] best = new double[count][domains];
    int[][] previous = new int[count][domains];
    best[0] = fit[0].clone();
    for (int s = 1; s < count; s++) {
      for (int d = 0; d < domains; d++) {
        double most = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < domains; p++) {
          double score = best[s - 1][p] - (p == d ? 0 : switchCost);
          if (score > most) {
            most = score;
            previous[s][d] = p;
          }
        }
        best[s][d] = most + fit[s][d];
      }
    }
    int[] path = new int[count];
    for (int d = 1; d < domains; d++) {
      if (best[count - 1][d] > best[count - 1][path[count - 1]]) {
        path[count - 1] = d;
      }
    }
    for (int s = count - 1; s > 0; s--) {
      path[s - 1] = previous[s][path[s]];
    }
    return path;
  }

  /**
   * Pairs sections with the domain's items, closest pair first, each item once; a section left
   * without an item (more sections than items: a topic taken up again) keeps its similarities.
   */
  private static void eachItemOnce(List<double[]> sections, int[] domainOf, int domain) {
    int items = sections.getFirst().length;
    List<int[]> pairs = new ArrayList<>();
    for (int s = 0; s < sections.size(); s++) {
      for (int i = 0; i < items; i++) {
        if (domainOf[i] == domain) {
          pairs.add(new int[] {s, i});
        }
      }
    }
    pairs.sort((a, b) -> Double.compare(sections.get(b[0])[b[1]], sections.get(a[0])[a[1]]));
    int[] itemOf = new int[sections.size()];
    Arrays.fill(itemOf, -1);
    boolean[] taken = new boolean[items];
    for (int[] pair : pairs) {
      if (itemOf[pair[0]] < 0 && !taken[pair[1]]) {
        itemOf[pair[0]] = pair[1];
        taken[pair[1]] = true;
      }
    }
    for (int s = 0; s < sections.size(); s++) {
      int item = itemOf[s];
      if (item < 0) {
        continue;
      }
      // Items other sections took fall just behind this section's own: a section whose closest
      // item went to a closer section is left with no margin, so it is stored but not quoted.
      double[] section = sections.get(s);
      for (int i = 0; i < items; i++) {
        if (i != item && taken[i]) {
          section[i] = Math.min(section[i], Math.nextDown(section[item]));
        }
      }
    }
  }
}
