package org.dyad.contracts;

/**
 * An amount: money with its value and currency, or a percentage.
 *
 * @param kind {@code MONEY} or {@code PERCENT}
 * @param text the covered text ("$5 billion", "29 percent")
 * @param start offset of the first character (inclusive) into the cleaned text
 * @param end offset after the last character (exclusive)
 * @param sentence zero-based sentence index
 * @param value the number: 5.0E9 for "$5 billion", 29.0 for "29 percent"
 * @param currency ISO 4217 code for money ({@code USD}), null for percentages
 * @param about what the amount is about when the sentence says it ({@code tariff}, {@code trade}, {@code loan},
 *        {@code investment}, ...), or null
 */
public record Amount(String kind, String text, int start, int end, int sentence, double value, String currency,
        String about) {
}
