package org.triangulate.align;

import java.util.List;

/** Turns texts into unit-length sentence vectors; thread-safe implementations. */
public interface SentenceEmbedder {

  /** The model's name, recorded with every stored vector. */
  String model();

  /** One unit vector per text, in order. */
  List<float[]> embed(List<String> texts);
}
