package org.triangulate.nlp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the words around a name say where NER is weaker (as it is outside English): a courtesy or
 * professional title makes the capitalised words after it a person ({@code Monsieur Philippe
 * Garnier}, {@code Dr Okafor}); a place or organisation followed by a small number is named with it
 * ({@code Paris 8}, {@code Lyon 2}: a university, a district). Stateless and thread-safe.
 */
final class NameContext {

  /** Titles before a person's name, in the declared languages (English, French). */
  static final String TITLES =
      "(?:Monsieur|Madame|Mademoiselle|M\\.|Mme\\.?|Mlle\\.?|Mr\\.?|Mrs\\.?|Ms\\.?|Miss|Dr\\.?"
          + "|Docteur|docteur|Doctor|Professeur|professeur|Professor|Maître)";

  private static final String NAME_WORD = "\\p{Lu}[\\p{L}'’]*(?:-\\p{Lu}[\\p{L}'’]*)*";

  private static final Pattern TITLED_NAME =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])"
              + TITLES
              + "[ \\t]+(?<name>"
              + NAME_WORD
              + "(?:[ \\t]+"
              + NAME_WORD
              + "){0,2})");

  private static final Pattern TITLE = Pattern.compile(TITLES);

  private static final Pattern SMALL_NUMBER_AFTER =
      Pattern.compile("\\G[ \\t]+\\d{1,2}(?![\\p{N}])");

  private NameContext() {}

  /** The names written after a title, as people. */
  static List<Identifier> titledNames(String text) {
    List<Identifier> found = new ArrayList<>();
    Matcher m = TITLED_NAME.matcher(text);
    while (m.find()) {
      found.add(
          new Identifier(
              m.start("name"), m.end("name"), IdentifierKind.PERSON, NameKey.of(m.group("name"))));
    }
    return found;
  }

  /** Whether {@code word} is a title rather than a first name. */
  static boolean isTitle(String word) {
    return TITLE.matcher(word).matches();
  }

  /** Places and organisations taken with a small number that follows them. */
  static List<Identifier> withNumbers(String text, List<Identifier> identifiers) {
    List<Identifier> out = new ArrayList<>(identifiers.size());
    for (int i = 0; i < identifiers.size(); i++) {
      Identifier id = identifiers.get(i);
      if (id.kind() == IdentifierKind.PLACE || id.kind() == IdentifierKind.ORGANISATION) {
        Matcher m = SMALL_NUMBER_AFTER.matcher(text);
        m.region(id.end(), text.length());
        int next = i + 1 < identifiers.size() ? identifiers.get(i + 1).start() : text.length();
        if (m.lookingAt() && m.end() <= next) {
          id = new Identifier(id.start(), m.end(), id.kind(), id.key());
        }
      }
      out.add(id);
    }
    return out;
  }
}
