package org.dyad.nlp.entities;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.dyad.nlp.pipeline.Token;

/**
 * Organisation names recognised by their head word, the trigger-word rule of rule-based NER (MUC-era systems such as
 * FASTUS and LaSIE, GATE's ANNIE): a capitalised sequence ending in a word that names a kind of organisation
 * ("Syrian Democratic Forces", "Kabul University", "Free Syrian Army", "Turkish Airlines") or a
 * capitalised head followed by "of"/"for"/"on" and a capitalised name ("Ministry of Defence", "Organisation for the
 * Prohibition of Chemical Weapons", "Communist Party of China") is one organisation, whatever the engine made of its
 * words: a demonym or a place inside such a name is part of the name, not a nationality or a location of its own.
 *
 * <p>Conservative by construction: the head and at least one other name word must be capitalised; nothing the engine
 * called a person is touched, nor anything it called MISC but a demonym or country (competitions, events: "Premier
 * League"); a sequence that is a known place ("West Bank", "Soviet Union"), overlaps a title ("Army Chief") or is a
 * state institution alone ("the Foreign Ministry", left to the country that names it, see {@code institutions.tsv})
 * is left alone, and so is "of" before a list of places; sentences in capitals or in title case (headlines) are
 * skipped. The same class extends places by their capitalised heads ({@link #tagPlaces}). Linear in the sentence's
 * tokens.
 */
final class OrganisationNames {

    /** Words that end (or, before "of", head) the name of an organisation; matched capitalised only. */
    static final Set<String> HEADS = Set.of("Ministry", "Department", "Army", "Forces", "Force", "Navy", "Guard",
            "Guards", "Police", "Gendarmerie", "Council", "Committee", "Commission", "Brigade", "Brigades", "Battalion",
            "Battalions", "Regiment", "Division", "Corps", "Front", "Party", "Agency", "Authority", "Organisation",
            "Organization", "Group", "Movement", "Union", "Bank", "Corporation", "Corp", "Company", "Inc", "Ltd", "Plc",
            "University", "College", "Institute", "Court", "Tribunal", "Assembly", "Parliament", "Congress", "Senate",
            "League", "Alliance", "Coalition", "Federation", "Association", "Society", "Foundation", "Fund", "Office",
            "Bureau", "Service", "Airlines", "Airways", "Railways", "Units", "Unit", "Militia", "Command",
            "Directorate", "Secretariat", "Board", "Government", "Cabinet", "Embassy", "Consulate", "Presidency",
            "Brotherhood", "Club", "Legislature", "Treasury", "Administration", "Observatory", "Fleet",
            "Squadron", "Marines", "Academy", "Services", "Mission",
            "Network");
    /** Words that open the name after a head: "Ministry of Defence", "Committee on Foreign Relations". */
    private static final Set<String> OF = Set.of("of", "for", "on");
    /** Words that may join name words after "of": "Ministry of Trade and Industry", "Council for the Islamic ...". */
    private static final Set<String> INNER = Set.of("of", "for", "on", "and", "&", "the", "in", "de", "du", "des");
    private static final Set<String> LIST = Set.of(",", "and", "or");
    private static final Set<String> NAME_POS = Set.of("NNP", "NNPS", "JJ", "NN", "NNS", "CD");
    private static final Pattern ORDINAL = Pattern.compile("\\d+(st|nd|rd|th)");
    /** The Arabic article and its assimilated forms, written lower case before a hyphen: "al-Nusra Front". */
    private static final Set<String> ARTICLES = EntityLinker.ARABIC_ARTICLES;
    private static final Set<String> TITLE_CASE_LOWER = Set.of("a", "an", "the", "of", "in", "on", "at", "to", "for",
            "by", "and", "or", "as", "with", "from", "vs", "v", "-", "'s");
    private static final Set<String> KEPT_ENGINE_TAGS = Set.of("O", "ORGANIZATION", "LOCATION", "MISC", "ORDINAL",
            "NUMBER");

    private OrganisationNames() {
    }

    /**
     * Retags {@code tags[from, to)} (one sentence) ORGANIZATION where a head word names an organisation.
     *
     * @param matches the gazetteer's names in the sentence, in document indices
     */
    static void tag(List<Token> tokens, String[] tags, int from, int to, List<Gazetteer.Match> matches) {
        if (headline(tokens, from, to)) {
            return;
        }
        for (int h = from; h < to; h++) {
            if (!HEADS.contains(tokens.get(h).word()) || !admissible(tags[h])) {
                continue;
            }
            // a later head takes the earlier one in ("Asia Pacific Bank Group"): the spans are retagged in turn
            int start = left(tokens, tags, from, h, matches);
            if (start == from && start < h && tags[start].equals("O") && !inMatch(start, matches)) {
                // a capital opening the sentence is no evidence of a name: "Former Army officers said"
                start++;
            }
            int end = right(tokens, tags, h, to, matches);
            if (start == h && end == h + 1) {
                continue; // at least one name word besides the head
            }
            if (accepted(tags, start, end, matches) && !institutionAlone(start, end, matches)) {
                for (int i = start; i < end; i++) {
                    tags[i] = "ORGANIZATION";
                }
            }
        }
    }

