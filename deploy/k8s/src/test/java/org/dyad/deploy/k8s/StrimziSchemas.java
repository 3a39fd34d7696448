package org.dyad.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CRD schemas of Strimzi's kinds, made by Strimzi's own CRD generator from its API classes (the way
 * Strimzi makes the CRDs it installs), in a child JVM because the generator's main ends with System.exit.
 */
final class StrimziSchemas {

    static final String GROUP = "kafka.strimzi.io";

    /** The Strimzi kinds the manifests may use, and their API classes. */
    private static final Map<String, String> CLASSES = Map.of(
            "Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
            "KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
            "KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic",
            "KafkaUser", "io.strimzi.api.kafka.model.user.KafkaUser");

    private static Map<String, JsonNode> crds;

    private StrimziSchemas() {
    }

    /** The openAPIV3Schema of {@code kind} at {@code version}, or null if Strimzi has no such kind or version. */
    static synchronized JsonNode schema(String kind, String version) {
        if (crds == null) {
            crds = generate();
        }
        JsonNode crd = crds.get(kind);
        if (crd == null) {
            return null;
        }
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (version.equals(v.path("name").asText())) {
                return v.path("schema").path("openAPIV3Schema");
            }
        }
        return null;
    }

    private static Map<String, JsonNode> generate() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "strimzi-crds").toAbsolutePath());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "io.strimzi.crdgenerator.CrdGenerator", "--yaml", "--crd-api-version", "v1"));
            CLASSES.forEach((kind, type) -> command.add(type + "=" + dir.resolve(kind + ".yaml")));
            Commands.run(command);
            Map<String, JsonNode> out = new HashMap<>();
            for (String kind : CLASSES.keySet()) {
                out.put(kind, Manifests.YAML.readTree(dir.resolve(kind + ".yaml").toFile()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
