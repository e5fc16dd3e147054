package org.triangulate.index;

import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * In an incremental run, drops documents the live index already holds with the same fingerprint, so
 * only changed sources' documents (new text, new codings, new attributes) are written. In a full
 * rebuild the map is empty and everything passes. Dropped documents count as filtered.
 */
public class UnchangedExtractFilter implements ItemProcessor<ExtractDocument, ExtractDocument> {

  private final Map<String, String> indexedFingerprints;

  /**
   * @param indexedFingerprints fingerprint by document id of what the target index holds
   */
  public UnchangedExtractFilter(Map<String, String> indexedFingerprints) {
    this.indexedFingerprints = Map.copyOf(indexedFingerprints);
  }

  @Override
  public ExtractDocument process(ExtractDocument document) {
    return document.fingerprint().equals(indexedFingerprints.get(document.id())) ? null : document;
  }
}
