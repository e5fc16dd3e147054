/**
 * The analyst search: a server-rendered search page and a REST API over the study's extracts index,
 * both backed by one search service (full text, facet filters and counts, highlights, paging).
 */
package org.triangulate.web;
