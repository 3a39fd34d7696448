// Ingest benchmark: N synthetic articles by NDJSON batch and by single POSTs, against the platform as
// `./dyad up` runs it (real PostgreSQL, Kafka, Keycloak). Prints articles/s accepted and published, and
// p50/p95 latency of a single POST; single POSTs are the baseline of the batch figures in the same run.
//
//   ./dyad up --no-seed
//   java -cp '.dyad/lib/infra/*' bench/ingest/IngestBench.java [articles] [batch-lines] [single-concurrency] [corpus]
//
// Defaults: 10000 articles, 1000 lines a batch request, 4 concurrent single POSTs (0: batch only), corpus "news".
// corpus "news": articles of 8-30 seed sentences in which about a quarter of the words are swapped for other
//   words of the seeds, so two articles share few word shingles (as two stories of a news stream do), and one
//   article in ten is a lightly edited copy of an earlier one of the run (a syndicated copy: a near duplicate).
// corpus "overlap": articles of 8-30 whole seed sentences (the first version of this bench): any two articles
//   share several sentences, so every article is a weak near-duplicate candidate of thousands of others; the
//   worst case of the LSH candidate look-up, not a news stream.
// None is an exact duplicate (each has a unique tag).
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

public class IngestBench {

    static final String GATEWAY = System.getenv().getOrDefault("DYAD_BENCH_URL", "http://127.0.0.1:8080");
    static final String KEYCLOAK = System.getenv().getOrDefault("DYAD_KEYCLOAK_URL", "http://127.0.0.1:8180");
    static final String KAFKA = System.getenv().getOrDefault("DYAD_KAFKA", "127.0.0.1:9092");
    static final String SECRET = System.getenv().getOrDefault("DYAD_INGEST_CLIENT_SECRET", "dyad-ingest-secret");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int linesPerBatch = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        String corpus = args.length > 3 ? args[3] : "news";
        if (!corpus.equals("news") && !corpus.equals("overlap")) {
            throw new IllegalArgumentException("corpus is news or overlap: " + corpus);
        }
        System.out.printf("command: java -cp '.dyad/lib/infra/*' bench/ingest/IngestBench.java %d %d %d %s%n",
                articles, linesPerBatch, concurrency, corpus);
        System.out.printf("target: %s (Kafka %s), %d cores%n", GATEWAY, KAFKA, Runtime.getRuntime().availableProcessors());

        List<String> sentences = sentences(Path.of("seeds"));
        Corpus texts = new Corpus(sentences, corpus.equals("news"));
        String run = UUID.randomUUID().toString().substring(0, 8);
        // seeded by the run, so a second run against the same database makes new articles, not duplicates
        Random random = new Random(run.hashCode());

