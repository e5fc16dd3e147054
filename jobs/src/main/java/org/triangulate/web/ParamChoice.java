package org.triangulate.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One of the values a search's request parameter takes ({@code sort}, {@code mode}): its value is
 * the constant's name in lower case, its label what the page shows.
 */
public interface ParamChoice {

  String name();

  String label();

  default String param() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every value of the parameter, in the order the page offers them. */
  static <E extends Enum<E> & ParamChoice> List<String> params(Class<E> choices) {
    return Arrays.stream(choices.getEnumConstants()).map(ParamChoice::param).toList();
  }

  /**
   * The choice a parameter names; absent, the default; unknown, a problem naming the parameter and
   * the default.
   */
  static <E extends Enum<E> & ParamChoice> E parse(
      String name, String value, E defaultChoice, List<String> problems) {
    if (value == null) {
      return defaultChoice;
    }
    Class<E> choices = defaultChoice.getDeclaringClass();
    Optional<E> choice =
        Arrays.stream(choices.getEnumConstants()).filter(c -> c.param().equals(value)).findFirst();
    if (choice.isEmpty()) {
      problems.add(name + ": '" + value + "' is not one of " + String.join(", ", params(choices)));
    }
    return choice.orElse(defaultChoice);
  }
}
