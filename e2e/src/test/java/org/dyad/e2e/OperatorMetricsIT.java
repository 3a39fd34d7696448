package org.dyad.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an operator scrapes, on the running platform: every service's Prometheus metrics, the consumer lag of each
 * Kafka consumer (the series KEDA-style alerts and dashboards read), and the article counters.
 */
class OperatorMetricsIT {

    private static final String NLP = System.getProperty("dyad.nlp.url", "http://127.0.0.1:8082");

    /** service URL → the topic its consumer group reads (the Kafka client labels it with dots, underscores or both). */
    private static final Map<String, String> CONSUMERS = Map.of(
            Platform.INGEST, "articles[._]enriched",
            NLP, "articles[._]ingested",
            Platform.QUERY, "articles[._]enriched");

    @Test
    void everyConsumerReportsItsLagAndTheArticleCountersMove() {
        // after the seeds went through (./dyad up loads them), every consumer has been assigned its partitions
        for (Map.Entry<String, String> consumer : CONSUMERS.entrySet()) {
            String lag = Platform.await(Duration.ofSeconds(60), () -> {
                String metrics = metrics(consumer.getKey());
                Matcher m = Pattern.compile("(?m)^kafka_consumer_fetch_manager_records_lag\\{[^}]*topic=\""
                        + consumer.getValue() + "\"[^}]*} (\\S+)( #.*)?$").matcher(metrics);
                // per partition; a partition the consumer has not fetched from yet reads NaN
                while (m.find()) {
                    if (!m.group(1).equals("NaN")) {
                        return m.group(1);
                    }
                }
                return null;
            });
            assertThat(lag).as("records lag of %s's consumer of %s", consumer.getKey(), consumer.getValue()).isNotNull();
            assertThat(Double.parseDouble(lag)).isGreaterThanOrEqualTo(0);
        }
        assertThat(counter(metrics(Platform.INGEST), "dyad_articles_ingested_total")).isPositive();
        assertThat(counter(metrics(Platform.INGEST), "dyad_articles_published_total")).isPositive();
        String nlp = metrics(NLP);
        assertThat(nlp).contains("dyad_pipeline_duration_seconds");
        // request rates and latencies per route on the services with an API (nlp-service has none: Kafka in and out)
        for (String service : List.of(Platform.GATEWAY, Platform.INGEST, Platform.QUERY)) {
            assertThat(metrics(service)).as("HTTP server metrics of %s", service).contains("http_server_requests_seconds");
        }
    }

    private static String metrics(String service) {
        return given().when().get(service + "/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of a counter's series. */
    private static double counter(String metrics, String name) {
        // with tracing on, a sample may carry an exemplar after its value: "... 5.0 # {trace_id=...} 1.0 ..."
        Matcher m = Pattern.compile("(?m)^" + name + "(\\{[^}]*})? (\\S+)( #.*)?$").matcher(metrics);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }
}
