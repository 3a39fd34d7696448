package org.dyad.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every overlay renders, with the pinned kubectl, into the whole platform. */
class RenderTest {

    /** Cluster-scoped kinds; everything else must land in the namespace. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    static Stream<String> overlays() {
        return Project.overlays().stream();
    }

    @Test
    void theKubectlInUseIsThePinnedOne() {
        String version = Commands.run(List.of(Kubectl.binary().toString(), "version", "--client"));
        assertThat(version).contains("Client Version: " + Kubectl.VERSION).contains("Kustomize Version: v5.");
    }

    @Test
    void bothOverlaysExist() {
        assertThat(Project.overlays()).contains("dev", "prod");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceComesWithItsObjects(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        for (String service : Project.SERVICES) {
            for (String kind : List.of("Deployment", "Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy")) {
                assertThat(Manifests.find(objects, kind, service)).as(overlay + ": " + kind + " " + service).isPresent();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theInfrastructureIsDeclaredThroughItsOperators(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        assertThat(kinds(objects)).contains("Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "Database",
                "Keycloak", "KeycloakRealmImport", "ScaledObject", "HorizontalPodAutoscaler", "Ingress");
        JsonNode pool = Manifests.ofKind(objects, "KafkaNodePool").getFirst();
        assertThat(pool.at("/spec/roles").toString()).as("KRaft: the nodes are controllers and brokers").contains("controller").contains("broker");
        assertThat(Manifests.ofKind(objects, "Database").stream().map(d -> d.at("/spec/name").asText()))
                .as("a database per owner").contains("ingest", "query", "keycloak");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyNamespacedObjectIsInTheDyadNamespace(String overlay) {
        for (JsonNode o : Manifests.overlay(overlay)) {
            if (!CLUSTER_SCOPED.contains(o.path("kind").asText())) {
                assertThat(o.at("/metadata/namespace").asText()).as(Manifests.id(o)).isEqualTo("dyad");
            }
        }
    }

    private static List<String> kinds(List<JsonNode> objects) {
        return objects.stream().map(o -> o.path("kind").asText()).distinct().toList();
    }
}
