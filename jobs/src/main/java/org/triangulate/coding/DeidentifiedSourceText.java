package org.triangulate.coding;

import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.triangulate.ingest.SourceDocument;
import org.triangulate.nlp.Segment;
import org.triangulate.nlp.SourceRedaction;

/**
 * Exports a source's text de-identified piece by piece between segment boundaries (speaker labels
 * and gaps between segments are pieces too), so each boundary maps exactly: a replacement changes
 * the length of its piece only. Segments end at turn or sentence ends, where names do not run
 * across. Immutable and thread-safe.
 */
public final class DeidentifiedSourceText implements ExportedSourceText {

  private final SourceRedaction redaction;

  public DeidentifiedSourceText(SourceRedaction redaction) {
    this.redaction = redaction;
  }

  @Override
  public ExportedText of(SourceDocument source, List<Segment> segments) {
    String original = source.text();
    SourceRedaction.Ranges deidentified = redaction.of(source, segments);
    TreeSet<Integer> boundaries = new TreeSet<>(List.of(0, original.length()));
    for (Segment segment : segments) {
      boundaries.add(Math.clamp(segment.start(), 0, original.length()));
      boundaries.add(Math.clamp(segment.end(), 0, original.length()));
    }
    StringBuilder exported = new StringBuilder(original.length());
    NavigableMap<Integer, Integer> offsets = new TreeMap<>();
    Integer previous = null;
    for (int boundary : boundaries) {
      if (previous != null) {
        exported.append(deidentified.text(previous, boundary));
      }
      offsets.put(boundary, exported.length());
      previous = boundary;
    }
    return new ExportedText(exported.toString(), offsets);
  }
}