    /**
     * Words that end the name of a place when capitalised: "Anbar Province", "Euphrates River", "Sinjar Mountains",
     * "Jordan Valley". ("City" and "County" are left out: "Manchester City", county cricket clubs.)
     */
    static final Set<String> PLACE_HEADS = Set.of("Province", "Governorate", "District", "Region", "Oblast",
            "Prefecture", "River", "Valley", "Mountains", "Mountain", "Hills", "Desert", "Island", "Islands",
            "Peninsula", "Plain", "Plains", "Plateau", "Basin", "Sea", "Strait", "Straits", "Canal", "Coast", "Lake",
            "Bay", "Gulf", "Square");

    /**
     * Retags {@code tags[from, to)} LOCATION where a capitalised place head follows a place or proper noun the engine
     * did not call a person, an organisation or MISC ("Anbar Province", "the Euphrates River").
     */
    static void tagPlaces(List<Token> tokens, String[] tags, int from, int to, List<Gazetteer.Match> matches) {
        if (headline(tokens, from, to)) {
            return;
        }
        for (int h = from + 1; h < to; h++) {
            if (!PLACE_HEADS.contains(tokens.get(h).word()) || !(tags[h].equals("O") || tags[h].equals("LOCATION"))) {
                continue;
            }
            int start = h;
            for (int i = h - 1; i >= from; i--) {
                Token t = tokens.get(i);
                String pos = t.pos() == null ? "" : t.pos();
                boolean place = tags[i].equals("LOCATION") || tags[i].equals("O") && pos.startsWith("NNP")
                        && Character.isUpperCase(t.word().charAt(0)) && (i > from || inMatch(i, matches));
                if (!place || PLACE_HEADS.contains(t.word()) && i < h - 1) {
                    break;
                }
                start = i;
            }
            if (start == h || !accepted(tags, start, h + 1, matches) || anyOrganisation(start, h + 1, matches)) {
                continue;
            }
            for (int i = start; i <= h; i++) {
                tags[i] = "LOCATION";
            }
        }
    }

    private static boolean anyOrganisation(int start, int end, List<Gazetteer.Match> matches) {
        for (Gazetteer.Match m : matches) {
            if (m.start() < end && m.end() > start && m.of(Kind.ORGANIZATION) != null && m.of(Kind.LOCATION) == null) {
                return true;
            }
        }
        return false;
    }

    /** The first word of the name ending at the head h (h itself when no name word stands before it). */
    private static int left(List<Token> tokens, String[] tags, int from, int h, List<Gazetteer.Match> matches) {
        int start = h;
        int i = h - 1;
        while (i >= from) {
            Token t = tokens.get(i);
            if (nameWord(t, tags[i], i == from, matches, i)) {
                start = i;
                i--;
            } else if ((t.word().equals("'") || t.word().equals("’")) && i > from && t.start() == tokens.get(i - 1).end()
                    && tokens.get(i - 1).word().endsWith("s")) {
                // "Kurdistan Workers' Party"
                i--;
            } else if (t.word().equals("-") && i > from && joined(tokens, i)
                    && (nameWord(tokens.get(i - 1), tags[i - 1], i - 1 == from, matches, i - 1)
                    || ARTICLES.contains(tokens.get(i - 1).word()))) {
                // "al-Nusra Front", "Lashkar-e-Taiba": a hyphen inside one word of the name
                i--;
                if (ARTICLES.contains(tokens.get(i).word())) {
                    start = i;
                    i--;
                }
            } else if ((t.word().equals("and") || t.word().equals("&")) && i > from && tags[i - 1].equals("O")
                    && tags[i + 1].equals("O") && !inMatch(i - 1, matches) && !inMatch(i + 1, matches)
                    && nameWord(tokens.get(i - 1), tags[i - 1], i - 1 == from, matches, i - 1)) {
                // "Food and Drug Administration", "Test and County Cricket Board"; not "Russia and the Syrian Army"
                i--;
            } else {
                break;
            }
        }
        return start;
    }

    /** The end of the name after the head h: through "of [the] Name ..." when that follows, else h + 1. */
    private static int right(List<Token> tokens, String[] tags, int h, int to, List<Gazetteer.Match> matches) {
        int i = h + 1;
        if (i >= to || !OF.contains(tokens.get(i).word())) {
            return h + 1;
        }
        i++;
        if (i < to && tokens.get(i).word().equals("the")) {
            i++;
        }
        int end = h + 1;
        while (i < to) {
            Token t = tokens.get(i);
            if (nameWord(t, tags[i], false, matches, i)) {
                end = ++i;
            } else if (INNER.contains(t.word()) && end > h + 1 && i + 1 < to) {
                i++;
            } else {
                break;
            }
        }
        if (end > h + 1 && end < to && LIST.contains(tokens.get(end).word()) && placeEndsAt(end, matches)) {
            // "the Special Forces of Pakistan, Azerbaijan and Turkey": a list of places, not one name
            return h + 1;
        }
        return end;
    }

