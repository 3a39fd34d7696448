package org.dyad.query.service;

import java.util.List;

/** The best hits of a search and the number of articles that matched in all. */
public record SearchPage(long total, List<SearchHit> hits) {
}
