package org.dyad.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One article's trace, end to end: the client sends a W3C {@code traceparent}, and the spans every service exports
 * (gateway, ingest, nlp after Kafka, query after Kafka) carry its trace id. `./dyad test` starts the platform with
 * `up --traces`: the services export OTLP/HTTP to the local sink, which keeps each export request in a folder.
 * The exports are read without a protobuf library: a span's trace id is 16 raw bytes in the request, and the
 * exporting service is the request's {@code service.name} resource attribute.
 */
class TracingIT {

    private static final String OTEL_DIR = System.getProperty("dyad.otel.dir", "");
    private static final List<String> SERVICES = List.of("gateway", "ingest-service", "nlp-service", "query-service");

    @Test
    void oneArticlesTraceCrossesEveryServiceAndKafka() throws IOException {
        assumeTrue(!OTEL_DIR.isBlank(), "traces go to an external collector (DYAD_OTLP_ENDPOINT): nothing to read here");
        byte[] traceId = new byte[16];
        new SecureRandom().nextBytes(traceId);
        String trace = HexFormat.of().formatHex(traceId);
        String traceparent = "00-" + trace + "-" + HexFormat.of().formatHex(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}) + "-01";
        String text = "Pakistan and Turkey agreed on Thursday to expand defence cooperation, officials in Islamabad said. "
                + "Reference " + UUID.randomUUID() + ".";

        String id = given().auth().oauth2(Platform.ingestorToken()).header("traceparent", traceparent)
                .contentType("text/plain; charset=UTF-8").body(text)
                .when().post(Platform.GATEWAY + "/api/v1/articles")
                .then().statusCode(202).extract().path("id");
        String analyst = Platform.analystToken();
        Integer shown = Platform.await(Duration.ofSeconds(120), () -> {
            int status = given().auth().oauth2(analyst).when().get(Platform.GATEWAY + "/api/v1/articles/" + id)
                    .then().extract().statusCode();
            return status == 200 ? status : null;
        });
        assertThat(shown).as("article %s in the read model", id).isEqualTo(200);

        // the exporters send every second; wait until every service's spans of this trace have arrived
        Set<String> exporting = Platform.await(Duration.ofSeconds(30), () -> {
            Set<String> seen = servicesWithSpansOf(traceId);
            return seen.containsAll(SERVICES) ? seen : null;
        });
        assertThat(exporting == null ? servicesWithSpansOf(traceId) : exporting)
                .as("services that exported spans of trace %s (in %s)", trace, OTEL_DIR)
                .containsAll(SERVICES);
    }

    /** The names of the services whose export requests hold a span of this trace. */
    private static Set<String> servicesWithSpansOf(byte[] traceId) {
        Set<String> services = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of(OTEL_DIR))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".otlp")).toList()) {
                byte[] body = Files.readAllBytes(file);
                if (indexOf(body, traceId, 0) >= 0) {
                    String service = serviceName(body);
                    if (service != null) {
                        services.add(service);
                    }
                }
            }
        } catch (IOException e) {
            return services; // the folder is being written: try again
        }
        return services;
    }

    /**
     * The {@code service.name} of an OTLP export request: the resource attribute is a KeyValue (field 1 the key,
     * field 2 an AnyValue whose field 1 is the string), so after the key come tag 0x12, a length, tag 0x0a, a
     * length and the name.
     */
    static String serviceName(byte[] body) {
        byte[] key = "service.name".getBytes(StandardCharsets.UTF_8);
        for (int at = indexOf(body, key, 0); at >= 0; at = indexOf(body, key, at + 1)) {
            int i = at + key.length;
            if (i + 4 < body.length && body[i] == 0x12 && body[i + 2] == 0x0a) {
                int length = body[i + 3];
                if (length > 0 && i + 4 + length <= body.length) {
                    return new String(body, i + 4, length, StandardCharsets.UTF_8);
                }
            }
        }
        return null;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
