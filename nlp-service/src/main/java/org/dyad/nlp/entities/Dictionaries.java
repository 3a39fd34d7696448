package org.dyad.nlp.entities;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dyad.contracts.Role;

/**
 * The curated lists under {@code src/main/resources/entities} (countries, organisations, cities, titles, people)
 * and the Phoenix actor dictionary (people and organisations with date-ranged roles, MIT licence), loaded once.
 */
public final class Dictionaries {

    static final String BASE = "/entities/";

    private final Gazetteer gazetteer;
    /** Phoenix actors and curated people, by the normalised words of each spelling. */
    private final Map<String, Actor> actors = new HashMap<>();
    /** Places named in Phoenix country blocks (cities, regions), by normalised spelling, to their country. */
    private final Map<String, String> phoenixPlaces = new HashMap<>();
    private final Map<String, Entry> countries = new LinkedHashMap<>();
    private final Map<String, Entry> titlesByKey = new HashMap<>();
    /** State institutions by the normalised words of a lower-case spelling ("government", "security forces"). */
    private final Map<String, Entry> stateBodies = new HashMap<>();
    private int longestStateBody;
    private final Function<String, List<String>> tokenizer;
    private final List<String> platforms = new ArrayList<>();
    private final List<Pattern> boilerplateSentences = new ArrayList<>();

    /** An actor of the dictionaries: a person or organisation, with roles and the country they act for. */
    public record Actor(String id, String name, String country, List<Role> roles, boolean curated) {
    }

    private Dictionaries(Function<String, List<String>> tokenizer) {
        this.tokenizer = tokenizer;
        this.gazetteer = new Gazetteer(tokenizer);
    }

