package org.triangulate.align;

import java.util.ArrayList;
import java.util.List;
import org.triangulate.study.Study;

/**
 * Each item's vectors: its wording and its topic-guide prompts. A text's similarity to an item is
 * its best similarity to any of them. Immutable.
 */
public final class ItemProfiles {

  private final List<String> itemIds;
  private final List<String> domains;
  private final List<List<float[]>> vectors;

  private ItemProfiles(List<String> itemIds, List<String> domains, List<List<float[]>> vectors) {
    this.itemIds = List.copyOf(itemIds);
    this.domains = List.copyOf(domains);
    this.vectors = List.copyOf(vectors);
  }

  public static ItemProfiles of(Study study, SentenceEmbedder embedder) {
    List<String> texts = new ArrayList<>();
    List<Integer> owners = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<String> domains = new ArrayList<>();
    for (int i = 0; i < study.items().size(); i++) {
      Study.Item item = study.items().get(i);
      ids.add(item.id());
      domains.add(item.domain());
      texts.add(item.text());
      owners.add(i);
      for (String prompt : item.prompts()) {
        texts.add(prompt);
        owners.add(i);
      }
    }
    List<float[]> embedded = embedder.embed(texts);
    List<List<float[]>> vectors = new ArrayList<>();
    ids.forEach(id -> vectors.add(new ArrayList<>()));
    for (int t = 0; t < texts.size(); t++) {
      vectors.get(owners.get(t)).add(embedded.get(t));
    }
    return new ItemProfiles(ids, domains, vectors);
  }

  /** For tests: items given by their vectors directly, all of one domain. */
  static ItemProfiles ofVectors(List<String> itemIds, List<List<float[]>> vectors) {
    return ofVectors(itemIds, itemIds.stream().map(id -> "").toList(), vectors);
  }

  /** For tests: items given by their domains and vectors directly. */
  static ItemProfiles ofVectors(
      List<String> itemIds, List<String> domains, List<List<float[]>> vectors) {
    return new ItemProfiles(itemIds, domains, vectors);
  }

  public int size() {
    return itemIds.size();
  }

  public String itemId(int index) {
    return itemIds.get(index);
  }

  /** Each item's domain, numbered from 0 in the order domains first appear. */
  public int[] domainNumbers() {
    List<String> seen = new ArrayList<>();
    int[] numbers = new int[domains.size()];
    for (int i = 0; i < numbers.length; i++) {
      if (!seen.contains(domains.get(i))) {
        seen.add(domains.get(i));
      }
      numbers[i] = seen.indexOf(domains.get(i));
    }
    return numbers;
  }

  /** The text's similarity to each item, in the study's item order. */
  public double[] similarities(float[] text) {
    double[] sims = new double[itemIds.size()];
    for (int i = 0; i < sims.length; i++) {
      double best = -1;
      for (float[] v : vectors.get(i)) {
        best = Math.max(best, Vectors.dot(text, v));
      }
      sims[i] = best;
    }
    return sims;
  }
}
