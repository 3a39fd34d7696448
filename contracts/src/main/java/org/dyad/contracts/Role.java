package org.dyad.contracts;

import java.time.LocalDate;

/**
 * A role an entity holds: "Turkish Foreign Minister Hakan Fidan" gives title {@code Foreign Minister},
 * country {@code TUR}.
 *
 * @param title the office or function, normalised (e.g. {@code Foreign Minister}); may be null when only an
 *        affiliation is known
 * @param country ISO 3166-1 alpha-3 code of the country the role is for, or null
 * @param organization canonical entity id of the organisation the role is in, or null
 * @param from first day the role is known to be held, or null
 * @param to last day the role is known to be held, or null (still held, or unknown)
 * @param source where the role comes from: {@code article} (said in this article) or {@code dictionary}
 */
public record Role(String title, String country, String organization, LocalDate from, LocalDate to, String source) {
}
