package org.triangulate.nlp;

/**
 * Hands out pseudonyms: the same identifier key of the same kind always gets the same one. A case's
 * organisation gets the case's own pseudonym.
 */
public interface Pseudonyms {

  String of(Identifier identifier);
}
