package org.triangulate.nlp;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of tokens CoreNLP's NER gave one class ({@code PERSON}, {@code CITY}, {@code ORGANIZATION},
 * ...), with offsets into the source text.
 */
public record EntityMention(int start, int end, String type) {

  /** The mentions in {@code sentences}, whose offsets are shifted by {@code offset}. */
  static List<EntityMention> of(List<AnnotatedSentence> sentences, int offset) {
    List<EntityMention> mentions = new ArrayList<>();
    for (AnnotatedSentence sentence : sentences) {
      int start = -1;
      int end = -1;
      String type = null;
      for (AnnotatedSentence.Token token : sentence.tokens()) {
        String ner = isEntity(token.ner()) ? token.ner() : null;
        if (type != null && !type.equals(ner)) {
          mentions.add(new EntityMention(offset + start, offset + end, type));
          type = null;
        }
        if (ner != null) {
          if (type == null) {
            start = token.start();
            type = ner;
          }
          end = token.end();
        }
      }
      if (type != null) {
        mentions.add(new EntityMention(offset + start, offset + end, type));
      }
    }
    return mentions;
  }

  private static boolean isEntity(String ner) {
    return ner != null && !ner.isEmpty() && !"O".equals(ner);
  }
}