    private static boolean placeEndsAt(int end, List<Gazetteer.Match> matches) {
        for (Gazetteer.Match m : matches) {
            if (m.end() == end) {
                return m.of(Kind.COUNTRY) != null || m.of(Kind.CITY) != null || m.of(Kind.LOCATION) != null;
            }
        }
        return false;
    }

    /**
     * A state institution alone ("the Special Forces", "the Foreign Ministry") names no one organisation until a
     * country does (see {@code institutions.tsv}): left to the engine and to the country before it.
     */
    private static boolean institutionAlone(int start, int end, List<Gazetteer.Match> matches) {
        for (Gazetteer.Match m : matches) {
            if (m.start() == start && m.end() == end) {
                return m.entries().stream().allMatch(e -> e.kind() == Kind.INSTITUTION);
            }
        }
        return false;
    }

    private static boolean nameWord(Token t, String tag, boolean sentenceStart, List<Gazetteer.Match> matches, int i) {
        String w = t.word();
        if (!admissible(tag) || w.isEmpty()) {
            return false;
        }
        String pos = t.pos() == null ? "" : t.pos();
        boolean capitalised = Character.isUpperCase(w.charAt(0)) && w.chars().anyMatch(Character::isLetter)
                || w.startsWith("al-") || w.startsWith("el-");
        if (capitalised) {
            // a capital at the start of a sentence says little: "Yesterday Army ...", "Former Army ..."
            return NAME_POS.contains(pos) && (!sentenceStart || pos.startsWith("NNP") || demonymOrCountryAt(i, matches));
        }
        return ORDINAL.matcher(w).matches();
    }

    /** Whether a hyphen is written inside a word, without spaces: "al-Nusra". */
    private static boolean joined(List<Token> tokens, int i) {
        return i + 1 < tokens.size() && tokens.get(i - 1).end() == tokens.get(i).start()
                && tokens.get(i).end() == tokens.get(i + 1).start();
    }

    private static boolean admissible(String tag) {
        return KEPT_ENGINE_TAGS.contains(tag);
    }

    private static boolean accepted(String[] tags, int start, int end, List<Gazetteer.Match> matches) {
        for (int i = start; i < end; i++) {
            if (tags[i].equals("MISC") && !demonymOrCountryAt(i, matches)) {
                return false;
            }
        }
        for (Gazetteer.Match m : matches) {
            if (m.end() <= start || m.start() >= end) {
                continue;
            }
            if ((m.of(Kind.TITLE) != null || m.of(Kind.PERSON) != null) && m.of(Kind.ORGANIZATION) == null) {
                return false;
            }
            boolean place = m.of(Kind.COUNTRY) != null || m.of(Kind.CITY) != null || m.of(Kind.LOCATION) != null;
            if (place && m.start() <= start && m.end() >= end) {
                return false;
            }
            if (m.of(Kind.ORGANIZATION) != null && (m.start() < start || m.end() > end)) {
                // a listed organisation that reaches beyond: the gazetteer knows better where it ends
                return false;
            }
        }
        return true;
    }

    private static boolean demonymOrCountryAt(int i, List<Gazetteer.Match> matches) {
        for (Gazetteer.Match m : matches) {
            if (m.start() <= i && i < m.end()) {
                return m.of(Kind.NATIONALITY) != null || m.of(Kind.COUNTRY) != null;
            }
        }
        return false;
    }

    private static boolean inMatch(int i, List<Gazetteer.Match> matches) {
        for (Gazetteer.Match m : matches) {
            if (m.start() <= i && i < m.end()) {
                return true;
            }
        }
        return false;
    }

    /** A sentence in capitals or in title case ("Syrian Army Retakes Key Town"), where capitals name nothing. */
    static boolean headline(List<Token> tokens, int from, int to) {
        int words = 0;
        int capitalised = 0;
        boolean lower = false;
        for (int i = from; i < to; i++) {
            String w = tokens.get(i).word();
            if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
                continue;
            }
            lower |= w.chars().anyMatch(Character::isLowerCase);
            if (TITLE_CASE_LOWER.contains(w)) {
                continue; // "of", "the", "in", "to" stay lower case in title case
            }
            words++;
            if (Character.isUpperCase(w.charAt(0))) {
                capitalised++;
            }
        }
        return !lower || words >= 4 && capitalised * 10 >= words * 9;
    }
}
