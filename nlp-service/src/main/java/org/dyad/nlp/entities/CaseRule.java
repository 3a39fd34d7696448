package org.dyad.nlp.entities;

/** How a dictionary spelling must be written in the text to match. */
public enum CaseRule {
    /** As written in the dictionary (acronyms, abbreviations: "US", "U.S.", "Gen."). */
    EXACT,
    /** Every word but particles ("of", "the", "and") starts with a capital: "Turkey", "TURKEY", "Republic of Turkey". */
    CAPITALISED,
    /** Any case: "Foreign Minister", "the foreign minister". */
    ANY;

    /** EXACT for a spelling in capitals or with a full stop ("NATO", "U.S.", "Gen."), else the given default. */
    static CaseRule of(String spelling, CaseRule otherwise) {
        if (spelling.indexOf('.') >= 0 || (Names.isAllCaps(spelling) && spelling.replaceAll("[^\\p{L}]", "").length() <= 6)
                || spelling.chars().filter(Character::isUpperCase).count() > 1 && !spelling.contains(" ")) {
            return EXACT;
        }
        return otherwise;
    }
}
