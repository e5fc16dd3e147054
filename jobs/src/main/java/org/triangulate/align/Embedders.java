package org.triangulate.align;

import org.springframework.stereotype.Component;
import org.triangulate.study.Study;

/**
 * The study's sentence-embedding model, loaded on first use (commands that never align or search by
 * meaning never load it). Thread-safe.
 */
@Component
public class Embedders {

  private final Study study;
  private volatile SentenceEmbedder embedder;

  public Embedders(Study study) {
    this.study = study;
  }

  public SentenceEmbedder get() {
    SentenceEmbedder loaded = embedder;
    if (loaded == null) {
      synchronized (this) {
        if (embedder == null) {
          embedder = new MiniLmEmbedder(study.alignment().model());
        }
        loaded = embedder;
      }
    }
    return loaded;
  }
}
