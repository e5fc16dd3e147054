package org.triangulate.web;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a deep pagination stands: the point in time searched (null until the first continuation
 * opens one), the sort values of the last hit shown, how many hits came before the next page, and
 * the search it belongs to. Travels as an opaque URL-safe token. Immutable.
 */
record SearchCursor(String pit, List<Object> after, long offset, String search) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  SearchCursor {
    after = List.copyOf(after);
  }

  SearchCursor withPit(String newPit) {
    return new SearchCursor(newPit, after, offset, search);
  }

  static SearchCursor after(String pit, List<FieldValue> sort, long offset, String search) {
    List<Object> values = new ArrayList<>();
    for (FieldValue v : sort) {
      values.add(
          switch (v._kind()) {
            case Double -> v.doubleValue();
            case Long -> v.longValue();
            case Boolean -> v.booleanValue();
            case String -> v.stringValue();
            default -> throw new IllegalStateException("cannot page after a " + v._kind());
          });
    }
    return new SearchCursor(pit, values, offset, search);
  }

  List<FieldValue> sortValues() {
    return after.stream()
        .map(v ->
            switch (v) {
              case Double d -> FieldValue.of(d);
              case Float f -> FieldValue.of(f.doubleValue());
              case Number n -> FieldValue.of(n.longValue());
              case Boolean b -> FieldValue.of(b);
              default -> FieldValue.of(v.toString());
            })
        .toList();
  }

  String encode() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(this));
  }

  /**
   * @throws BadSearchRequestException when the token is not a cursor or belongs to another search
   */
  static SearchCursor decode(String token, String search) {
    SearchCursor cursor;
    try {
      cursor =
          JSON.readValue(
              new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8),
              SearchCursor.class);
    } catch (IllegalArgumentException | JacksonException e) {
      throw new BadSearchRequestException(List.of("cursor: not a cursor this search gave out"));
    }
    if (cursor.after() == null || cursor.after().isEmpty() || !search.equals(cursor.search())) {
      throw new BadSearchRequestException(
          List.of(
              "cursor: belongs to another search; repeat the same q, filters and sort with it"));
    }
    return cursor;
  }
}