        try (Published published = new Published()) {
            // batch
            List<String> batchBodies = new ArrayList<>();
            for (int i = 0; i < articles; i++) {
                batchBodies.add(texts.next(random, run + "-b" + i));
            }
            Set<String> batchIds = ConcurrentHashMap.newKeySet();
            java.util.Map<String, Double> cpu0 = Cpu.now();
            long wall0 = System.currentTimeMillis();
            long t0 = System.nanoTime();
            for (int from = 0; from < articles; from += linesPerBatch) {
                StringBuilder ndjson = new StringBuilder();
                for (String body : batchBodies.subList(from, Math.min(articles, from + linesPerBatch))) {
                    ndjson.append("{\"body\":").append(quote(body)).append("}\n");
                }
                HttpResponse<String> answer = post("/api/v1/articles/batch", "application/x-ndjson", ndjson.toString());
                // only new articles are published; a line answered 200 names an article stored before
                for (String line : answer.body().split("\n")) {
                    Matcher m = ID.matcher(line);
                    if (line.contains("\"status\":202") && m.find()) {
                        batchIds.add(m.group(1));
                    }
                }
            }
            double batchAccept = seconds(t0);
            Cpu.report(cpu0, Cpu.now(), batchIds.size());
            double batchPublish = published.awaitAll(batchIds, wall0);
            report("batch (NDJSON, " + linesPerBatch + " lines a request)", batchIds.size(), batchAccept, batchPublish);

            if (concurrency == 0) {
                return; // batch only (for profiling)
            }
            // single POSTs: the baseline
            List<String> singleBodies = new ArrayList<>();
            for (int i = 0; i < articles; i++) {
                singleBodies.add(texts.next(random, run + "-s" + i));
            }
            Set<String> singleIds = ConcurrentHashMap.newKeySet();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            long wall1 = System.currentTimeMillis();
            long t1 = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (String body : singleBodies) {
                futures.add(pool.submit(() -> {
                    long s = System.nanoTime();
                    HttpResponse<String> answer = post("/api/v1/articles", "text/plain; charset=UTF-8", body);
                    latencies.add(System.nanoTime() - s);
                    Matcher m = ID.matcher(answer.body());
                    if (answer.statusCode() == 202 && m.find()) {
                        singleIds.add(m.group(1));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            double singleAccept = seconds(t1);
            double singlePublish = published.awaitAll(singleIds, wall1);
            report("single POSTs (" + concurrency + " concurrent)", singleIds.size(), singleAccept, singlePublish);

            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("single POST latency: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms (%d requests)%n",
                    pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.size());
            System.out.printf("ratio batch/single accepted per second: %.2f; published per second: %.2f%n",
                    (batchIds.size() / batchAccept) / (singleIds.size() / singleAccept),
                    (batchIds.size() / batchPublish) / (singleIds.size() / singlePublish));
        }
    }

    static void report(String what, int n, double accept, double publish) {
        System.out.printf("%-40s %6d articles: accepted %7.0f/s (%.1f s), published %7.0f/s (%.1f s after the first request)%n",
                what, n, n / accept, accept, n / publish, publish);
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? Double.NaN : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static volatile String token;
    static volatile long tokenAt;

    static String token() throws IOException, InterruptedException {
        if (token == null || System.nanoTime() - tokenAt > Duration.ofMinutes(4).toNanos()) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                            URI.create(KEYCLOAK + "/realms/dyad/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=client_credentials&client_id=dyad-ingest&client_secret=" + SECRET))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
            if (!m.find()) {
                throw new IllegalStateException("no token from Keycloak: " + answer.statusCode());
            }
            token = m.group(1);
            tokenAt = System.nanoTime();
        }
        return token;
    }

    static HttpResponse<String> post(String path, String type, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(GATEWAY + path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    static List<String> sentences(Path seeds) throws IOException {
        List<String> all = new ArrayList<>();
        try (var files = Files.list(seeds)) {
            for (Path f : files.sorted().toList()) {
                for (String s : Files.readString(f).split("(?<=[.!?”])\\s+")) {
                    if (s.split(" ").length >= 6) {
                        all.add(s.strip());
                    }
                }
            }
        }
        return all;
    }

    /** 8 to 30 seed sentences in random order, in paragraphs of 2 to 4, with a unique tag. */
    /** The bench's articles: see the header for the two corpora. */
    static final class Corpus {
        private final List<String> sentences;
        private final boolean news;
        private final List<String> words = new ArrayList<>();
        private final List<String> made = new ArrayList<>();

        Corpus(List<String> sentences, boolean news) {
            this.sentences = sentences;
            this.news = news;
            for (String sentence : sentences) {
                for (String word : sentence.split("\\s+")) {
                    if (word.chars().allMatch(Character::isLetter)) {
                        words.add(word);
                    }
                }
            }
        }

        String next(Random random, String tag) {
            String text;
            if (news && !made.isEmpty() && random.nextInt(10) == 0) {
                text = edited(made.get(random.nextInt(made.size())), random);
            } else {
                int n = 8 + random.nextInt(23);
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    String sentence = sentences.get(random.nextInt(sentences.size()));
                    b.append(news ? swapped(sentence, random, 4) : sentence);
                    b.append(i % 3 == 2 ? "\n\n" : " ");
                }
                text = b.toString();
                if (news) {
                    made.add(text);
                }
            }
            return text + "Reference " + tag + ".";
        }

        /** A light edit: one word in thirty swapped, as a syndicating desk does. */
        private String edited(String text, Random random) {
            return swapped(text, random, 30);
        }

        /** The text with about one word in {@code every} swapped for a random word of the seeds. */
        private String swapped(String text, Random random, int every) {
            StringBuilder b = new StringBuilder(text.length() + 16);
            for (String token : text.split("(?<= )")) {
                if (random.nextInt(every) == 0 && token.strip().chars().allMatch(Character::isLetter)) {
                    b.append(words.get(random.nextInt(words.size()))).append(token.endsWith(" ") ? " " : "");
                } else {
                    b.append(token);
                }
            }
            return b.toString();
        }
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    /**
     * CPU seconds used by each local component (the pid files of {@code ./dyad up} in .dyad/run, each with its
     * child processes, e.g. PostgreSQL's backends) and by this client, from Linux's /proc: where the time of the
     * batch requests goes when everything shares the machine's cores.
     */
    static final class Cpu {
        static final double HZ = 100; // USER_HZ, 100 on Linux

        static java.util.Map<String, Double> now() {
            java.util.Map<String, Double> out = new java.util.TreeMap<>();
            Path run = Path.of(System.getenv().getOrDefault("DYAD_HOME", ".dyad"), "run");
            java.util.Map<Long, Long> parents = new java.util.HashMap<>();
            java.util.Map<Long, Double> own = new java.util.HashMap<>();
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : procs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                    try {
                        String stat = Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long pid = Long.parseLong(p.getFileName().toString());
                        parents.put(pid, Long.parseLong(f[1]));
                        own.put(pid, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / HZ);
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
                if (Files.isDirectory(run)) {
                    try (var pids = Files.list(run)) {
                        for (Path pidFile : pids.filter(f -> f.toString().endsWith(".pid")).toList()) {
                            long root = Long.parseLong(Files.readString(pidFile).strip());
                            Path postmaster = run.resolveSibling("pg/data/postmaster.pid");
                            if (pidFile.getFileName().toString().equals("postgres.pid") && Files.exists(postmaster)) {
                                // the postmaster runs detached from its launcher: its own pid file names it
                                root = Long.parseLong(Files.readAllLines(postmaster).get(0).strip());
                            }
                            double sum = 0;
                            for (var e : own.entrySet()) {
                                for (long q = e.getKey(); q > 1; q = parents.getOrDefault(q, 0L)) {
                                    if (q == root) {
                                        sum += e.getValue();
                                        break;
                                    }
                                }
                            }
                            out.put(pidFile.getFileName().toString().replace(".pid", ""), sum);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                return out; // not Linux, or no ./dyad up here: no breakdown
            }
            out.put("this client", own.getOrDefault(ProcessHandle.current().pid(), 0.0));
            return out;
        }

        static void report(java.util.Map<String, Double> before, java.util.Map<String, Double> after, int articles) {
            if (after.size() <= 1 || articles == 0) {
                return;
            }
            StringBuilder b = new StringBuilder("cpu during the batch requests (s, ms an article):");
            for (var e : after.entrySet()) {
                double used = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
                if (used > 0.05) {
                    b.append(String.format(" %s %.1f (%.2f)", e.getKey(), used, used * 1000 / articles));
                }
            }
            System.out.println(b);
        }
    }

    /** Watches articles.ingested from its end at start-up and tells when given article ids were all published. */
    static final class Published implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final Set<String> seen = new HashSet<>();
        private final java.util.Map<String, Long> seenAt = new java.util.HashMap<>();

        Published() {
            Properties p = new Properties();
            p.put("bootstrap.servers", KAFKA);
            p.put("key.deserializer", StringDeserializer.class.getName());
            p.put("value.deserializer", StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(p);
            List<TopicPartition> parts = consumer.partitionsFor("articles.ingested", Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position);
        }

        /** Seconds from {@code since} (epoch ms) until the last of the ids was published (NaN if some never were). */
        double awaitAll(Set<String> ids, long since) {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            long last = since;
            while (!seen.containsAll(ids) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (seen.add(r.key())) {
                        seenAt.put(r.key(), r.timestamp()); // when the relay's producer sent it
                    }
                }
            }
            if (!seen.containsAll(ids)) {
                return Double.NaN;
            }
            for (String id : ids) {
                last = Math.max(last, seenAt.get(id));
            }
            return (last - since) / 1e3;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
