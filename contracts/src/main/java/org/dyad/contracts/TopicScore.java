package org.dyad.contracts;

/**
 * One topic of an article (multi-label).
 *
 * @param topic a stable topic id: {@code defence}, {@code diplomacy}, {@code trade-economy}, {@code energy},
 *        {@code security-terrorism}, ...
 * @param score 0 to 1
 */
public record TopicScore(String topic, double score) {
}
