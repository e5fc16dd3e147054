package org.triangulate.index;

/**
 * Where tonight's extracts go: a new index that the alias moves to once it is complete (a full
 * rebuild), or the live index itself, updated in place (incremental). Immutable.
 *
 * @param reason why this mode was chosen, for the log and the run report
 */
public record ExtractIndexPlan(String index, boolean incremental, String reason) {}
