import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.dyad.contracts.Annotations;
import org.dyad.contracts.ArticleContent;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.contracts.CleaningRecord;
import org.dyad.contracts.CodedEvent;
import org.dyad.contracts.DocumentDate;
import org.dyad.contracts.Entity;
import org.dyad.contracts.EntityMention;
import org.dyad.contracts.EventActor;
import org.dyad.contracts.Quote;
import org.dyad.contracts.Role;
import org.dyad.contracts.SchemaVersion;
import org.dyad.contracts.Sentence;
import org.dyad.contracts.TopicScore;
import org.dyad.query.domain.ReadModelStore;
import org.dyad.query.service.ArticleReader;
import org.dyad.query.service.EntityService;
import org.dyad.query.service.EventQuery;
import org.dyad.query.service.EventService;
import org.dyad.query.service.RelationService;
import org.dyad.query.service.SearchQuery;
import org.dyad.query.service.SearchService;

/**
 * Read-model benchmark of query-service against a real PostgreSQL: generates a synthetic corpus of enriched
 * articles over the seed texts (entities, dates, topics and coded events varied), loads it through the service's own
 * ReadModelStore with concurrent writers, times the service's own queries, then re-enriches articles while
 * querying and checks that every counter still equals a recount from the per-article rows. Prints figures;
 * asserts nothing.
 */
public final class QueryBench {

    private static final String[] TOPICS = {"defence", "diplomacy", "trade-economy", "energy", "security-terrorism",
            "politics", "infrastructure", "health", "climate", "technology"};
    private static final String[] WORDS = {"defence", "energy", "trade", "military", "cooperation", "agreement",
            "security", "visit", "economic", "regional", "strategic", "minister", "talks", "exercises", "investment"};
    private static final String[] FIRST = {"Ahmed", "Maria", "Hakan", "Ishaq", "Sergei", "Marco", "Khawaja", "Nawaz",
            "Tasneem", "Olga", "John", "Wei", "Ali", "Fatima", "Ilham", "Mehmet", "Anna", "Raj", "Yusuf", "Elena",
            "Omar", "Leila", "Ivan", "Sofia", "David", "Aisha", "Kenji", "Lucas", "Nadia", "Pavel", "Chen", "Amir",
            "Sara", "Tariq", "Hana", "Viktor", "Emre", "Zainab", "Dmitri", "Noor"};
    private static final String[] LAST = {"Khan", "Fidan", "Dar", "Shoigu", "Rubio", "Asif", "Sharif", "Aslam",
            "Petrova", "Smith", "Li", "Aliyev", "Yilmaz", "Ivanova", "Sharma", "Hussain", "Demir", "Kuznetsov",
            "Garcia", "Malik", "Qureshi", "Popov", "Tanaka", "Silva", "Rahman", "Volkov", "Wang", "Karimi", "Celik",
            "Orlov", "Zhang", "Haddad", "Novak", "Baig", "Sato", "Morozov", "Kaya", "Abbasi", "Lebedev", "Farooq"};

    /** CAMEO codes the synthetic events draw from: code, name, quad class, Goldstein, PLOVER type. */
    private static final Object[][] CODES = {{"040", "Consult", 1, 1.0, "CONSULT"}, {"042", "Make a visit", 1, 1.9, "CONSULT"},
            {"051", "Praise or endorse", 1, 3.4, "SUPPORT"}, {"057", "Sign formal agreement", 1, 8.0, "SUPPORT"},
            {"062", "Cooperate militarily", 2, 7.4, "COOPERATE"}, {"112", "Accuse", 3, -2.0, "ACCUSE"},
            {"163", "Impose embargo, boycott, or sanctions", 4, -8.0, "COERCE"}};
    private static final String[] MODES = {"occurred", "occurred", "occurred", "planned", "denied", "hypothetical"};

    /** Surface forms of the seeds and the slot (class) each fills; longest first so that "Hakan Fidan" wins over "Fidan". */
    private static final Map<String, String> SEED_FORMS = new LinkedHashMap<>();

