package org.triangulate.coding;

import java.util.List;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.nlp.Segment;

/**
 * The text a source leaves the store with in the REFI-QDA export: de-identified, with every segment
 * boundary of the original mapped into it, so exported selections cover the same words. The one
 * place the export obtains source text. Implementations are thread-safe.
 */
public interface ExportedSourceText {

  /**
   * @param source the staged source with its canonical text
   * @param segments its segments, in text order
   */
  ExportedText of(SourceDocument source, List<Segment> segments);
}
