/**
 * Agreement between coders: Cohen's kappa and Krippendorff's alpha per category between every two
 * coders of the study's segments (an imported tool's coders, the codebook's rules, item alignment),
 * written to {@code data-out/<study>/agreement/} and summarised in the packs' method appendix.
 */
package org.triangulate.agreement;
