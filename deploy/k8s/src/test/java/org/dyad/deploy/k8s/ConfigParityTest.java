package org.dyad.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifests cannot drift from the code: for every overlay and service, what the service reads (its
 * application.properties and @ConfigMapping interfaces, read now) is set in its ConfigMap or a Secret
 * reference, and the ConfigMap sets nothing the service does not read.
 */
class ConfigParityTest {

    static Stream<Arguments> servicesInOverlays() {
        return Project.overlays().stream().flatMap(o -> Project.SERVICES.stream().map(s -> Arguments.of(o, s)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void whatTheLocalRuntimeSetsIsSetInKubernetes(String overlay, String service) {
        assertThat(Parity.localRuntimeSettings(service, env(overlay, service))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void everyDefaultThatOnlyWorksOnOneMachineIsOverridden(String overlay, String service) {
        assertThat(Parity.machineLocalDefaults(service, env(overlay, service))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void everyServiceSettingIsInTheConfigMap(String overlay, String service) {
        assertThat(Parity.serviceSettings(service, env(overlay, service))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void credentialsComeFromSecretsOnly(String overlay, String service) {
        assertThat(Parity.credentials(service, env(overlay, service))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void kubernetesSetsNothingTheServiceDoesNotRead(String overlay, String service) {
        assertThat(Parity.unreadSettings(service, env(overlay, service))).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("servicesInOverlays")
    void containerListensOnThePortTheServiceIsGiven(String overlay, String service) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        Env env = env(overlay, service);
        String port = env.variables().containsKey("QUARKUS_HTTP_PORT")
                ? env.variables().get("QUARKUS_HTTP_PORT").value()
                : ServiceConfig.properties(service).get("quarkus.http.port");
        assertThat(Env.container(objects, service).path("ports"))
                .anySatisfy(p -> {
                    assertThat(p.path("name").asText()).isEqualTo("http");
                    assertThat(p.path("containerPort").asText()).isEqualTo(port);
                });
        assertThat(Manifests.get(objects, "Service", service).at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
    }

    // ------------------------------------------------------------------ the rules do find drift

    @Test
    void aServiceSettingMissingFromTheConfigMapIsReported() {
        String key = ServiceConfig.mappedKeys("nlp-service").keySet().iterator().next();
        Env env = without(env("prod", "nlp-service"), ServiceConfig.envName(key));
        assertThat(Parity.serviceSettings("nlp-service", env)).singleElement().asString().contains(key);
    }

    @Test
    void aSettingTheServiceNoLongerReadsIsReported() {
        Env env = with(env("prod", "query-service"), "DYAD_QUERY_SEARCH_OLD_LIMIT", new Env.Source("configmap", "query-service", "5"));
        assertThat(Parity.unreadSettings("query-service", env)).singleElement().asString().contains("DYAD_QUERY_SEARCH_OLD_LIMIT");
    }

    @Test
    void aPasswordInAConfigMapIsReported() {
        Env env = with(env("prod", "ingest-service"), "QUARKUS_DATASOURCE_PASSWORD", new Env.Source("configmap", "ingest-service", "postgres"));
        assertThat(Parity.credentials("ingest-service", env)).isNotEmpty()
                .allSatisfy(e -> assertThat(e).containsIgnoringCase("datasource").contains("configmap"));
    }

    @Test
    void aLoopbackDefaultLeftInPlaceIsReported() {
        Env env = without(env("prod", "gateway"), "DYAD_GATEWAY_QUERY_URL");
        assertThat(Parity.machineLocalDefaults("gateway", env)).singleElement().asString().contains("dyad.gateway.query-url");
    }

    @Test
    void aSettingThatBelongsToTheImageMustNotBeSetToo() {
        Env env = env("prod", "nlp-service");
        assertThat(env.fromImage()).contains("dyad.nlp.pipeline-version");
        Env overridden = with(env, "DYAD_NLP_PIPELINE_VERSION", new Env.Source("configmap", "nlp-service", "old"));
        assertThat(Parity.serviceSettings("nlp-service", overridden)).singleElement().asString().contains("belongs to the image");
    }

    @Test
    void anExpressionVariableOverridesTheKeyItFills() {
        assertThat(ServiceConfig.references("${DYAD_CORS_ORIGINS:http://127.0.0.1:8080}")).containsExactly("DYAD_CORS_ORIGINS");
        assertThat(ServiceConfig.references("${keycloak.url}/realms/quarkus/")).containsExactly("keycloak.url");
    }

    private static Env env(String overlay, String service) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        return Env.of(objects, Env.container(objects, service));
    }

    private static Env without(Env env, String var) {
        Map<String, Env.Source> vars = new LinkedHashMap<>(env.variables());
        assertThat(vars.remove(var)).as(var).isNotNull();
        return new Env(vars, env.fromImage());
    }

    private static Env with(Env env, String var, Env.Source source) {
        Map<String, Env.Source> vars = new LinkedHashMap<>(env.variables());
        vars.put(var, source);
        return new Env(vars, env.fromImage());
    }
}
