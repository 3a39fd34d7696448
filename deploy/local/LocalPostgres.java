import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local runtime's PostgreSQL: a real server from the zonky binaries on Maven Central, on a fixed
 * port with a persistent data directory, kept up until this process gets SIGTERM.
 *
 * <pre>java -Djava.io.tmpdir=.dyad/tmp -cp '.dyad/lib/infra/*' deploy/local/LocalPostgres.java \
 *      [--port 15432] [--data .dyad/pg/data] [--databases ingest,query]</pre>
 *
 * Prints a line {@code ready} once every database exists; {@code ./dyad up} waits for it.
 */
public final class LocalPostgres {

    public static void main(String[] args) throws Exception {
        int port = 15432;
        Path data = Path.of(".dyad", "pg", "data");
        List<String> databases = List.of("ingest", "query");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> { port = Integer.parseInt(required(args[i], value)); i++; }
                case "--data" -> { data = Path.of(required(args[i], value)); i++; }
                case "--databases" -> { databases = List.of(required(args[i], value).split(",")); i++; }
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (expected --port N, --data DIR, --databases a,b)");
            }
        }
        Files.createDirectories(data);

        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(data.toAbsolutePath())
                // Keep the databases between runs: ./dyad down && ./dyad up must not lose articles.
                .setCleanDataDirectory(false)
                // The first start unpacks the binaries and runs initdb, which takes longer than the default 10 s on a busy machine.
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                // The library's defaults are made for throw-away test databases (fsync and synchronous commits off);
                // the local runtime keeps what it accepted, so a crash must not lose a committed article.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                // The LSH band index is ~360 MB at 200k articles and is probed at random keys (32 an article, and
                // 32 inserts): with 256 MB each chunk of a batch read ~3,000 of its pages back from the OS cache and
                // wrote dirty ones out itself; 1 GB keeps it in PostgreSQL's cache (bench/ingest/README.md).
                .setServerConfig("shared_buffers", "1GB")
                // Server output goes to this process's stdout, i.e. the log file ./dyad gives it.
                .setOutputRedirector(ProcessBuilder.Redirect.INHERIT)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT)
                .start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                pg.close();
            } catch (Exception e) {
                System.err.println("could not stop PostgreSQL cleanly: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "postgres-stop"));

        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            for (String db : databases) {
                createIfMissing(c, db.strip());
            }
        }
        System.out.println("PostgreSQL " + pg.getJdbcUrl("postgres", "postgres") + " data " + data.toAbsolutePath());
        System.out.println("ready");
        System.out.flush();
        stopped.await();
    }

    private static void createIfMissing(Connection c, String db) throws Exception {
        if (!db.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + db);
        }
        try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            q.setString(1, db);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            // CREATE DATABASE takes no bind parameters; the name was checked above.
            s.execute("CREATE DATABASE " + db);
            System.out.println("created database " + db);
        }
    }

    private static String required(String flag, String value) {
        if (value == null) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return value;
    }
}
