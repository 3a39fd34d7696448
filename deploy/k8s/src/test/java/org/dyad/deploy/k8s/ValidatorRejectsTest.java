package org.dyad.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The schema check is not a rubber stamp: for each source of schemas, a real object from the prod overlay
 * with one field misspelled, mistyped or missing is rejected, and the message names the field.
 */
class ValidatorRejectsTest {

    private static final List<JsonNode> PROD = Manifests.overlay("prod");

    @Test
    void misspelledProbeInAnOverlayOnDiskIsRejected() {
        List<JsonNode> objects = Manifests.render(Path.of("src/test/resources/broken").toAbsolutePath());
        JsonNode gateway = Manifests.get(objects, "Deployment", "gateway");
        assertThat(Schemas.check(gateway)).singleElement().asString()
                .contains("Deployment/gateway").contains("readinesProbe").contains("V1Container");
    }

    @Test
    void misspelledContainerFieldIsRejectedByTheKubernetesSchema() {
        ObjectNode deployment = copy("Deployment", "nlp-service");
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("resource", container.remove("resources"));
        assertThat(Schemas.check(deployment)).singleElement().asString().contains("resource").contains("V1Container");
    }

    @Test
    void missingRequiredFieldIsRejectedByTheKubernetesSchema() {
        ObjectNode service = copy("Service", "gateway");
        ((ObjectNode) service.at("/spec/ports/0")).remove("port");
        assertThat(Schemas.check(service)).singleElement().asString().contains("port");
    }

    @Test
    void misspelledKafkaTopicFieldIsRejectedByStrimzisSchema() {
        ObjectNode topic = copy("KafkaTopic", "articles-ingested");
        ObjectNode spec = (ObjectNode) topic.get("spec");
        spec.set("partition", spec.remove("partitions"));
        assertThat(Schemas.check(topic)).anySatisfy(e -> assertThat(e).contains(".spec.partition").contains("unknown field"));
    }

    @Test
    void wrongTypeInKafkaNodePoolIsRejectedByStrimzisSchema() {
        ObjectNode pool = copy("KafkaNodePool", "dual-role");
        ((ObjectNode) pool.get("spec")).put("replicas", "three");
        assertThat(Schemas.check(pool)).singleElement().asString().contains(".spec.replicas").contains("integer");
    }

    @Test
    void misspelledScaledObjectFieldIsRejectedByKedasModel() {
        ObjectNode scaled = copy("ScaledObject", "nlp-service");
        ObjectNode spec = (ObjectNode) scaled.get("spec");
        spec.set("maxReplicas", spec.remove("maxReplicaCount"));
        assertThat(Schemas.check(scaled)).singleElement().asString().contains(".spec.maxReplicas").contains("unknown field");
    }

    @Test
    void misspelledClusterFieldIsRejectedByCloudNativePgsModel() {
        ObjectNode cluster = copy("Cluster", "dyad-pg");
        ObjectNode spec = (ObjectNode) cluster.get("spec");
        spec.set("instance", spec.remove("instances"));
        assertThat(Schemas.check(cluster))
                .anySatisfy(e -> assertThat(e).contains(".spec.instance").contains("unknown field"))
                .anySatisfy(e -> assertThat(e).contains("required field 'instances'"));
    }

    @Test
    void kubernetesTypeInsideAnOperatorResourceIsCheckedToo() {
        ObjectNode cluster = copy("Cluster", "dyad-pg");
        ((ObjectNode) cluster.at("/spec/resources")).putObject("limit").put("memory", "1Gi");
        assertThat(Schemas.check(cluster)).singleElement().asString().contains("limit").contains("V1ResourceRequirements");
    }

    @Test
    void misspelledRealmFieldIsRejectedByKeycloaksRepresentation() {
        ObjectNode realmImport = copy("KeycloakRealmImport", "dyad");
        ObjectNode realm = (ObjectNode) realmImport.at("/spec/realm");
        realm.set("accessTokenLifeSpan", realm.remove("accessTokenLifespan"));
        assertThat(Schemas.check(realmImport)).singleElement().asString().contains("accessTokenLifeSpan");
    }

    @Test
    void unknownKindIsRejected() {
        ObjectNode thing = Manifests.JSON.createObjectNode().put("apiVersion", "example.org/v1").put("kind", "Widget");
        thing.putObject("metadata").put("name", "w");
        assertThat(Schemas.check(thing)).singleElement().asString().contains("no schema for Widget");
    }

    private static ObjectNode copy(String kind, String name) {
        return Manifests.get(PROD, kind, name).deepCopy();
    }
}