    static {
        String[][] forms = {
                {"Shanghai Cooperation Organization", "ORG1"}, {"Russian Defence Minister Sergei Shoigu", "PER3"},
                {"Sergei Shoigu", "PER3"}, {"Hakan Fidan", "PER1"}, {"Ishaq Dar", "PER2"}, {"Marco Rubio", "PER4"},
                {"Khawaja Asif", "PER5"}, {"Nawaz Sharif", "PER6"}, {"Tasneem Aslam", "PER7"},
                {"Pakistan Army", "ORG2"}, {"United States", "CTY4"}, {"Afghanistan", "CTY6"}, {"Azerbaijan", "CTY3"},
                {"Islamabad", "CIT1"}, {"Pakistani", "CTY1"}, {"Pakistan", "CTY1"}, {"Türkiye", "CTY2"},
                {"Turkiye", "CTY2"}, {"Turkish", "CTY2"}, {"Turkey", "CTY2"}, {"Russian", "CTY5"}, {"Russia", "CTY5"},
                {"Moscow", "CIT2"}, {"Ankara", "CIT3"}, {"Baku", "CIT4"}, {"Washington", "CIT5"}, {"India", "CTY7"},
                {"China", "CTY8"}, {"Shoigu", "PER3"}, {"Fidan", "PER1"}, {"Rubio", "PER4"}, {"Asif", "PER5"},
                {"Nawaz", "PER6"}, {"Dar", "PER2"}, {"Nato", "ORG3"}, {"NATO", "ORG3"}};
        for (String[] f : forms) {
            SEED_FORMS.put(f[0], f[1]);
        }
    }

    /** The service's dyad.query.search.rank-window (--rank-window, default the service's 1000). */
    static int rankWindow = 1000;

    private final Random random;
    private final List<String> sentences;
    private final Catalog catalog;
    private final Pattern forms;

    QueryBench(List<String> sentences, long seed) {
        this.random = new Random(seed);
        this.sentences = sentences;
        this.catalog = new Catalog(new Random(seed + 1));
        this.forms = Pattern.compile("\\b(" + String.join("|", SEED_FORMS.keySet().stream().map(Pattern::quote).toList()) + ")\\b");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        int articles = Integer.parseInt(opt.getOrDefault("articles", "100000"));
        int threads = Integer.parseInt(opt.getOrDefault("threads", "2"));
        int iterations = Integer.parseInt(opt.getOrDefault("iterations", "300"));
        Path seeds = Path.of(opt.getOrDefault("seeds", "seeds"));
        Path work = Path.of(opt.getOrDefault("work", ".dyad/bench-query"));
        rankWindow = Integer.parseInt(opt.getOrDefault("rank-window", "1000"));
        System.out.println("# command: bench/query/run.sh " + String.join(" ", args));
        System.out.printf("# articles=%d writers=%d iterations=%d seeds=%s rank-window=%d cores=%d%n", articles, threads,
                iterations, seeds, rankWindow, Runtime.getRuntime().availableProcessors());

        List<String> sentences = sentences(seeds);
        QueryBench bench = new QueryBench(sentences, 42);
        EmbeddedPostgres pg = null;
        String url = opt.get("jdbc");
        if (url == null) {
            Files.createDirectories(work);
            Path data = work.resolve("pg");
            boolean fresh = !Files.exists(data.resolve("PG_VERSION"));
            pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(work.resolve("bin").toFile())
                    .setServerConfig("shared_buffers", "512MB").setServerConfig("work_mem", "16MB")
                    .setServerConfig("max_wal_size", "4GB").setServerConfig("synchronous_commit", "off")
                    .start();
            url = pg.getJdbcUrl("postgres", "postgres");
            System.out.printf("# PostgreSQL: embedded (zonky), data %s, shared_buffers=512MB work_mem=16MB "
                    + "synchronous_commit=off (load only)%n", data);
            if (!fresh) {
                System.out.println("# reusing the loaded corpus in " + data);
            }
        }
        DataSource ds = pool(url, threads + 2);
        try {
            migrate(ds, Path.of("query-service/src/main/resources/db/migration"));
            long have = count(ds, "SELECT count(*) FROM article");
            List<Integer> sizes = new ArrayList<>();
            for (String m : opt.getOrDefault("measure-at", String.valueOf(articles)).split(",")) {
                sizes.add(Integer.parseInt(m.strip()));
            }
            for (int size : sizes) {
                if (have < size) {
                    bench.load(ds, (int) have, size, threads);
                    have = size;
                }
                bench.measure(ds, iterations, size);
            }
            bench.concurrent(ds, threads, Math.max(1_000, articles / 50), iterations);
            System.out.println("consistency after concurrent re-enrichment: " + check(ds));
        } finally {
            if (pg != null) {
                pg.close();
            }
        }
    }

