package org.triangulate.demo;

/**
 * One generated row of responses.csv: the canonical answer code, the spelling written to the file,
 * and the importance (null: left blank). Immutable.
 */
record DemoAnswer(
    DemoParticipant participant,
    String itemId,
    String happening,
    Integer importance,
    String written) {}