    /** Loads every list; {@code tokenizer} splits a spelling the way the engine splits text. */
    public static Dictionaries load(Function<String, List<String>> tokenizer) {
        Dictionaries d = new Dictionaries(tokenizer);
        d.loadCountries();
        d.loadCities();
        d.loadRegions();
        d.loadOrganisations();
        d.loadTitles();
        d.loadInstitutions();
        d.loadPeople();
        d.loadPhoenix();
        d.loadBoilerplate();
        return d;
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The country entry of an ISO3 code, or null. */
    public Entry country(String iso3) {
        return countries.get(iso3);
    }

    /** The person or organisation the dictionaries know under exactly these words, or null. */
    public Actor actor(List<String> words) {
        return actors.get(key(words));
    }

    /** The country of a place Phoenix lists under a country ("Karachi" → PAK), or null. */
    public String placeCountry(List<String> words) {
        return phoenixPlaces.get(key(words));
    }

    /** The canonical title for a spelling ("Defense Minister" → Defence Minister), or null. */
    public Entry title(List<String> words) {
        return titlesByKey.get(key(words));
    }

    /**
     * The state institution a lower-case noun names after a demonym or a country ("the Syrian government", "Iraqi
     * forces", "the US military"), or null: every spelling of {@code institutions.tsv}, and the common nouns of
     * {@link #NOMINAL_HEADS}.
     */
    public Entry stateBody(List<String> words) {
        return stateBodies.get(key(words));
    }

    /** How many words the longest lower-case state body has. */
    public int longestStateBody() {
        return longestStateBody;
    }

    /**
     * Common nouns that name a country's state body after its demonym or name, beyond the institutions' own
     * spellings, with the institution they name: the nominal mentions ACE annotates as ORG (Government) of their
     * head. Individuals ("soldiers", "officials", "diplomats") are people, not bodies, and are not listed.
     */
    static final Map<String, String> NOMINAL_HEADS = Map.ofEntries(Map.entry("forces", "Armed Forces"),
            Map.entry("troops", "Armed Forces"), Map.entry("military forces", "Armed Forces"),
            Map.entry("government forces", "Armed Forces"), Map.entry("government troops", "Armed Forces"),
            Map.entry("regime", "Government"), Map.entry("authorities", "Government"),
            Map.entry("regime forces", "Armed Forces"), Map.entry("regime troops", "Armed Forces"),
            Map.entry("national army", "Army"), Map.entry("police force", "Police"),
            Map.entry("police forces", "Police"), Map.entry("federal police", "Police"),
            Map.entry("national police", "Police"), Map.entry("border police", "Police"),
            Map.entry("intelligence services", "Intelligence"), Map.entry("security services", "Intelligence"));

    /** Whether a sentence is page furniture ("Follow us on ..."), none of whose names are news. */
    public boolean isBoilerplateSentence(String sentence) {
        for (Pattern p : boilerplateSentences) {
            if (p.matcher(sentence).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a name is platform names glued together ("Google NewsInstagramYouTubeFacebook"): once spaces are
     * removed it splits into two or more platform names and nothing else.
     */
    public boolean isGluedPlatforms(String name) {
        String s = name.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        return pieces(s, 0) >= 2;
    }

    private int pieces(String s, int from) {
        if (from == s.length()) {
            return 0;
        }
        int best = -1;
        for (String p : platforms) {
            if (s.startsWith(p, from)) {
                int rest = pieces(s, from + p.length());
                if (rest >= 0) {
                    best = Math.max(best, rest + 1);
                }
            }
        }
        return best;
    }

    private void loadBoilerplate() {
        rows("boilerplate.tsv", f -> {
            if (f[0].equals("platform")) {
                platforms.add(f[1].replaceAll("\\s+", "").toLowerCase(Locale.ROOT));
            } else if (f[0].equals("sentence")) {
                boilerplateSentences.add(Pattern.compile(f[1], Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
        });
    }

    static String key(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(Names.key(w));
        }
        return b.toString();
    }

    private String key(String spelling) {
        return key(tokenizer.apply(spelling));
    }

    private void loadCountries() {
        rows("countries.tsv", f -> {
            String iso3 = f[0];
            Entry country = new Entry(Kind.COUNTRY, "country:" + iso3, f[1], iso3);
            countries.put(iso3, country);
            add(f[1], CaseRule.CAPITALISED, country);
            for (String alias : list(f, 2)) {
                add(alias, CaseRule.CAPITALISED, country);
            }
            Entry nationality = new Entry(Kind.NATIONALITY, "country:" + iso3, f[1], iso3);
            for (String demonym : list(f, 3)) {
                add(demonym, CaseRule.CAPITALISED, nationality);
            }
            for (String capital : list(f, 4)) {
                add(capital, CaseRule.CAPITALISED, new Entry(Kind.CITY, "location:" + Names.slug(list(f, 4).get(0)),
                        list(f, 4).get(0), iso3));
            }
        });
    }

    private void loadCities() {
        rows("cities.tsv", f -> {
            Entry city = new Entry(Kind.CITY, "location:" + Names.slug(f[0]), f[0], f[1]);
            add(f[0], CaseRule.CAPITALISED, city);
            for (String alias : list(f, 2)) {
                add(alias, CaseRule.CAPITALISED, city);
            }
        });
    }

    private void loadRegions() {
        rows("regions.tsv", f -> {
            Entry region = new Entry(Kind.LOCATION, "location:" + Names.slug(f[0]), f[0], blankToNull(field(f, 2)));
            add(f[0], CaseRule.CAPITALISED, region);
            for (String alias : list(f, 1)) {
                add(alias, CaseRule.CAPITALISED, region);
            }
        });
    }

    private void loadOrganisations() {
        rows("organisations.tsv", f -> {
            Entry org = new Entry(Kind.ORGANIZATION, "org:" + f[0], f[1], blankToNull(field(f, 3)));
            add(f[1], CaseRule.CAPITALISED, org);
            for (String alias : list(f, 2)) {
                add(alias, CaseRule.CAPITALISED, org);
            }
        });
    }

    private void loadTitles() {
        rows("titles.tsv", f -> {
            Entry title = new Entry(Kind.TITLE, "title:" + Names.slug(f[0]), f[0], null);
            CaseRule rule = f.length > 2 && f[2].strip().equals("any") ? CaseRule.ANY : CaseRule.CAPITALISED;
            List<String> spellings = new ArrayList<>();
            spellings.add(f[0]);
            spellings.addAll(list(f, 1));
            for (String s : spellings) {
                add(s, rule, title);
                titlesByKey.putIfAbsent(key(s), title);
            }
        });
    }

    private void loadInstitutions() {
        Map<String, Entry> byName = new HashMap<>();
        rows("institutions.tsv", f -> {
            Entry institution = new Entry(Kind.INSTITUTION, "institution:" + Names.slug(f[0]), f[0], null);
            byName.put(f[0], institution);
            add(f[0], CaseRule.CAPITALISED, institution);
            addStateBody(f[0], institution);
            for (String alias : list(f, 1)) {
                add(alias, CaseRule.CAPITALISED, institution);
                addStateBody(alias, institution);
            }
        });
        NOMINAL_HEADS.forEach((spelling, name) -> {
            Entry institution = byName.get(name);
            if (institution == null) {
                throw new IllegalStateException("nominal head " + spelling + ": no institution " + name);
            }
            addStateBody(spelling, institution);
        });
    }

    private void addStateBody(String spelling, Entry institution) {
        List<String> words = tokenizer.apply(spelling);
        if (words.isEmpty() || Names.isAllCaps(spelling)) {
            return;
        }
        stateBodies.putIfAbsent(key(words), institution);
        longestStateBody = Math.max(longestStateBody, words.size());
    }

    private void loadPeople() {
        Map<String, List<String[]>> byName = new LinkedHashMap<>();
        rows("people.tsv", f -> byName.computeIfAbsent(f[0], n -> new ArrayList<>()).add(f));
        byName.forEach((name, lines) -> {
            List<Role> roles = new ArrayList<>();
            List<String> aliases = new ArrayList<>();
            for (String[] f : lines) {
                aliases.addAll(list(f, 1));
                roles.add(new Role(blankToNull(field(f, 2)), blankToNull(field(f, 3)),
                        blankToNull(field(f, 4)) == null ? null : "org:" + field(f, 4).strip(),
                        date(field(f, 5)), date(field(f, 6)), "dictionary"));
            }
            roles.sort(Comparator.comparing(Role::from, Comparator.nullsFirst(Comparator.naturalOrder())));
            String country = roles.stream().filter(r -> r.country() != null).reduce((a, b) -> b).map(Role::country)
                    .orElse(null);
            Actor actor = new Actor("person:" + Names.slug(name), name, country, List.copyOf(roles), true);
            Entry person = new Entry(Kind.PERSON, actor.id(), name, country, actor.roles());
            for (String s : concat(name, aliases)) {
                actors.put(key(s), actor);
                if (tokenizer.apply(s).size() >= 2) {
                    add(s, CaseRule.CAPITALISED, person);
                }
            }
        });
    }

    private static final Pattern CODE = Pattern.compile("\\[([A-Z]{3,})\\s*([<>]?)(\\d{6,8})?(?:-(\\d{6,8}))?\\s*]");
    private static final Map<String, String> SECTORS = Map.ofEntries(Map.entry("GOV", "Government"),
            Map.entry("ELI", "Elite"), Map.entry("MIL", "Military"), Map.entry("BUS", "Economy"),
            Map.entry("AGR", "Agriculture"), Map.entry("MED", "Media"), Map.entry("EDU", "Education"),
            Map.entry("HLH", "Health"), Map.entry("DEV", "Development"), Map.entry("JUD", "Judiciary"),
            Map.entry("LAB", "Labour"), Map.entry("ENV", "Environment"), Map.entry("HRI", "Human Rights"),
            Map.entry("LEG", "Legislature"), Map.entry("REL", "Religion"), Map.entry("COP", "Police"),
            Map.entry("SPY", "Intelligence"), Map.entry("REF", "Refugees"), Map.entry("OPP", "Opposition"),
            Map.entry("REB", "Rebels"), Map.entry("PTY", "Party"));

    /** Phoenix.Countries.actors.txt: country blocks (names and places), then actors with dated role codes. */
    private void loadPhoenix() {
        String block = null;
        List<String> spellings = new ArrayList<>();
        List<Role> roles = new ArrayList<>();
        String blockCountry = null;
        try (BufferedReader in = reader("phoenix/Phoenix.Countries.actors.txt")) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String content = line.replaceAll("#.*$", "");
                if (line.startsWith("+")) {
                    spellings.add(name(content.substring(1)));
                } else if (Character.isWhitespace(line.charAt(0))) {
                    roles.addAll(roles(content));
                } else {
                    blockCountry = flushPhoenix(spellings, roles, blockCountry);
                    spellings.clear();
                    roles.clear();
                    spellings.add(name(content));
                    roles.addAll(roles(content));
                    block = content;
                }
            }
            flushPhoenix(spellings, roles, blockCountry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (block == null) {
            throw new IllegalStateException("the Phoenix dictionary is empty");
        }
    }

    /** Ends one Phoenix entry; returns the country of the current country block. */
    private String flushPhoenix(List<String> spellings, List<Role> roles, String blockCountry) {
        if (spellings.isEmpty() || spellings.get(0).isBlank()) {
            return blockCountry;
        }
        List<Role> dated = roles.stream().filter(r -> r.title() != null || r.from() != null || r.to() != null).toList();
        String plainCountry = roles.stream().filter(r -> r.title() == null && r.from() == null && r.to() == null)
                .map(Role::country).findFirst().orElse(null);
        if (dated.isEmpty() && plainCountry != null) {
            // A country block ("PAKISTAN_ [PAK]"): its other spellings are variants and places in that country.
            for (String s : spellings.subList(1, spellings.size())) {
                phoenixPlaces.putIfAbsent(key(s), plainCountry);
            }
            return plainCountry;
        }
        if (roles.isEmpty()) {
            // A place or name listed under the block without a code of its own.
            for (String s : spellings) {
                phoenixPlaces.putIfAbsent(key(s), blockCountry);
            }
            return blockCountry;
        }
        String name = Names.titleCase(spellings.get(0));
        String id = "person:" + Names.slug(name);
        List<Role> sorted = new ArrayList<>(roles);
        sorted.sort(Comparator.comparing(Role::from, Comparator.nullsFirst(Comparator.naturalOrder())));
        String country = sorted.stream().map(Role::country).filter(c -> c != null).reduce((a, b) -> b).orElse(null);
        Actor actor = new Actor(id, name, country, List.copyOf(sorted), false);
        for (String s : spellings) {
            String k = key(s);
            Actor existing = actors.get(k);
            if (existing == null) {
                actors.put(k, actor);
            } else if (!existing.curated() && existing.id().equals(id)) {
                List<Role> merged = new ArrayList<>(existing.roles());
                merged.addAll(sorted);
                actors.put(k, new Actor(id, existing.name(), existing.country(), List.copyOf(merged), false));
            }
        }
        return blockCountry;
    }

    private static String name(String raw) {
        return raw.replaceAll("\\[.*", "").replace('_', ' ').strip().replaceAll("\\s+", " ");
    }

    private List<Role> roles(String content) {
        List<Role> found = new ArrayList<>();
        Matcher m = CODE.matcher(content);
        while (m.find()) {
            String code = m.group(1);
            String country = code.substring(0, 3);
            if (!countries.containsKey(country)) {
                continue;
            }
            String sector = code.length() >= 6 ? SECTORS.get(code.substring(3, 6)) : null;
            String sub = code.length() >= 9 ? SECTORS.get(code.substring(6, 9)) : null;
            String title = sector == null ? null : sub == null ? sector : sector + " (" + sub.toLowerCase(Locale.ROOT) + ")";
            LocalDate from = null;
            LocalDate to = null;
            if (m.group(3) != null) {
                if (m.group(4) != null) {
                    from = phoenixDate(m.group(3));
                    to = phoenixDate(m.group(4));
                } else if (">".equals(m.group(2))) {
                    from = phoenixDate(m.group(3));
                } else if ("<".equals(m.group(2))) {
                    to = phoenixDate(m.group(3));
                }
            }
            found.add(new Role(title, country, null, from, to, "dictionary"));
        }
        return found;
    }

    /** "901106" is 1990-11-06, "010620" 2001-06-20, "20130605" itself; null when it is no date. */
    static LocalDate phoenixDate(String s) {
        try {
            if (s.length() == 8) {
                return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                        Integer.parseInt(s.substring(6, 8)));
            }
            if (s.length() == 6) {
                int yy = Integer.parseInt(s.substring(0, 2));
                return LocalDate.of(yy <= 20 ? 2000 + yy : 1900 + yy, Integer.parseInt(s.substring(2, 4)),
                        Integer.parseInt(s.substring(4, 6)));
            }
        } catch (RuntimeException e) {
            // a malformed date in the source: the role is kept without it
        }
        return null;
    }

    private void add(String spelling, CaseRule defaultRule, Entry entry) {
        gazetteer.add(spelling, CaseRule.of(spelling, defaultRule), entry);
    }

    private static void rows(String file, Consumer<String[]> row) {
        try (BufferedReader in = reader(file)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                row.accept(line.split("\t", -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedReader reader(String file) {
        InputStream in = Dictionaries.class.getResourceAsStream(BASE + file);
        if (in == null) {
            throw new IllegalStateException("missing dictionary " + BASE + file);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static List<String> list(String[] f, int i) {
        String v = field(f, i);
        if (v.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String s : v.split("\\|")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    private static String field(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }
}
