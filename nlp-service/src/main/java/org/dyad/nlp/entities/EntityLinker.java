package org.dyad.nlp.entities;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dyad.contracts.Entity;
import org.dyad.contracts.EntityMention;
import org.dyad.contracts.Role;
import org.dyad.contracts.Sentence;
import org.dyad.nlp.pipeline.Token;

/**
 * The entity layer over any engine's coarse tags (PERSON, ORGANIZATION, LOCATION, MISC and the numeric ones):
 * refines them with the curated gazetteer (COUNTRY, CITY, NATIONALITY, TITLE, international organisations, known
 * people), splits what the engine merged ("Pakistan Turkey's"), drops pronouns and page furniture, gives every
 * mention a canonical id, groups the mentions of one article ("Fidan" → Hakan Fidan) and reads roles
 * ("Turkish Foreign Minister Hakan Fidan"). Stateless and thread-safe.
 */
public final class EntityLinker {

    /** Mention types published; the engine's MISC, NUMBER, DURATION, ... stay on the tokens only. */
    public static final Set<String> MENTION_TYPES = Set.of("PERSON", "ORGANIZATION", "COUNTRY", "CITY", "LOCATION",
            "NATIONALITY", "TITLE", "MONEY", "PERCENT", "DATE");

    private static final Set<String> NAME_TAGS = Set.of("PERSON", "ORGANIZATION", "LOCATION", "MISC");
    private static final Set<String> VALUE_TAGS = Set.of("MONEY", "PERCENT", "DATE");
    private static final Set<String> PRONOUNS = Set.of("i", "me", "my", "mine", "myself", "you", "your", "yours",
            "yourself", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its", "itself", "we",
            "us", "our", "ours", "ourselves", "they", "them", "their", "theirs", "themselves", "who", "whom", "whose",
            "one", "this", "that", "these", "those");
    private static final Set<String> POSSESSIVE = Set.of("'s", "’s", "'", "’");
    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "its", "their", "his", "her");

    private final Dictionaries dictionaries;
    private final Gazetteer gazetteer;

    public EntityLinker(Dictionaries dictionaries) {
        this.dictionaries = dictionaries;
        this.gazetteer = dictionaries.gazetteer();
    }

    /**
     * What the entity layer made of one parse: the tokens retagged, the mentions and the canonical entities.
     *
     * @param nominal the nominal mentions among {@code mentions} (a state body named by a demonym or a country and a
     *        common noun, "Iraqi forces"), each with the name that gives its country as the mention it would be
     *        alone: inside it ("Iraqi", NATIONALITY) or before it ("Syria" of "Syria's government"); empty when
     *        there are none
     */
    public record Linked(List<Token> tokens, List<EntityMention> mentions, List<Entity> entities,
            Map<EntityMention, EntityMention> nominal) {
    }

    /** A span of tokens {@code [start, end)} (document indices) with its type and what it refers to. */
    private static final class Span {
        final int sentence;
        final int start;
        int end;
        /** The earlier mention this one repeats (an acronym, a surname, the same name again): same id. */
        Span sameAs;
        final String type;
        Entry entry;
        String id;
        String name;
        String country;
        String aliasText;
        /** The state institution this organisation is, waiting for the country that names it. */
        Entry institution;
        boolean needsCountry;
        /** A nominal mention: a lower-case head naming a state body of the demonym or country {@code [nameStart,
         *  nameEnd)} (a {@code nameType} of {@code nameEntry}), inside the span ("Iraqi forces") or before it, with a
         *  possessive ("Syria's government"). */
        boolean nominal;
        int nameStart;
        int nameEnd;
        String nameType;
        Entry nameEntry;

        Span(int sentence, int start, int end, String type, Entry entry) {
            this.sentence = sentence;
            this.start = start;
            this.end = end;
            this.type = type;
            this.entry = entry;
        }

        int length() {
            return end - start;
        }
    }

    public Linked link(String text, LocalDate publishedAt, List<Sentence> sentences, List<Token> tokens) {
        List<Span> spans = new ArrayList<>();
        String[] tags = new String[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            tags[i] = tokens.get(i).ner() == null ? "O" : tokens.get(i).ner();
        }
        int from = 0;
        for (Sentence sentence : sentences) {
            int to = from;
            while (to < tokens.size() && tokens.get(to).sentence() == sentence.index()) {
                to++;
            }
            if (to > from) {
                String sentenceText = text.substring(sentence.start(), sentence.end());
                boolean furniture = dictionaries.isBoilerplateSentence(sentenceText);
                linkSentence(tokens, tags, sentence.index(), from, to, furniture, spans);
            }
            from = to;
        }
        definedAcronyms(spans, tokens);
        consistentNames(spans, tokens);
        spans.sort((a, b) -> Integer.compare(a.start, b.start));
        identify(spans, tokens);
        Map<String, List<Role>> articleRoles = roles(spans, tokens);
        List<EntityMention> mentions = new ArrayList<>(spans.size());
        Map<EntityMention, EntityMention> nominal = new LinkedHashMap<>();
        for (Span s : spans) {
            int start = tokens.get(s.start).start();
            int end = tokens.get(s.end - 1).end();
            s.aliasText = text.substring(start, end);
            EntityMention mention = new EntityMention(s.id, s.name, s.type, s.aliasText, start, end, s.sentence);
            mentions.add(mention);
            if (s.nominal) {
                int nameStart = tokens.get(s.nameStart).start();
                int nameEnd = tokens.get(s.nameEnd - 1).end();
                nominal.put(mention, new EntityMention(s.nameEntry.id(), s.nameEntry.name(), s.nameType,
                        text.substring(nameStart, nameEnd), nameStart, nameEnd, s.sentence));
            }
            for (int i = s.start; i < s.end; i++) {
                tags[i] = s.type;
            }
        }
        List<Token> retagged = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            retagged.add(tags[i].equals(t.ner()) ? t
                    : new Token(t.index(), t.sentence(), t.word(), t.start(), t.end(), t.pos(), t.lemma(), tags[i],
                            t.normalized()));
        }
        return new Linked(retagged, List.copyOf(mentions), entities(spans, articleRoles, publishedAt),
                Collections.unmodifiableMap(nominal));
    }

    // ---------------------------------------------------------------- spans of one sentence

    private void linkSentence(List<Token> tokens, String[] tags, int sentence, int from, int to, boolean furniture,
            List<Span> out) {
        List<String> words = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            words.add(tokens.get(i).word());
        }
        List<Gazetteer.Match> matches = new ArrayList<>();
        for (Gazetteer.Match m : gazetteer.find(words)) {
            matches.add(new Gazetteer.Match(m.start() + from, m.end() + from, m.entries()));
        }
        joinArabicArticles(tokens, tags, from, to);
        OrganisationNames.tag(tokens, tags, from, to, matches);
        OrganisationNames.tagPlaces(tokens, tags, from, to, matches);
        List<Span> engine = engineSpans(tokens, tags, sentence, from, to);
        boolean[] absorbed = new boolean[to - from];
        absorb(matches, engine, absorbed, from);
        boolean[] taken = new boolean[to - from];
        List<Span> found = new ArrayList<>();
        // 1. What the engine found as a name (PERSON, ORGANIZATION, LOCATION), refined by the dictionaries.
        for (Span s : engine) {
            if (s.type.equals("PERSON") || s.type.equals("ORGANIZATION") || s.type.equals("LOCATION")) {
                List<Span> refined = refine(s, inside(matches, s), words, from);
                found.addAll(refined);
                mark(taken, s.start - from, s.end - from);
                // what the refined mentions leave of the engine's span (a possessive, the hyphen of "Syria-Turkey")
                // is no longer part of a name
                for (int i = s.start; i < s.end; i++) {
                    boolean kept = false;
                    for (Span r : refined) {
                        kept |= r.start <= i && i < r.end;
                    }
                    if (!kept) {
                        tags[i] = "O";
                    }
                }
            }
        }
        // 2. Dictionary names over tokens the engine left untagged or called MISC.
        for (Gazetteer.Match m : matches) {
            if (free(taken, absorbed, tags, m.start() - from, m.end() - from, from)) {
                Entry e = choose(m, null);
                if (e != null && e.kind() == Kind.NATIONALITY && regionalAdjective(words, m.start() - from)) {
                    continue;
                }
                if (e != null) {
                    found.add(new Span(sentence, m.start(), m.end(), e.kind().name(), e));
                    mark(taken, m.start() - from, m.end() - from);
                } else if (m.of(Kind.INSTITUTION) != null) {
                    Span institution = new Span(sentence, m.start(), m.end(), "ORGANIZATION", null);
                    institution.institution = m.of(Kind.INSTITUTION);
                    institution.needsCountry = true;
                    found.add(institution);
                    mark(taken, m.start() - from, m.end() - from);
                }
            }
        }
        // 3. Amounts and dates as the engine normalised them.
        for (Span s : engine) {
            if (VALUE_TAGS.contains(s.type)) {
                found.add(s);
            }
        }
        found.sort((a, b) -> Integer.compare(a.start, b.start));
        nominalStateBodies(found, tokens, tags, matches, from, to);
        nameInstitutions(found, tokens);
        for (Span s : found) {
            if (dropped(s, tokens, furniture)) {
                for (int i = s.start; i < s.end; i++) {
                    tags[i] = "O";
                }
            } else {
                out.add(s);
            }
        }
    }

    /** The Arabic article and its assimilated forms, written lower case and joined by a hyphen: "al-Assad". */
    static final Set<String> ARABIC_ARTICLES = Set.of("al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ath");
    /** The articles joined to a name here: also the "ez"/"es" of place names ("Deir ez-Zor"). */
    private static final Set<String> JOINED_ARTICLES = java.util.stream.Stream.concat(ARABIC_ARTICLES.stream(),
            java.util.stream.Stream.of("ez", "es")).collect(java.util.stream.Collectors.toUnmodifiableSet());
    private static final Set<String> JOINABLE = Set.of("PERSON", "ORGANIZATION", "LOCATION");

    /**
     * "Bashar al-Assad", "Jabhat al-Nusra", "Deir ez-Zor" are one name each, though the tokenizer splits the article
     * and its hyphen off ("al", "-", "Assad") and the engine often leaves them out or splits the name in two: the
     * article, the hyphen and the capitalised word after it take the name's tag (the one before, else the one after).
     */
    private static void joinArabicArticles(List<Token> tokens, String[] tags, int from, int to) {
        for (int i = from; i + 2 < to; i++) {
            Token article = tokens.get(i);
            Token hyphen = tokens.get(i + 1);
            Token word = tokens.get(i + 2);
            if (!JOINED_ARTICLES.contains(article.word())
                    || !hyphen.word().equals("-") || article.end() != hyphen.start() || hyphen.end() != word.start()
                    || !Names.isCapitalised(word.word())) {
                continue;
            }
            String before = i > from ? tags[i - 1] : "O";
            String tag = JOINABLE.contains(before) && (tags[i + 2].equals(before) || tags[i + 2].equals("O")) ? before
                    : JOINABLE.contains(tags[i + 2]) && tags[i].equals("O") ? tags[i + 2] : null;
            if (tag != null) {
                tags[i] = tag;
                tags[i + 1] = tag;
                tags[i + 2] = tag;
            }
        }
    }

    /** Words that make a demonym after them a region's or a group's adjective: "Latin American", "Native American". */
    private static final Set<String> REGION_WORDS = Set.of("Latin", "North", "South", "East", "West", "Central",
            "Southeast", "Northeast", "Southwest", "Northwest", "Native", "Arab", "African", "Asian", "Pan", "Anglo");

    /**
     * Whether the demonym at {@code at} (sentence index) ends a regional or group adjective ("Latin American",
     * "Central Asian", "Anglo-American") rather than naming a country's nationality: the longest dictionary match
     * did not take the word before it, so "South Korean" is still Korean.
     */
    private static boolean regionalAdjective(List<String> words, int at) {
        int before = at - 1;
        if (before >= 1 && words.get(before).equals("-")) {
            before--;
        }
        return before >= 0 && REGION_WORDS.contains(words.get(before));
    }

    /** Runs of one engine tag; values (DATE, MONEY, PERCENT) also split where the normalised value changes. */
    private static List<Span> engineSpans(List<Token> tokens, String[] tags, int sentence, int from, int to) {
        List<Span> spans = new ArrayList<>();
        int i = from;
        while (i < to) {
            String tag = tags[i];
            boolean name = NAME_TAGS.contains(tag);
            if (!name && !VALUE_TAGS.contains(tag)) {
                i++;
                continue;
            }
            int j = i + 1;
            while (j < to && tags[j].equals(tag)
                    && (name || java.util.Objects.equals(tokens.get(j).normalized(), tokens.get(i).normalized()))) {
                j++;
            }
            Span s = new Span(sentence, i, j, tag, null);
            spans.add(s);
            i = j;
        }
        return spans;
    }

    /**
     * A dictionary name that strictly contains what the engine found wins over it: "Secretary of State" over the
     * engine's ORGANIZATION "State", "Defence Minister" over "Defence", "Chief of Army Staff" over "Army".
     */
    private static void absorb(List<Gazetteer.Match> matches, List<Span> engine, boolean[] absorbed, int from) {
        for (Gazetteer.Match m : matches) {
            if (m.entries().stream().allMatch(e -> e.kind() == Kind.INSTITUTION)) {
                // an institution alone names no organisation of its own: the engine's span stays
                continue;
            }
            List<Span> overlapping = new ArrayList<>();
            boolean contained = true;
            for (Span s : engine) {
                if (!NAME_TAGS.contains(s.type) || s.end <= m.start() || s.start >= m.end()) {
                    continue;
                }
                overlapping.add(s);
                contained &= s.start >= m.start() && s.end <= m.end() && s.length() < m.end() - m.start();
            }
            if (contained && !overlapping.isEmpty()) {
                engine.removeAll(overlapping);
                for (int i = m.start(); i < m.end(); i++) {
                    absorbed[i - from] = true;
                }
            }
        }
    }

    private static List<Gazetteer.Match> inside(List<Gazetteer.Match> matches, Span s) {
        List<Gazetteer.Match> in = new ArrayList<>();
        for (Gazetteer.Match m : matches) {
            if (m.start() >= s.start && m.end() <= s.end) {
                in.add(m);
            }
        }
        return in;
    }

    /** An engine name span with the dictionary names inside it. */
    private List<Span> refine(Span s, List<Gazetteer.Match> inside, List<String> words, int from) {
        List<Span> out = new ArrayList<>();
        // Leading titles are mentions of their own: "President Fuad Masum", "General Qamar Javed Bajwa".
        int start = s.start;
        for (Gazetteer.Match m : inside) {
            if (m.start() == start && m.end() < s.end && m.of(Kind.TITLE) != null
                    && (s.type.equals("PERSON") || m.entries().size() == 1)) {
                out.add(new Span(s.sentence, m.start(), m.end(), "TITLE", m.of(Kind.TITLE)));
                start = m.end();
            }
        }
        // Trailing possessives and stray punctuation are not part of a name.
        int end = s.end;
        while (end > start && (!hasLetterOrDigit(words.get(end - 1 - from))
                || POSSESSIVE.contains(words.get(end - 1 - from)))) {
            end--;
        }
        if (end <= start) {
            return out;
        }
        Span rest = new Span(s.sentence, start, end, s.type, null);
        List<Gazetteer.Match> restMatches = new ArrayList<>();
        for (Gazetteer.Match m : inside) {
            if (m.start() >= start && m.end() <= end) {
                restMatches.add(m);
            }
        }
        if (s.type.equals("ORGANIZATION") && !restMatches.isEmpty()) {
            // "Pakistan Army", "Turkish Armed Forces", or "Foreign Office" after "Pakistan's" (see nameInstitutions)
            Gazetteer.Match last = restMatches.get(restMatches.size() - 1);
            Gazetteer.Match first = restMatches.get(0);
            Entry institution = last.of(Kind.INSTITUTION);
            Entry country = first.of(Kind.COUNTRY) != null ? first.of(Kind.COUNTRY) : first.of(Kind.NATIONALITY);
            if (institution != null && last.end() == end && (last.start() == start
                    || restMatches.size() == 2 && first.start() == start && country != null
                    && tiles(restMatches, start, end, words, from))) {
                rest.institution = institution;
                rest.country = last.start() == start ? null : country.country();
                out.add(rest);
                return out;
            }
        }
        if (restMatches.size() == 1 && restMatches.get(0).start() == start && restMatches.get(0).end() == end) {
            Entry e = choose(restMatches.get(0), s.type);
            if (e != null) {
                // A country the engine calls an organisation ("Pakistan won the toss", "Iraq said") is still that
                // country, as CoNLL's guidelines and OntoNotes' GPE have it whatever role it plays: a COUNTRY.
                String type = e.kind().name();
                out.add(new Span(s.sentence, start, end, type, e));
                return out;
            }
        }
        if (restMatches.size() >= 2 && tiles(restMatches, start, end, words, from)) {
            // "Pakistan Turkey" is two countries, not one place.
            List<Span> split = new ArrayList<>();
            for (Gazetteer.Match m : restMatches) {
                Entry e = choose(m, s.type);
                if (e == null || e.kind() == Kind.PERSON || e.kind() == Kind.TITLE) {
                    split = null;
                    break;
                }
                split.add(new Span(s.sentence, m.start(), m.end(), e.kind().name(), e));
            }
            if (split != null) {
                out.addAll(split);
                return out;
            }
        }
        // The engine's own span, looked up in the actor dictionaries.
        List<String> restWords = words.subList(start - from, end - from);
        if (s.type.equals("PERSON") || s.type.equals("ORGANIZATION")) {
            Dictionaries.Actor actor = dictionaries.actor(restWords);
            if (actor != null && (actor.curated() || restWords.size() >= 2)) {
                Kind kind = s.type.equals("PERSON") ? Kind.PERSON : Kind.ORGANIZATION;
                String id = kind == Kind.PERSON ? actor.id() : "org:" + Names.slug(actor.name());
                rest.entry = new Entry(kind, id, actor.name(), actor.country(), actor.roles());
            }
        } else if (s.type.equals("LOCATION")) {
            String country = dictionaries.placeCountry(restWords);
            if (country != null) {
                rest.country = country;
            }
        }
        if (s.type.equals("ORGANIZATION") && rest.entry == null) {
            // "Pakistan Army", "Radio Pakistan", "Turkish Airlines": an organisation of that country.
            for (Gazetteer.Match m : restMatches) {
                Entry c = m.of(Kind.COUNTRY) != null ? m.of(Kind.COUNTRY) : m.of(Kind.NATIONALITY);
                if (c != null) {
                    rest.country = c.country();
                    break;
                }
            }
        }
        out.add(rest);
        return out;
    }

    /**
     * A state institution named by the country just before it ("Pakistan Army", "Pakistan's Foreign Office",
     * "Turkish Armed Forces") is one organisation of that country, the same in every article: org:PAK-army. An
     * institution the engine did not see and no country names is dropped.
     */
    private void nameInstitutions(List<Span> found, List<Token> tokens) {
        for (int i = 0; i < found.size(); i++) {
            Span s = found.get(i);
            if (s.institution == null) {
                continue;
            }
            String iso3 = s.country;
            if (iso3 == null && i > 0) {
                Span p = found.get(i - 1);
                boolean adjacent = p.end == s.start
                        || p.end == s.start - 1 && POSSESSIVE.contains(tokens.get(p.end).word());
                if (adjacent && p.sentence == s.sentence && (p.type.equals("COUNTRY") || p.type.equals("NATIONALITY"))
                        && p.entry != null) {
                    iso3 = p.entry.country();
                }
            }
            Entry country = iso3 == null ? null : dictionaries.country(iso3);
            if (country != null) {
                s.entry = new Entry(Kind.ORGANIZATION, "org:" + iso3 + "-" + Names.slug(s.institution.name()),
                        country.name() + " " + s.institution.name(), iso3);
                s.country = iso3;
            } else if (s.needsCountry) {
                found.remove(i--);
            }
        }
    }

    /**
     * A state body named by a demonym or a country and a lower-case head ("the Syrian government", "Iraqi forces",
     * "the US military", see {@link Dictionaries#stateBody}) is a nominal mention of that country's organisation, the
     * one "the Syrian Army" names when capitalised: ORGANIZATION {@code org:SYR-government}, its country SYR, over the
     * demonym and the head (ACE annotates such mentions as ORG mentions of their head; the article stays outside).
     * After a country's possessive ("Syria's government") the head alone is the mention and the country stays its
     * own, as for "Pakistan's Foreign Office". The head must end the noun phrase: "Iraqi army officers", "the
     * Turkish military operation" are not the body, and a demonym joined to a word before it ("pro-Syrian") or
     * ending a regional adjective is no country's.
     */
    private void nominalStateBodies(List<Span> found, List<Token> tokens, String[] tags, List<Gazetteer.Match> matches,
            int from, int to) {
        for (int i = 0; i < found.size(); i++) {
            Span s = found.get(i);
            int nameEnd;
            String nameType;
            Entry name;
            if ((s.type.equals("NATIONALITY") || s.type.equals("COUNTRY")) && s.entry != null) {
                nameEnd = s.end;
                nameType = s.type;
                name = s.entry;
            } else if (s.type.equals("ORGANIZATION") && s.entry == null && s.institution == null) {
                // the engine took "Syrian government" for a name: the demonym and the lower-case head
                Gazetteer.Match m = matchAt(matches, s.start);
                name = m == null ? null : m.of(Kind.COUNTRY) != null ? m.of(Kind.COUNTRY) : m.of(Kind.NATIONALITY);
                if (name == null || m.end() >= s.end) {
                    continue;
                }
                nameEnd = m.end();
                nameType = name.kind().name();
            } else {
                continue;
            }
            Entry country = name.country() == null ? null : dictionaries.country(name.country());
            if (country == null || s.start > from && joinedBefore(tokens, s.start)) {
                continue;
            }
            boolean engineSpan = s.type.equals("ORGANIZATION");
            boolean possessive = s.type.equals("COUNTRY") && nameEnd + 1 < to
                    && POSSESSIVE.contains(tokens.get(nameEnd).word()) && tags[nameEnd].equals("O");
            int headStart = possessive ? nameEnd + 1 : nameEnd;
            int limit = engineSpan ? s.end : i + 1 < found.size() ? found.get(i + 1).start : to;
            int headEnd = -1;
            Entry institution = null;
            for (int end = Math.min(limit, headStart + dictionaries.longestStateBody()); end > headStart; end--) {
                if (lowerCaseWords(tokens, tags, headStart, end, engineSpan)) {
                    Entry e = dictionaries.stateBody(wordList(tokens, headStart, end));
                    if (e != null) {
                        headEnd = end;
                        institution = e;
                        break;
                    }
                }
            }
            if (institution == null || engineSpan && headEnd != s.end || !endsNounPhrase(tokens, headEnd, to)) {
                continue;
            }
            String iso3 = country.country();
            Span body = new Span(s.sentence, possessive ? headStart : s.start, headEnd, "ORGANIZATION",
                    new Entry(Kind.ORGANIZATION, "org:" + iso3 + "-" + Names.slug(institution.name()),
                            country.name() + " " + institution.name(), iso3));
            body.country = iso3;
            body.nominal = true;
            body.nameStart = s.start;
            body.nameEnd = nameEnd;
            body.nameType = nameType;
            body.nameEntry = name;
            if (possessive) {
                found.add(++i, body);
            } else {
                found.set(i, body);
            }
        }
    }

    private static Gazetteer.Match matchAt(List<Gazetteer.Match> matches, int start) {
        for (Gazetteer.Match m : matches) {
            if (m.start() == start) {
                return m;
            }
        }
        return null;
    }

    /** Whether the word at {@code at} is joined to the one before by a hyphen: "pro-Syrian", "US-Iraqi". */
    private static boolean joinedBefore(List<Token> tokens, int at) {
        Token before = tokens.get(at - 1);
        return before.end() == tokens.get(at).start() && (before.word().equals("-") || before.word().endsWith("-"));
    }

    /** Whether {@code [start, end)} are lower-case words the engine left untagged (or, inside its span, any tag). */
    private static boolean lowerCaseWords(List<Token> tokens, String[] tags, int start, int end, boolean engineSpan) {
        for (int i = start; i < end; i++) {
            String w = tokens.get(i).word();
            if (w.isEmpty() || !Character.isLowerCase(w.charAt(0)) || !engineSpan && !tags[i].equals("O")) {
                return false;
            }
        }
        return true;
    }

    /** Whether no noun (or hyphenated word) continues the noun phrase after {@code end}: "forces said", not
     *  "forces commander". */
    private static boolean endsNounPhrase(List<Token> tokens, int end, int to) {
        if (end >= to) {
            return true;
        }
        Token next = tokens.get(end);
        String pos = next.pos() == null ? "" : next.pos();
        boolean joined = next.start() == tokens.get(end - 1).end() && (next.word().startsWith("-")
                || next.word().startsWith("–"));
        return !pos.startsWith("NN") && !joined;
    }

    private static List<String> wordList(List<Token> tokens, int start, int end) {
        List<String> words = new ArrayList<>(end - start);
        for (int i = start; i < end; i++) {
            words.add(tokens.get(i).word());
        }
        return words;
    }

    /** Whether the matches cover every word from start to end but punctuation and particles ("and"). */
    private static boolean tiles(List<Gazetteer.Match> matches, int start, int end, List<String> words, int from) {
        int at = start;
        for (Gazetteer.Match m : matches) {
            while (at < m.start()) {
                String w = words.get(at - from);
                if (hasLetterOrDigit(w) && !Gazetteer.PARTICLES.contains(Names.key(w))) {
                    return false;
                }
                at++;
            }
            at = m.end();
        }
        return at == end;
    }

    /** Which of a match's entries the text means, given what the engine called it (null: nothing). */
    private static Entry choose(Gazetteer.Match m, String engineType) {
        Kind[] order;
        if (engineType == null) {
            order = new Kind[] {Kind.COUNTRY, Kind.NATIONALITY, Kind.ORGANIZATION, Kind.CITY, Kind.LOCATION,
                Kind.PERSON, Kind.TITLE};
        } else {
            order = switch (engineType) {
                // a demonym is no one's name: "Afghans", "Iraqi" the engine took for a person are nationalities
                case "PERSON" -> new Kind[] {Kind.PERSON, Kind.ORGANIZATION, Kind.TITLE, Kind.NATIONALITY};
                // a city the engine calls an organisation is a club or a council, not the city
                case "ORGANIZATION" -> new Kind[] {Kind.ORGANIZATION, Kind.COUNTRY, Kind.NATIONALITY, Kind.PERSON};
                default -> new Kind[] {Kind.COUNTRY, Kind.CITY, Kind.LOCATION, Kind.NATIONALITY, Kind.ORGANIZATION};
            };
        }
        for (Kind k : order) {
            Entry e = m.of(k);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static boolean free(boolean[] taken, boolean[] absorbed, String[] tags, int start, int end, int from) {
        for (int i = start; i < end; i++) {
            String tag = tags[i + from];
            if (taken[i] || !(absorbed[i] || tag.equals("O") || tag.equals("MISC"))) {
                return false;
            }
        }
        return true;
    }

    private static void mark(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            taken[i] = true;
        }
    }

    /** Pronouns are no people; names in page furniture and glued platform names are no news. */
    private boolean dropped(Span s, List<Token> tokens, boolean furniture) {
        if (VALUE_TAGS.contains(s.type)) {
            return false;
        }
        if (furniture) {
            return true;
        }
        StringBuilder surface = new StringBuilder();
        boolean allPronouns = true;
        for (int i = s.start; i < s.end; i++) {
            Token t = tokens.get(i);
            surface.append(t.word()).append(' ');
            String pos = t.pos() == null ? "" : t.pos();
            allPronouns &= PRONOUNS.contains(Names.key(t.word())) || pos.startsWith("PRP") || pos.startsWith("WP");
        }
        if (allPronouns && !s.type.equals("COUNTRY") && !s.type.equals("ORGANIZATION")) {
            return true;
        }
        return dictionaries.isGluedPlatforms(surface.toString());
    }

    // ---------------------------------------------------------------- the article as a whole

    /** Name types an acronym or a repetition can take from its first mention. */
    private static final Set<String> REPEATED_TYPES = Set.of("PERSON", "ORGANIZATION", "LOCATION", "COUNTRY", "CITY");

    /**
     * An acronym the article defines, "the Syrian Democratic Forces (SDF)", names the same entity wherever it stands
     * alone in that article, whatever the engine made of it there (Schwartz and Hearst 2003: the acronym's letters in
     * order in the long form, the first one starting a word; or any acronym just after an organisation's name, as
     * news writes foreign-language ones: "People's Protection Units (YPG)"). A dictionary name is left to the
     * dictionary.
     */
    private void definedAcronyms(List<Span> spans, List<Token> tokens) {
        Span[] at = coverage(spans, tokens.size());
        Map<String, Span> defined = new HashMap<>();
        Set<String> ambiguous = new HashSet<>();
        for (Span s : List.copyOf(spans)) {
            int p = s.end;
            if (!REPEATED_TYPES.contains(s.type) || p + 2 >= tokens.size()
                    || !isOpen(tokens.get(p).word()) || !isClose(tokens.get(p + 2).word())
                    || tokens.get(p + 2).sentence() != s.sentence) {
                continue;
            }
            String acronym = tokens.get(p + 1).word();
            Span existing = at[p + 1];
            if (!isAcronym(acronym) || existing != null && existing.entry != null
                    || !(s.type.equals("ORGANIZATION") || abbreviates(acronym, surface(s, tokens)))) {
                continue;
            }
            Span before = defined.putIfAbsent(acronym, s);
            if (before != null && !sameName(before, s, tokens)) {
                ambiguous.add(acronym);
            }
        }
        // an organisation named in full abbreviates itself by its initials: "Syrian Democratic Forces" ... "SDF"
        Map<String, Span> initials = new HashMap<>();
        for (Span s : spans) {
            String acronym = s.type.equals("ORGANIZATION") && s.sameAs == null ? initials(s, tokens) : null;
            if (acronym == null || defined.containsKey(acronym)) {
                continue;
            }
            Span before = initials.putIfAbsent(acronym, s);
            if (before != null && !sameName(before, s, tokens)) {
                ambiguous.add(acronym);
            }
        }
        initials.forEach(defined::putIfAbsent);
        ambiguous.forEach(defined::remove);
        if (defined.isEmpty()) {
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            Span def = defined.get(tokens.get(i).word());
            if (def == null || def.start <= i && i < def.end) {
                continue;
            }
            Span current = at[i];
            if (current != null) {
                if (current.sameAs == def || current.start != i || current.end != i + 1 || current.entry != null
                        || VALUE_TAGS.contains(current.type)) {
                    continue;
                }
                spans.remove(current);
            }
            Span repeat = new Span(tokens.get(i).sentence(), i, i + 1, def.type, null);
            repeat.sameAs = def;
            spans.add(repeat);
            at[i] = repeat;
        }
    }

    /**
     * One sense per article for names (label consistency, Krishnan and Manning 2006): a name found once as a person,
     * an organisation or a place is the same where the engine left the same words untagged, and a person's surname
     * alone is that person ("Hakan Fidan ... Fidan said"), also where the engine called it an organisation or a
     * place. Names found with two types, surnames of two people, dictionary words and words that run into a longer
     * capitalised name are left alone.
     */
    private void consistentNames(List<Span> spans, List<Token> tokens) {
        Set<String> ambiguous = new HashSet<>();
        Map<String, Span> surnames = new HashMap<>();
        for (Span s : spans) {
            if (!s.type.equals("PERSON") || s.length() < 2 || s.sameAs != null || !capitalisedWords(s, tokens)) {
                continue;
            }
            String last = tokens.get(s.end - 1).word();
            if (last.length() < 2 || !gazetteer.lookup(List.of(last)).isEmpty()) {
                continue;
            }
            Span before = surnames.putIfAbsent(last, s);
            if (before != null && !sameName(before, s, tokens)) {
                ambiguous.add(last);
            }
        }
        ambiguous.forEach(surnames::remove);
        Map<String, Span> names = new HashMap<>();
        int longest = 0;
        for (Span s : spans) {
            if (!REPEATED_TYPES.contains(s.type) || s.sameAs != null || !capitalisedWords(s, tokens)
                    || surnameMistyped(s, surnames, tokens)) {
                continue;
            }
            String key = wordsOf(tokens, s.start, s.end);
            Span before = names.putIfAbsent(key, s);
            if (before != null && !before.type.equals(s.type)) {
                ambiguous.add(key);
            }
            longest = Math.max(longest, s.length());
        }
        surnames.forEach((last, full) -> {
            Span alone = names.get(last);
            if (alone != null && !alone.type.equals("PERSON")) {
                ambiguous.add(last);
            } else if (alone == null) {
                names.put(last, full);
            }
        });
        ambiguous.forEach(names::remove);
        ambiguous.forEach(surnames::remove);
        longest = Math.max(longest, surnames.isEmpty() ? 0 : 1);
        // a surname the engine called an organisation or a place alone is the person
        for (Span s : List.copyOf(spans)) {
            if (surnameMistyped(s, surnames, tokens)) {
                spans.remove(s);
                Span person = new Span(s.sentence, s.start, s.end, "PERSON", null);
                person.sameAs = surnames.get(tokens.get(s.start).word());
                spans.add(person);
            }
        }
        // "the Commission", "the Coalition", capitalised alone, is the one organisation of the article named so
        Map<String, Span> heads = new HashMap<>();
        for (Span s : spans) {
            if (!s.type.equals("ORGANIZATION") || s.length() < 2 || s.sameAs != null) {
                continue;
            }
            for (int k = s.start; k < s.end; k++) {
                String w = tokens.get(k).word();
                if (OrganisationNames.HEADS.contains(w) && !names.containsKey(w)) {
                    Span before = heads.putIfAbsent(w, s);
                    if (before != null && !sameName(before, s, tokens)) {
                        ambiguous.add("head:" + w);
                    }
                }
            }
        }
        heads.keySet().removeIf(w -> ambiguous.contains("head:" + w));
        Span[] at = coverage(spans, tokens.size());
        for (int k = 1; k < tokens.size(); k++) {
            Span org = heads.get(tokens.get(k).word());
            if (org != null && at[k] == null && "O".equals(tokens.get(k).ner())
                    && tokens.get(k - 1).word().equalsIgnoreCase("the") && tokens.get(k - 1).sentence() == tokens.get(k).sentence()
                    && !(org.start <= k && k < org.end) && standsAlone(tokens, k, k + 1)) {
                Span repeat = new Span(tokens.get(k).sentence(), k, k + 1, "ORGANIZATION", null);
                repeat.sameAs = org;
                spans.add(repeat);
                at[k] = repeat;
            }
        }
        int i = 0;
        while (i < tokens.size()) {
            int matched = 0;
            if (at[i] == null && "O".equals(tokens.get(i).ner() == null ? "O" : tokens.get(i).ner())) {
                int sentence = tokens.get(i).sentence();
                for (int len = longest; len >= 1 && matched == 0; len--) {
                    int end = i + len;
                    if (end > tokens.size() || tokens.get(end - 1).sentence() != sentence || !untagged(at, tokens, i, end)) {
                        continue;
                    }
                    Span source = names.get(wordsOf(tokens, i, end));
                    if (source != null && standsAlone(tokens, i, end)) {
                        Span repeat = new Span(sentence, i, end, source.type, null);
                        repeat.sameAs = source;
                        spans.add(repeat);
                        for (int k = i; k < end; k++) {
                            at[k] = repeat;
                        }
                        matched = len;
                    }
                }
            }
            i += Math.max(1, matched);
        }
    }

    private static boolean surnameMistyped(Span s, Map<String, Span> surnames, List<Token> tokens) {
        return s.length() == 1 && s.entry == null && s.sameAs == null && s.institution == null
                && (s.type.equals("ORGANIZATION") || s.type.equals("LOCATION"))
                && surnames.containsKey(tokens.get(s.start).word());
    }

    private static Span[] coverage(List<Span> spans, int size) {
        Span[] at = new Span[size];
        for (Span s : spans) {
            for (int i = s.start; i < s.end; i++) {
                at[i] = s;
            }
        }
        return at;
    }

    private static boolean untagged(Span[] at, List<Token> tokens, int start, int end) {
        for (int i = start; i < end; i++) {
            String ner = tokens.get(i).ner();
            if (at[i] != null || ner != null && !ner.equals("O")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the words {@code [start, end)} are a name of their own, not the start or end of a longer capitalised one
     * ("Washington" in "Washington Post"); a single word opening a sentence must be a proper noun.
     */
    private static boolean standsAlone(List<Token> tokens, int start, int end) {
        int sentence = tokens.get(start).sentence();
        boolean opens = start == 0 || tokens.get(start - 1).sentence() != sentence;
        if (!opens) {
            Token before = tokens.get(start - 1);
            boolean beforeOpens = start - 1 == 0 || tokens.get(start - 2).sentence() != sentence;
            if (Names.isCapitalised(before.word()) && hasLetterOrDigit(before.word())
                    && !(beforeOpens && !String.valueOf(before.pos()).startsWith("NNP"))) {
                return false;
            }
        } else if (end - start == 1 && !String.valueOf(tokens.get(start).pos()).startsWith("NNP")) {
            return false;
        }
        if (end < tokens.size() && tokens.get(end).sentence() == sentence) {
            String after = tokens.get(end).word();
            if (Names.isCapitalised(after) && hasLetterOrDigit(after)) {
                return false;
            }
        }
        return true;
    }

    private static boolean capitalisedWords(Span s, List<Token> tokens) {
        boolean letters = false;
        for (int i = s.start; i < s.end; i++) {
            String w = tokens.get(i).word();
            if (!hasLetterOrDigit(w)) {
                continue;
            }
            if (!Names.isCapitalised(w) && !Gazetteer.PARTICLES.contains(Names.key(w))) {
                return false;
            }
            letters = true;
        }
        return letters;
    }

    private static boolean sameName(Span a, Span b, List<Token> tokens) {
        return wordsOf(tokens, a.start, a.end).equals(wordsOf(tokens, b.start, b.end));
    }

    private static String wordsOf(List<Token> tokens, int start, int end) {
        StringBuilder b = new StringBuilder();
        for (int i = start; i < end; i++) {
            if (i > start) {
                b.append(' ');
            }
            b.append(tokens.get(i).word());
        }
        return b.toString();
    }

    /** The initials of a name of three or more capitalised words, particles skipped ("ISIL"), or null. */
    private static String initials(Span s, List<Token> tokens) {
        StringBuilder b = new StringBuilder();
        for (int i = s.start; i < s.end; i++) {
            String w = tokens.get(i).word();
            if (!hasLetterOrDigit(w) || Gazetteer.PARTICLES.contains(Names.key(w))) {
                continue;
            }
            if (!Character.isUpperCase(w.charAt(0))) {
                return null;
            }
            b.append(w.charAt(0));
        }
        return b.length() >= 3 ? b.toString() : null;
    }

    /** "SDF", "ISIL", "DoD", "G7": two or more capitals, no more than ten characters, a capital first. */
    static boolean isAcronym(String w) {
        if (w.length() < 2 || w.length() > 10 || !Character.isUpperCase(w.charAt(0))) {
            return false;
        }
        int upper = 0;
        int letters = 0;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            }
            if (Character.isLetter(c)) {
                letters++;
            } else if (!Character.isDigit(c) && c != '-' && c != '&' && c != '.') {
                return false;
            }
        }
        return upper >= 2 && upper * 2 >= letters;
    }

    /**
     * Schwartz and Hearst's test: the short form's letters and digits appear in the long form in order, from the
     * right, and its first one starts a word of the long form.
     */
    static boolean abbreviates(String shortForm, String longForm) {
        String s = shortForm.toLowerCase(Locale.ROOT);
        String l = longForm.toLowerCase(Locale.ROOT);
        int li = l.length() - 1;
        for (int si = s.length() - 1; si >= 0; si--) {
            char c = s.charAt(si);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            while (li >= 0 && (l.charAt(li) != c || si == 0 && li > 0 && Character.isLetterOrDigit(l.charAt(li - 1)))) {
                li--;
            }
            if (li < 0) {
                return false;
            }
            li--;
        }
        return true;
    }

    // ---------------------------------------------------------------- ids and grouping

    /** Gives every span its id and canonical name; a person's partial name takes the one full name it is part of. */
    private void identify(List<Span> spans, List<Token> tokens) {
        for (Span s : spans) {
            if (s.sameAs != null) {
                continue;
            }
            String surface = surface(s, tokens);
            if (s.entry != null) {
                s.id = s.entry.id();
                s.name = s.entry.name();
                if (s.country == null) {
                    s.country = s.entry.country();
                }
                continue;
            }
            switch (s.type) {
                case "PERSON" -> s.id = "person:" + Names.slug(surface);
                case "ORGANIZATION" -> s.id = "org:" + Names.slug(surface);
                case "LOCATION", "CITY" -> s.id = "location:" + Names.slug(surface);
                case "DATE", "MONEY", "PERCENT" -> {
                    String normalized = tokens.get(s.start).normalized();
                    String value = normalized == null || normalized.isBlank() ? surface : normalized;
                    s.id = s.type.toLowerCase(Locale.ROOT) + ":" + (s.type.equals("DATE") ? value : Names.slug(value));
                    s.name = s.type.equals("DATE") ? value : surface;
                }
                default -> s.id = s.type.toLowerCase(Locale.ROOT) + ":" + Names.slug(surface);
            }
            if (s.name == null) {
                s.name = surface;
            }
        }
        resolveRepeats(spans);
        // Full names of people in this article, by their words: "Hakan Fidan" → person:hakan-fidan.
        List<Span> people = spans.stream().filter(s -> s.type.equals("PERSON")).toList();
        for (Span p : people) {
            List<String> words = keys(p, tokens);
            Set<String> candidates = new LinkedHashSet<>();
            Span target = null;
            for (Span q : people) {
                List<String> other = keys(q, tokens);
                if (other.size() > words.size() && (other.subList(0, words.size()).equals(words)
                        || other.subList(other.size() - words.size(), other.size()).equals(words))) {
                    if (candidates.add(q.id)) {
                        target = q;
                    }
                }
            }
            if (candidates.size() == 1 && p.entry == null) {
                p.id = target.id;
                p.name = target.name;
                p.entry = target.entry;
                p.country = target.country;
            }
        }
        resolveRepeats(spans);
    }

    private static void resolveRepeats(List<Span> spans) {
        for (Span s : spans) {
            if (s.sameAs != null) {
                Span source = s.sameAs;
                while (source.sameAs != null && source.sameAs != source) {
                    source = source.sameAs;
                }
                s.id = source.id;
                s.name = source.name;
                s.entry = source.entry;
                s.country = source.country;
            }
        }
    }

    private static String surface(Span s, List<Token> tokens) {
        StringBuilder b = new StringBuilder();
        for (int i = s.start; i < s.end; i++) {
            Token t = tokens.get(i);
            if (i > s.start && t.start() > tokens.get(i - 1).end()) {
                b.append(' ');
            }
            b.append(t.word());
        }
        return b.toString().strip().replaceAll("\\s+", " ");
    }

    private static List<String> keys(Span s, List<Token> tokens) {
        List<String> keys = new ArrayList<>(s.length());
        for (int i = s.start; i < s.end; i++) {
            keys.add(Names.key(tokens.get(i).word()));
        }
        return keys;
    }

    private static boolean hasLetterOrDigit(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetterOrDigit(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- roles

    /**
     * Roles the article states: "[Turkish|Turkey's|NATO] Title+ Person" ("Turkish Foreign Minister Hakan Fidan",
     * "Chief of Army Staff General Qamar Javed Bajwa") and "Person, [the] Title" ("Ali Hasnain, associate professor").
     */
    private Map<String, List<Role>> roles(List<Span> spans, List<Token> tokens) {
        Map<Integer, Span> byEnd = new HashMap<>();
        Map<Integer, Span> byStart = new HashMap<>();
        for (Span s : spans) {
            byEnd.put(s.end, s);
            byStart.put(s.start, s);
        }
        Map<String, List<Role>> roles = new HashMap<>();
        for (Span p : spans) {
            if (!p.type.equals("PERSON")) {
                continue;
            }
            List<String> titles = new ArrayList<>();
            int at = p.start;
            while (true) {
                at = skipParenthesis(at, p.sentence, tokens);
                Span before = byEnd.get(at);
                if (before == null || before.sentence != p.sentence || !before.type.equals("TITLE")) {
                    break;
                }
                titles.add(0, before.name);
                at = before.start;
            }
            String country = null;
            String org = null;
            if (!titles.isEmpty()) {
                Span owner = byEnd.get(at);
                if (owner == null && at > 0 && POSSESSIVE.contains(tokens.get(at - 1).word())) {
                    owner = byEnd.get(at - 1);
                }
                if (owner != null && owner.sentence == p.sentence) {
                    if (owner.type.equals("COUNTRY") || owner.type.equals("NATIONALITY")) {
                        country = owner.country;
                    } else if (owner.type.equals("ORGANIZATION")) {
                        org = owner.id;
                        country = owner.country;
                    }
                }
            } else {
                int after = p.end;
                if (after < tokens.size() && tokens.get(after).word().equals(",")) {
                    after++;
                    if (after < tokens.size() && DETERMINERS.contains(Names.key(tokens.get(after).word()))) {
                        after++;
                    }
                    Span title = byStart.get(after);
                    if (title != null && title.sentence == p.sentence && title.type.equals("TITLE")) {
                        titles.add(title.name);
                    }
                }
            }
            for (String title : titles) {
                Role role = new Role(title, country, org, null, null, "article");
                List<Role> list = roles.computeIfAbsent(p.id, id -> new ArrayList<>());
                if (!list.contains(role)) {
                    list.add(role);
                }
            }
        }
        return roles;
    }

    /** Steps left over a short parenthesis between a title and a name: "General (retd) Hulusi Akar". */
    private static int skipParenthesis(int at, int sentence, List<Token> tokens) {
        if (at >= 2 && isClose(tokens.get(at - 1).word())) {
            for (int i = at - 2; i >= Math.max(0, at - 5); i--) {
                if (tokens.get(i).sentence() != sentence) {
                    return at;
                }
                if (isOpen(tokens.get(i).word())) {
                    return i;
                }
            }
        }
        return at;
    }

    private static boolean isClose(String w) {
        return w.equals(")") || w.equals("-RRB-");
    }

    private static boolean isOpen(String w) {
        return w.equals("(") || w.equals("-LRB-");
    }

    // ---------------------------------------------------------------- entities

    private List<Entity> entities(List<Span> spans, Map<String, List<Role>> articleRoles, LocalDate publishedAt) {
        Map<String, List<Span>> byId = new LinkedHashMap<>();
        for (Span s : spans) {
            if (!VALUE_TAGS.contains(s.type)) {
                byId.computeIfAbsent(s.id, id -> new ArrayList<>()).add(s);
            }
        }
        List<Entity> entities = new ArrayList<>(byId.size());
        byId.forEach((id, ms) -> {
            Span first = ms.get(0);
            Entry entry = ms.stream().map(s -> s.entry).filter(e -> e != null).findFirst().orElse(null);
            String type = entityType(first, entry);
            List<Role> roles = new ArrayList<>(articleRoles.getOrDefault(id, List.of()));
            if (entry != null && entry.kind() == Kind.PERSON) {
                roles.addAll(entry.roles());
            }
            String country = country(ms, roles, entry, publishedAt);
            entities.add(new Entity(id, type, first.name, ms.stream().map(s -> s.aliasText).distinct().toList(),
                    country, roles, ms.size(), entry != null));
        });
        return entities;
    }

    private static String entityType(Span first, Entry entry) {
        if (entry != null) {
            return entry.kind() == Kind.NATIONALITY ? "COUNTRY" : entry.kind().name();
        }
        return first.type;
    }

    private static String country(List<Span> ms, List<Role> roles, Entry entry, LocalDate publishedAt) {
        for (Role r : roles) {
            if ("article".equals(r.source()) && r.country() != null) {
                return r.country();
            }
        }
        if (entry != null && entry.kind() == Kind.PERSON) {
            LocalDate at = publishedAt == null ? LocalDate.now() : publishedAt;
            for (Role r : entry.roles()) {
                if (r.country() != null && (r.from() == null || !r.from().isAfter(at))
                        && (r.to() == null || !r.to().isBefore(at))) {
                    return r.country();
                }
            }
        }
        for (Span s : ms) {
            if (s.country != null) {
                return s.country;
            }
        }
        return null;
    }
}
