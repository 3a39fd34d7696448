package org.dyad.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every object of every overlay is valid against the Kubernetes API schema or its operator's schema. */
class SchemaValidationTest {

    static Stream<String> overlays() {
        return Project.overlays().stream();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRenderedObjectMatchesItsSchema(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        assertThat(objects).isNotEmpty();
        List<String> errors = objects.stream().flatMap(o -> Schemas.check(o).stream()).toList();
        assertThat(errors).as("schema errors in overlay " + overlay).isEmpty();
    }
}
