package org.triangulate.web;

import java.util.Map;

/**
 * One thing an analyst can filter and count extracts by: its request parameter ({@code id}), the
 * index field it filters, its label and the labels of its values. Immutable.
 */
public record FacetDimension(
    String id, String field, String label, Map<String, String> valueLabels) {

  public FacetDimension {
    valueLabels = Map.copyOf(valueLabels);
  }

  /** The value's label from the study, or the raw value when the study declares none (case ids). */
  public String valueLabel(String value) {
    return valueLabels.getOrDefault(value, value);
  }
}