    // ---------------------------------------------------------------- corpus

    /** The seed texts cut into sentences, without the date header and the web boilerplate. */
    static List<String> sentences(Path seeds) throws IOException {
        List<String> out = new ArrayList<>();
        try (var files = Files.list(seeds)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                String text = Files.readString(f).replaceFirst("^\\s*date \\d{4}-\\d{2}-\\d{2}\\s*", "");
                for (String s : text.split("(?<=[.!?”])\\s+(?=[A-Z“\"])")) {
                    String t = s.strip();
                    if (t.length() > 30 && !t.matches("(?s).*(Share the latest|Read:|Follow us|Leave a comment|Exit mobile).*")) {
                        out.add(t.replaceAll("\\s+", " "));
                    }
                }
            }
        }
        return out;
    }

    /** Synthetic entities with Zipf-distributed popularity: a few countries and people in most articles, a long tail. */
    static final class Catalog {
        final List<Entity> countries = new ArrayList<>();
        final List<Entity> people = new ArrayList<>();
        final List<Entity> orgs = new ArrayList<>();
        final List<Entity> cities = new ArrayList<>();
        final Zipf countryZipf;
        final Zipf personZipf;
        final Zipf orgZipf;
        final Zipf cityZipf;

        Catalog(Random r) {
            List<String> codes = new ArrayList<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
            // the seeds' countries are the most written about, as they are in this corpus
            for (String top : List.of("PAK", "TUR", "RUS", "USA", "AZE", "IND", "AFG", "CHN")) {
                codes.remove(top);
            }
            codes.addAll(0, List.of("PAK", "TUR", "RUS", "USA", "AZE", "IND", "AFG", "CHN"));
            for (String iso3 : codes) {
                String name = name(iso3);
                if (name != null) {
                    countries.add(new Entity("country:" + iso3, "COUNTRY", name, List.of(), iso3, List.of(), 0, true));
                }
            }
            Set<String> used = new TreeSet<>();
            for (String f : FIRST) {
                for (String l : LAST) {
                    String name = f + " " + l;
                    if (used.add(name)) {
                        String iso3 = countries.get(Math.min(countries.size() - 1, (int) Math.abs(r.nextGaussian() * 12))).country();
                        LocalDate from = LocalDate.of(2012 + r.nextInt(12), 1 + r.nextInt(12), 1);
                        people.add(new Entity("person:" + name.toLowerCase(Locale.ROOT).replace(' ', '-'), "PERSON", name,
                                List.of(l), iso3, List.of(new Role(r.nextBoolean() ? "Foreign Minister" : "Defence Minister",
                                        iso3, null, from, r.nextBoolean() ? null : from.plusYears(1 + r.nextInt(4)), "dictionary")),
                                0, true));
                    }
                }
            }
            java.util.Collections.shuffle(people, r);
            String[] kinds = {"Cooperation Organization", "Council", "Forum", "Alliance", "Agency", "Institute"};
            for (int i = 0; i < 300; i++) {
                String name = WORDS[i % WORDS.length].substring(0, 1).toUpperCase(Locale.ROOT)
                        + WORDS[i % WORDS.length].substring(1) + " " + kinds[i % kinds.length] + " " + (i / 6 + 1);
                orgs.add(new Entity("org:" + name.toLowerCase(Locale.ROOT).replace(' ', '-'), "ORGANIZATION", name,
                        List.of(), null, List.of(), 0, false));
            }
            for (int i = 0; i < 800; i++) {
                Entity c = countries.get(i % countries.size());
                String name = c.name() + (i < countries.size() ? " City" : " Port " + (i / countries.size()));
                cities.add(new Entity("location:" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"), "CITY",
                        name, List.of(), c.country(), List.of(), 0, true));
            }
            countryZipf = new Zipf(countries.size(), 1.1);
            personZipf = new Zipf(people.size(), 0.9);
            orgZipf = new Zipf(orgs.size(), 1.0);
            cityZipf = new Zipf(cities.size(), 1.0);
        }

        private static String name(String iso3) {
            for (String iso2 : Locale.getISOCountries()) {
                Locale l = new Locale.Builder().setRegion(iso2).build();
                if (l.getISO3Country().equals(iso3)) {
                    return l.getDisplayCountry(Locale.ENGLISH);
                }
            }
            return null;
        }

        Entity pick(String slot, Random r) {
            return switch (slot.substring(0, 3)) {
                case "CTY" -> countries.get(countryZipf.sample(r));
                case "PER" -> people.get(personZipf.sample(r));
                case "ORG" -> orgs.get(orgZipf.sample(r));
                default -> cities.get(cityZipf.sample(r));
            };
        }
    }

    /** Samples ranks 0..n-1 with probability proportional to 1/(rank+1)^s. */
    static final class Zipf {
        private final double[] cumulative;

        Zipf(int n, double s) {
            cumulative = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                cumulative[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                cumulative[i] /= sum;
            }
        }

        int sample(Random r) {
            int i = Arrays.binarySearch(cumulative, r.nextDouble());
            return Math.min(cumulative.length - 1, i < 0 ? -i - 1 : i);
        }
    }

    /** One synthetic enriched article: 6 to 18 seed sentences, the seed entities replaced by catalog entities. */
    ArticleEnriched article(UUID id, Random r, String pipelineVersion, Instant occurredAt) {
        int n = 6 + r.nextInt(13);
        StringBuilder text = new StringBuilder();
        List<Sentence> sentenceList = new ArrayList<>();
        List<EntityMention> mentions = new ArrayList<>();
        Map<String, Entity> bySlot = new HashMap<>();
        Set<String> usedIds = new TreeSet<>();
        Map<String, Entity> entities = new LinkedHashMap<>();
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String s = sentences.get(r.nextInt(sentences.size()));
            if (!text.isEmpty()) {
                text.append(' ');
            }
            int start = text.length();
            Matcher m = forms.matcher(s);
            int last = 0;
            while (m.find()) {
                text.append(s, last, m.start());
                String slot = SEED_FORMS.get(m.group(1));
                Entity e = bySlot.get(slot);
                while (e == null) {
                    Entity candidate = catalog.pick(slot, r);
                    if (usedIds.add(candidate.id())) {
                        e = candidate;
                        bySlot.put(slot, e);
                    }
                }
                String surface = m.group(1).contains(" ") || slot.startsWith("CTY") || slot.startsWith("CIT")
                        || slot.startsWith("ORG") ? e.name() : e.aliases().isEmpty() ? e.name() : e.aliases().get(0);
                int at = text.length();
                text.append(surface);
                mentions.add(new EntityMention(e.id(), e.name(), e.type(), surface, at, at + surface.length(), i));
                entities.putIfAbsent(e.id(), e);
                last = m.end();
            }
            text.append(s, last, s.length());
            sentenceList.add(new Sentence(i, start, text.length()));
            int open = text.indexOf("“", start);
            int close = open < 0 ? -1 : text.indexOf("”", open);
            List<Entity> people = entities.values().stream().filter(x -> x.type().equals("PERSON")).toList();
            if (open >= 0 && close > open + 10 && !people.isEmpty()) {
                Entity speaker = people.get(r.nextInt(people.size()));
                quotes.add(new Quote(text.substring(open + 1, close), open + 1, close, i, speaker.id(), speaker.name(), -1, -1));
            }
        }
        List<Entity> counted = entities.values().stream().map(e -> new Entity(e.id(), e.type(), e.name(), e.aliases(),
                e.country(), e.roles(), (int) mentions.stream().filter(x -> x.entityId().equals(e.id())).count(), e.known()))
                .toList();
        List<TopicScore> topics = new ArrayList<>();
        Set<Integer> picked = new TreeSet<>();
        int k = 1 + r.nextInt(3);
        while (picked.size() < k) {
            picked.add(Math.min(TOPICS.length - 1, (int) Math.abs(r.nextGaussian() * 3)));
        }
        double score = 0.95;
        for (int t : picked) {
            topics.add(new TopicScore(TOPICS[t], score));
            score -= 0.25;
        }
        LocalDate published = LocalDate.of(2016, 1, 1).plusDays(r.nextInt(3653));
        String title = sentenceList.isEmpty() ? "" : text.substring(sentenceList.get(0).start(),
                Math.min(sentenceList.get(0).end(), sentenceList.get(0).start() + 90));
        ArticleContent content = new ArticleContent(title, text.toString(), "source" + r.nextInt(40) + ".example",
                "https://news.example/" + id, null, "en", 0.99, published, "header", "h" + id, CleaningRecord.NONE, null);
        double tone = r.nextDouble() * 2 - 1;
        List<CodedEvent> events = events(new Random(r.nextLong()), text, sentenceList, mentions, entities, published);
        Annotations a = new Annotations(sentenceList, mentions, counted, List.of(), List.of(), quotes, topics,
                tone, new DocumentDate(published, false, "article"), events);
        return new ArticleEnriched(UUID.randomUUID(), SchemaVersion.CURRENT, occurredAt, id, pipelineVersion, content, a);
    }

    /**
     * Half the sentences naming two different countries or people get an event between the first two (drawn last, from
     * their own generator, so that the rest of the corpus is what it was before events were added).
     */
    private static List<CodedEvent> events(Random r, CharSequence text, List<Sentence> sentences,
            List<EntityMention> mentions, Map<String, Entity> entities, LocalDate published) {
        List<CodedEvent> events = new ArrayList<>();
        for (Sentence s : sentences) {
            List<EntityMention> actors = new ArrayList<>();
            for (EntityMention m : mentions) {
                boolean actor = m.type().equals("COUNTRY") || m.type().equals("PERSON");
                if (m.sentence() == s.index() && actor && actors.stream().noneMatch(x -> x.entityId().equals(m.entityId()))) {
                    actors.add(m);
                }
            }
            if (actors.size() < 2 || r.nextDouble() >= 0.5) {
                continue;
            }
            Object[] code = CODES[r.nextInt(CODES.length)];
            int end = s.start();
            while (end < s.end() && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            events.add(new CodedEvent("s" + s.index() + "-" + code[0], List.of(actor(actors.get(0), entities)),
                    List.of(actor(actors.get(1), entities)), (String) code[0], (String) code[1], (int) code[2],
                    (double) code[3], (String) code[4], null, text.subSequence(s.start(), end).toString(), s.start(), end,
                    MODES[r.nextInt(MODES.length)], published, s.index(), 0.5 + r.nextInt(50) / 100.0));
        }
        return events;
    }

    private static EventActor actor(EntityMention m, Map<String, Entity> entities) {
        Entity e = entities.get(m.entityId());
        return new EventActor(m.entityId(), m.name(), m.type(), e == null ? null : e.country(), null, m.start(), m.end());
    }

    static UUID articleId(int i) {
        return new UUID(0x6479616400000000L | (i >>> 16), 0x8000000000000000L | i);
    }

    // ---------------------------------------------------------------- load

    void load(DataSource ds, int from, int to, int threads) throws Exception {
        ReadModelStore store = new ReadModelStore(new ObjectMapper().findAndRegisterModules());
        AtomicInteger next = new AtomicInteger(from);
        AtomicLong retries = new AtomicLong();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            done.add(pool.submit(() -> {
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                        ArticleEnriched e = article(articleId(i), new Random(1_000_003L * i), "bench-1",
                                Instant.parse("2026-01-01T00:00:00Z"));
                        apply(store, c, e, retries);
                        if (i % 10_000 == 0 && i > from) {
                            System.out.printf("  loaded %,d articles (%.0f s)%n", i, (System.nanoTime() - t0) / 1e9);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - t0) / 1e9;
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE");
        }
        System.out.printf("load: %,d articles in %.0f s = %.0f articles/s with %d writers (retried transactions: %d)%n",
                to - from, seconds, (to - from) / seconds, threads, retries.get());
        System.out.printf("read model: %,d mentions, %,d entity pairs, %,d entities, %,d coded events, database %s%n",
                count(ds, "SELECT count(*) FROM mention"), count(ds, "SELECT count(*) FROM entity_pair"),
                count(ds, "SELECT count(*) FROM entity"), count(ds, "SELECT count(*) FROM coded_event"),
                text(ds, "SELECT pg_size_pretty(pg_database_size(current_database()))"));
    }

    /** Applies and commits; a deadlock or serialisation failure (which the lock order should rule out) is counted and retried. */
    static void apply(ReadModelStore store, Connection c, ArticleEnriched e, AtomicLong retries) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                store.apply(c, e);
                c.commit();
                return;
            } catch (SQLException ex) {
                c.rollback();
                if (attempt < 5 && ("40P01".equals(ex.getSQLState()) || "40001".equals(ex.getSQLState()))) {
                    retries.incrementAndGet();
                    continue;
                }
                throw ex;
            }
        }
    }

    // ---------------------------------------------------------------- queries

    private record Timings(String name, double[] ms) {
        double p(double q) {
            double[] s = ms.clone();
            Arrays.sort(s);
            return s[Math.min(s.length - 1, (int) Math.ceil(q * s.length) - 1)];
        }
    }

    private Timings time(String name, int iterations, Supplier<Object> query) {
        for (int i = 0; i < Math.max(20, iterations / 10); i++) {
            query.get();
        }
        double[] ms = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        return new Timings(name, ms);
    }

    private List<Timings> suite(DataSource ds, int iterations) {
        SearchService search = new SearchService(ds, rankWindow);
        EntityService entities = new EntityService(ds);
        RelationService relations = new RelationService(ds);
        ArticleReader reader = new ArticleReader(ds, new ObjectMapper().findAndRegisterModules());
        EventService events = new EventService(ds, new ObjectMapper().findAndRegisterModules());
        Random r = new Random(7);
        int max = (int) Math.min(Integer.MAX_VALUE, count(ds, "SELECT count(*) FROM article"));
        List<Timings> out = new ArrayList<>();
        out.add(time("baseline: article by id (all annotations)", iterations,
                () -> reader.find(articleId(r.nextInt(max)))));
        out.add(time("search: q + entity + 1-year date range (page of 20)", iterations, () -> {
            LocalDate from = LocalDate.of(2016 + r.nextInt(10), 1, 1);
            return search.search(new SearchQuery(WORDS[r.nextInt(WORDS.length)],
                    List.of(catalog.countries.get(catalog.countryZipf.sample(r)).id()), List.of(), List.of(), List.of(),
                    List.of(), List.of(), from, from.plusYears(1).minusDays(1), SearchQuery.Sort.RELEVANCE), 20, null, List.of());
        }));
        out.add(time("search: entity + topic, newest first (page of 20)", iterations, () -> search.search(
                new SearchQuery(null, List.of(catalog.countries.get(catalog.countryZipf.sample(r)).id()), List.of(),
                        List.of(), List.of(TOPICS[r.nextInt(4)]), List.of(), List.of(), null, null, SearchQuery.Sort.DATE),
                20, null, List.of())));
        out.add(time("search: q + entity + date range, with entity/country/topic facets", Math.max(50, iterations / 3), () -> {
            LocalDate from = LocalDate.of(2016 + r.nextInt(10), 1, 1);
            return search.search(new SearchQuery(WORDS[r.nextInt(WORDS.length)],
                    List.of(catalog.countries.get(catalog.countryZipf.sample(r)).id()), List.of(), List.of(), List.of(),
                    List.of(), List.of(), from, from.plusYears(1).minusDays(1), SearchQuery.Sort.RELEVANCE), 20, null,
                    List.of("entity", "country", "topic"));
        }));
        out.add(time("entity profile (Zipf-chosen person or country)", iterations, () -> entities.profile(
                r.nextBoolean() ? catalog.countries.get(catalog.countryZipf.sample(r)).id()
                        : catalog.people.get(catalog.personZipf.sample(r)).id(), 20)));
        out.add(time("entity profile of the most-named country", iterations, () -> entities.profile(
                catalog.countries.get(0).id(), 20)));
        out.add(time("relation timeline: country pair with evidence", iterations, () -> {
            int a = catalog.countryZipf.sample(r);
            int b = catalog.countryZipf.sample(r);
            if (a == b) {
                b = (a + 1) % catalog.countries.size();
            }
            return relations.pair(catalog.countries.get(a).id(), catalog.countries.get(b).id(), null, null, 10);
        }));
        out.add(time("events: country as actor, newest first (page of 20, 3 reports)", iterations, () -> events.find(
                actorEvents(catalog.countries.get(catalog.countryZipf.sample(r)).id()), 20, null, 3)));
        out.add(time("event dyads of a country as actor (top 50)", iterations, () -> events.dyads(
                actorEvents(catalog.countries.get(catalog.countryZipf.sample(r)).id()), 50)));
        out.add(time("event dyad timeline: country pair", iterations, () -> {
            int a = catalog.countryZipf.sample(r);
            int b = catalog.countryZipf.sample(r);
            if (a == b) {
                b = (a + 1) % catalog.countries.size();
            }
            return events.timeline(catalog.countries.get(a).id(), catalog.countries.get(b).id(), actorEvents(null));
        }));
        out.add(time("entity autocomplete (3-6 letters, one typo)", iterations, () -> {
            String name = catalog.people.get(catalog.personZipf.sample(r)).name().toLowerCase(Locale.ROOT);
            String prefix = name.substring(0, Math.min(name.length(), 3 + r.nextInt(4)));
            char[] typo = prefix.toCharArray();
            typo[typo.length - 1] = (char) ('a' + r.nextInt(26));
            return entities.lookup(new String(typo), List.of(), List.of(), 10);
        }));
        return out;
    }

    private static EventQuery actorEvents(String actor) {
        return new EventQuery(actor, null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }

    void measure(DataSource ds, int iterations, int articles) {
        System.out.printf("%nqueries at %,d articles, one client, %d timed calls each (after warm-up):%n",
                count(ds, "SELECT count(*) FROM article"), iterations);
        print(suite(ds, iterations));
    }

    private static void print(List<Timings> all) {
        double base = all.get(0).p(0.5);
        System.out.printf("  %-62s %8s %8s %8s %8s %9s%n", "query", "p50 ms", "p95 ms", "p99 ms", "max ms", "p50/base");
        for (Timings t : all) {
            System.out.printf("  %-62s %8.2f %8.2f %8.2f %8.2f %9.1f%n", t.name(), t.p(0.5), t.p(0.95), t.p(0.99),
                    t.p(1.0), t.p(0.5) / base);
        }
    }

    /** Re-enriches articles (new dates, entities, topics) with concurrent writers while the queries run. */
    void concurrent(DataSource ds, int threads, int reEnrich, int iterations) throws Exception {
        ReadModelStore store = new ReadModelStore(new ObjectMapper().findAndRegisterModules());
        int max = (int) count(ds, "SELECT count(*) FROM article");
        AtomicInteger done = new AtomicInteger();
        AtomicLong retries = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        BlockingQueue<Throwable> failures = new ArrayBlockingQueue<>(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        for (int w = 0; w < threads; w++) {
            int writer = w;
            pool.submit(() -> {
                Random r = new Random(99 + writer);
                try (Connection c = ds.getConnection()) {
                    c.setAutoCommit(false);
                    while (!stop.get() && done.get() < reEnrich) {
                        // both writers draw from the same small range, so they often touch the same articles and entities
                        int i = r.nextInt(Math.min(max, 2_000));
                        ArticleEnriched e = article(articleId(i), new Random(r.nextLong()), "bench-2", Instant.now());
                        apply(store, c, e, retries);
                        done.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failures.offer(e);
                }
            });
        }
        System.out.printf("%nqueries while %d writers re-enrich articles 0..1999 (same ids, new entities/dates/topics):%n",
                threads);
        print(suite(ds, Math.max(50, iterations / 3)));
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("re-enriched %,d times in %.0f s (%.0f/s) while querying; retried transactions: %d; failures: %s%n",
                done.get(), seconds, done.get() / seconds, retries.get(), failures.isEmpty() ? "none" : failures.peek());
    }

    /** Every counter recounted from the per-article rows; "0 mismatches" when the read model is consistent. */
    static String check(DataSource ds) {
        long entities = count(ds, """
                SELECT count(*) FROM entity e LEFT JOIN (SELECT entity_id, count(*) n, sum(mention_count) m
                FROM article_entity GROUP BY 1) x ON x.entity_id = e.id
                WHERE e.article_count <> coalesce(x.n, 0) OR e.mention_count <> coalesce(x.m, 0)""");
        long months = count(ds, """
                SELECT count(*) FROM (SELECT entity_id, month, articles, mentions FROM entity_month WHERE articles <> 0
                OR mentions <> 0) m FULL JOIN (SELECT entity_id, month, count(*) n, sum(mention_count) s FROM article_entity
                GROUP BY 1, 2) x USING (entity_id, month)
                WHERE m.articles IS DISTINCT FROM x.n::int OR m.mentions IS DISTINCT FROM x.s::int""");
        long pairs = count(ds, """
                SELECT count(*) FROM (SELECT * FROM pair_month WHERE articles <> 0 OR same_sentences <> 0) m
                FULL JOIN (SELECT entity_a, entity_b, month, count(*) n, count(*) FILTER (WHERE cardinality(sentences) > 0) ss,
                sum(cardinality(sentences)) s FROM entity_pair GROUP BY 1, 2, 3) x USING (entity_a, entity_b, month)
                WHERE m.articles IS DISTINCT FROM x.n::int OR m.same_sentence_articles IS DISTINCT FROM x.ss::int
                OR m.same_sentences IS DISTINCT FROM x.s::int""");
        long totals = count(ds, """
                SELECT count(*) FROM (SELECT * FROM pair_total WHERE articles <> 0 OR same_sentences <> 0) m
                FULL JOIN (SELECT entity_a, entity_b, count(*) n, count(*) FILTER (WHERE cardinality(sentences) > 0) ss,
                sum(cardinality(sentences)) s FROM entity_pair GROUP BY 1, 2) x USING (entity_a, entity_b)
                WHERE m.articles IS DISTINCT FROM x.n::int OR m.same_sentence_articles IS DISTINCT FROM x.ss::int
                OR m.same_sentences IS DISTINCT FROM x.s::int""");
        long topics = count(ds, """
                SELECT count(*) FROM (SELECT * FROM pair_topic WHERE articles <> 0) m
                FULL JOIN (SELECT p.entity_a, p.entity_b, t.topic, count(*) n FROM entity_pair p
                JOIN article_topic t ON t.article_id = p.article_id AND t.score >= 0.2 GROUP BY 1, 2, 3) x
                USING (entity_a, entity_b, topic) WHERE m.articles IS DISTINCT FROM x.n::int""");
        long arrays = count(ds, """
                SELECT count(*) FROM article a WHERE a.entity_ids IS DISTINCT FROM
                coalesce((SELECT array_agg(entity_id ORDER BY entity_id) FROM article_entity x WHERE x.article_id = a.id), '{}')""");
        // the (entity, date) index of a search: every article_entity row carries its article's sort date (V6)
        long dates = count(ds, """
                SELECT count(*) FROM article_entity x JOIN article a ON a.id = x.article_id
                WHERE x.sort_date IS DISTINCT FROM coalesce(a.article_date, DATE '0001-01-01')""");
        long total = entities + months + pairs + totals + topics + arrays + dates;
        return total + " mismatches (entity counters " + entities + ", entity months " + months + ", pair months "
                + pairs + ", pair totals " + totals + ", pair topics " + topics + ", article filter arrays " + arrays
                + ", entity dates " + dates + ")";
    }

    // ---------------------------------------------------------------- plumbing

    /**
     * Applies the service's migrations the database does not have yet, so that a kept corpus follows the schema.
     * A corpus loaded before this bench recorded them (no {@code bench_migration}) has V1 to V3.
     */
    static void migrate(DataSource ds, Path dir) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); var files = Files.list(dir)) {
            boolean loaded = count(ds, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'article'") > 0;
            boolean recorded = count(ds, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'bench_migration'") > 0;
            s.execute("CREATE TABLE IF NOT EXISTS bench_migration (file text PRIMARY KEY)");
            if (loaded && !recorded) {
                s.execute("INSERT INTO bench_migration VALUES ('V1__read_model.sql'), ('V2__article_metadata.sql'), "
                        + "('V3__annotations.sql')");
            }
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (count(ds, "SELECT count(*) FROM bench_migration WHERE file = '" + name.replace("'", "''") + "'") == 0) {
                    System.out.println("# migration " + name);
                    s.execute(Files.readString(f));
                    s.execute("INSERT INTO bench_migration VALUES ('" + name.replace("'", "''") + "')");
                }
            }
        }
    }

    static long count(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(DataSource ds, String sql) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A minimal connection pool: close() hands the connection back, as the service's Agroal pool does. */
    static DataSource pool(String url, int size) throws SQLException {
        BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            idle.add(DriverManager.getConnection(url, "postgres", "postgres"));
        }
        return (DataSource) Proxy.newProxyInstance(QueryBench.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, margs) -> {
                    if (!method.getName().equals("getConnection")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Connection real = idle.take();
                    return Proxy.newProxyInstance(QueryBench.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> {
                                if (m.getName().equals("close")) {
                                    if (!real.getAutoCommit()) {
                                        real.rollback();
                                        real.setAutoCommit(true);
                                    }
                                    idle.put(real);
                                    return null;
                                }
                                try {
                                    return m.invoke(real, a);
                                } catch (java.lang.reflect.InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            });
                });
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> opt = new HashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                opt.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else {
                throw new IllegalArgumentException("options are --name=value: articles, measure-at, threads, iterations, seeds, work, jdbc, rank-window");
            }
        }
        return opt;
    }
}
