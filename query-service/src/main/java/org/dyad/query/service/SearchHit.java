package org.dyad.query.service;

import java.time.LocalDate;
import java.util.UUID;

/** One article found by a full-text search, with its highlighted snippet and rank. */
public record SearchHit(UUID id, String title, String snippet, String source, LocalDate publishedAt, float rank) {
}
