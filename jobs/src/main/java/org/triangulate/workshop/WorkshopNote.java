package org.triangulate.workshop;

import java.util.List;

/**
 * A paragraph of a workshop's notes, de-identified, with the categories the codebook's rules give
 * it. {@code noteId} is derived from the workshop, file and paragraph, so no file name leaves the
 * store. Immutable.
 */
public record WorkshopNote(
    String noteId, Workshop workshop, int paragraph, String text, List<String> categories) {

  public WorkshopNote {
    categories = List.copyOf(categories);
  }
}
