package org.triangulate.bench;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.triangulate.align.MiniLmEmbedder;
import org.triangulate.align.SentenceEmbedder;
import org.triangulate.study.Study;

/**
 * What the alignment step is compared with: the sentence-embedding model alone (as the step loads
 * it, on all cores) over exactly the texts the step embeds, every de-identified segment of a study
 * read from a night's store. Prints words, seconds and words/s; model loading is timed apart and
 * left out. Run by {@code bench/run} after that night; arguments: store-jdbc-url study.
 */
public final class EmbeddingAloneBenchmark {

  public static void main(String[] args) {
    JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(args[0], "sa", ""));
    List<String> texts =
        jdbc.queryForList(
            "select coalesce(deidentified_body, '') from segment where study = ?"
                + " order by source_id, start_offset",
            String.class,
            args[1]);
    long words =
        texts.stream()
            .filter(t -> !t.isBlank())
            .mapToLong(t -> t.strip().split("\\s+").length)
            .sum();
    long loadStart = System.nanoTime();
    SentenceEmbedder embedder = new MiniLmEmbedder(Study.Alignment.MINILM_L6_V2_Q);
    double load = (System.nanoTime() - loadStart) / 1e9;
    long start = System.nanoTime();
    embedder.embed(texts);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "RESULT segments=%d words=%d load_s=%.1f embed_s=%.1f embedding_words_per_s=%d%n",
        texts.size(), words, load, seconds, Math.round(words / seconds));
  }
}
