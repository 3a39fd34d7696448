package org.dyad.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The readers the parity test relies on see every key, on sample sources with each shape they must handle. */
class ServiceConfigTest {

    @Test
    void mappingReaderFindsPlainRenamedNestedAndOptionalKeysWithTheirDefaults() {
        Map<String, String> keys = ServiceConfig.mappedKeys(Path.of("src/test/resources/mapping-sample"));
        assertThat(keys).containsOnly(
                entry("sample.svc.max-article-bytes", "2097152"),
                entry("sample.svc.base-url", "http://127.0.0.1:1"),
                entry("sample.svc.api-key", null),
                entry("sample.svc.hosts", null),
                entry("sample.svc.outbox.poll-interval", "${SAMPLE_POLL:1s}"),
                entry("sample.svc.outbox.retry.max-attempts", "3"),
                entry("sample.svc.retry.max-attempts", "3"),
                entry("sample.svc.labels.*", null));
    }

    @Test
    void environmentNamesFollowMicroProfileConfig() {
        assertThat(ServiceConfig.envName("mp.messaging.incoming.articles-ingested.topic"))
                .isEqualTo("MP_MESSAGING_INCOMING_ARTICLES_INGESTED_TOPIC");
        assertThat(ServiceConfig.kebab("maxArticleBytes")).isEqualTo("max-article-bytes");
        assertThat(ServiceConfig.kebab("ingestURL")).isEqualTo("ingest-url");
    }

    @Test
    void localRuntimeReaderTakesEveryExportedNameOfRunService() {
        String script = """
                other() {
                  export NOT_THIS=1
                }
                run_service() {
                  local name=$1
                  export QUARKUS_HTTP_PORT QUARKUS_HTTP_HOST=127.0.0.1 # loopback only
                  if [[ -n $db ]]; then export QUARKUS_DATASOURCE_JDBC_URL=jdbc:x; fi
                  export A_URL=http://x B_URL=http://y
                  exec java -jar x.jar
                }
                """;
        assertThat(ServiceConfig.localRuntimeEnv(script))
                .containsExactly("QUARKUS_HTTP_PORT", "QUARKUS_HTTP_HOST", "QUARKUS_DATASOURCE_JDBC_URL", "A_URL", "B_URL");
    }
}
