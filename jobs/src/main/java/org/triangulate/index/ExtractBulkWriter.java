package org.triangulate.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import java.io.IOException;
import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of extracts to one index in a single bulk request, keyed by the segment's stable
 * id so a rerun overwrites rather than duplicates. Any per-document failure fails the chunk with
 * each document's id and Elasticsearch's reason.
 */
public class ExtractBulkWriter implements ItemWriter<ExtractDocument> {

  private final ElasticsearchClient client;
  private final String index;

  public ExtractBulkWriter(ElasticsearchClient client, String index) {
    this.client = client;
    this.index = index;
  }

  @Override
  public void write(Chunk<? extends ExtractDocument> chunk) throws IOException {
    BulkRequest.Builder request = new BulkRequest.Builder().index(index);
    for (ExtractDocument document : chunk) {
      request.operations(op -> op.index(i -> i.id(document.id()).document(document)));
    }
    BulkResponse response = client.bulk(request.build());
    if (response.errors()) {
      List<String> failures =
          response.items().stream()
              .filter(item -> item.error() != null)
              .map(ExtractBulkWriter::describe)
              .toList();
      throw new IllegalStateException(
          failures.size()
              + " of "
              + chunk.size()
              + " documents failed to index into "
              + index
              + ": "
              + failures);
    }
  }

  private static String describe(BulkResponseItem item) {
    return item.id() + " (" + item.error().type() + ": " + item.error().reason() + ")";
  }
}
