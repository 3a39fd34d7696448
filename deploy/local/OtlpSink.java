// A trace sink for the local runtime: an OTLP/HTTP endpoint (POST /v1/traces, protobuf) that keeps each export
// request's body as a file, so that `./dyad up --traces` can show that one article's trace crosses every service
// without running a collector. It does not decode the protobuf: the end-to-end test looks for the trace id's 16
// bytes and the services' names in the files. Point the services at a real collector instead with
// DYAD_OTLP_ENDPOINT (see ./dyad help).
//
//   java deploy/local/OtlpSink.java --port 4318 --dir .dyad/otel
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

public class OtlpSink {

    /** Files kept at most; the oldest are deleted beyond it, so a long-running platform cannot fill the disk. */
    static final int MAX_FILES = 2000;
    /** An export request's body at most (the exporter sends batches of 512 spans by default, well below this). */
    static final int MAX_BODY = 16 * 1024 * 1024;

    public static void main(String[] args) throws IOException {
        int port = 4318;
        Path dir = Path.of(".dyad/otel");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--dir" -> dir = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (--port N --dir DIR)");
            }
        }
        Files.createDirectories(dir);
        Path target = dir;
        AtomicLong count = new AtomicLong();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!"POST".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                byte[] body = read(exchange);
                if (body == null) {
                    exchange.sendResponseHeaders(413, -1);
                    return;
                }
                long n = count.incrementAndGet();
                Files.createDirectories(target); // again: the folder may have been cleared meanwhile
                Path tmp = target.resolve(String.format("export-%08d.tmp", n));
                Files.write(tmp, body);
                // whole files only: a reader never sees half a request
                Files.move(tmp, target.resolve(String.format("export-%08d.otlp", n)), StandardCopyOption.ATOMIC_MOVE);
                if (n > MAX_FILES) {
                    Files.deleteIfExists(target.resolve(String.format("export-%08d.otlp", n - MAX_FILES)));
                }
                // an empty ExportTraceServiceResponse: success, nothing rejected
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        System.out.println("OTLP/HTTP trace sink on http://127.0.0.1:" + port + " writing to " + dir.toAbsolutePath());
        System.out.println("ready");
    }

    private static byte[] read(HttpExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            in = new GZIPInputStream(in);
        }
        byte[] body = in.readNBytes(MAX_BODY + 1);
        return body.length > MAX_BODY ? null : body;
    }
}
