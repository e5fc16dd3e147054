package org.triangulate.web;

import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import org.triangulate.output.SpreadsheetText;

/**
 * Writes every hit of a search as CSV, one row per extract, in the search's order: pages of {@value
 * ExtractSearchRequests#EXPORT_PAGE} read with search_after in one point in time, each written
 * before the next is read, so memory stays flat however many hits there are. Columns: id, case,
 * participant, speaker role, one per study attribute, categories and themes ({@code ;}-separated),
 * source file, character offsets, text (de-identified). Thread-safe.
 */
@Component
public class ExtractCsvExport {

  private final ExtractSearchService search;
  private final CSVFormat format;

  public ExtractCsvExport(ExtractSearchService search) {
    this.search = search;
    List<String> header =
        new ArrayList<>(List.of("id", "case_id", "participant_id", "speaker_role"));
    search.dimensions().attributes().forEach(a -> header.add(a.id()));
    header.addAll(
        List.of("categories", "themes", "source_file", "start_offset", "end_offset", "text"));
    this.format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
  }

  /** Writes the header and every hit, leaving {@code out} open; returns the rows written. */
  public long write(ExtractQuery query, Writer out) throws IOException {
    AnalyzedQuery words = search.analyze(query.text());
    float[] meaning = search.meaningOf(query, search.liked(query));
    ExtractSearchRequests requests = search.requests();
    String pit =
        search.call(() ->
            search
                .client()
                .openPointInTime(p ->
                    p.index(search.alias())
                        .keepAlive(k -> k.time(ExtractSearchRequests.PIT_KEEP_ALIVE)))
                .id());
    long rows = 0;
    // Not closed: closing the printer would close the caller's writer.
    CSVPrinter printer = format.print(out);
    try {
      SearchCursor after = null;
      while (true) {
        SearchCursor from = after;
        SearchResponse<ExtractSource> page =
            search.call(() ->
                search
                    .client()
                    .search(
                        requests.export(query, words, meaning, pit, from), ExtractSource.class));
        List<Hit<ExtractSource>> hits = page.hits().hits();
        for (Hit<ExtractSource> hit : hits) {
          printer.printRecord(row(hit).stream().map(SpreadsheetText::cell));
          rows++;
        }
        printer.flush();
        if (hits.size() < ExtractSearchRequests.EXPORT_PAGE) {
          return rows;
        }
        after = SearchCursor.after(pit, hits.getLast().sort(), rows, query.searchKey());
      }
    } finally {
      search.call(() -> search.client().closePointInTime(c -> c.id(pit)));
    }
  }

  private List<Object> row(Hit<ExtractSource> hit) {
    ExtractSource s = hit.source();
    List<Object> row =
        new ArrayList<>(Arrays.asList(hit.id(), s.caseId(), s.participantId(), s.speakerRole()));
    search
        .dimensions()
        .attributes()
        .forEach(
            a -> row.add(s.attributes() == null ? "" : s.attributes().getOrDefault(a.id(), "")));
    row.add(s.categories() == null ? "" : String.join(";", s.categories()));
    row.add(s.themes() == null ? "" : String.join(";", s.themes()));
    row.add(s.sourceFile());
    row.add(s.startOffset());
    row.add(s.endOffset());
    row.add(s.text());
    return row;
  }
}
