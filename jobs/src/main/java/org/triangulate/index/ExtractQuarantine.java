package org.triangulate.index;

import org.triangulate.ingest.QuarantinedRecord;

/**
 * A document Elasticsearch refused, as a quarantine entry: input {@value #INPUT}, the transcript it
 * was cut from, the segment id and character offsets, and Elasticsearch's reason.
 */
public final class ExtractQuarantine {

  public static final String INPUT = "index";
  private static final int EXCERPT = 200;

  private ExtractQuarantine() {}

  public static QuarantinedRecord of(ExtractBulkIndexer.Rejection rejection) {
    ExtractDocument d = rejection.document();
    if (d == null) {
      return new QuarantinedRecord(
          INPUT, "", "segment " + rejection.id(), rejection.reason(), null);
    }
    String text = d.text() == null ? "" : d.text();
    return new QuarantinedRecord(
        INPUT,
        d.sourceFile(),
        "segment " + d.id() + " characters " + d.startOffset() + "-" + d.endOffset(),
        "Elasticsearch refused the document: " + rejection.reason(),
        text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…");
  }
}
