package org.dyad.deploy.k8s;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keycloak.representations.idm.RealmRepresentation;

/** Validates one rendered object against the schema of its kind, wherever that schema comes from. */
final class Schemas {

    static final String KEYCLOAK_GROUP = "k8s.keycloak.org";

    /** Keycloak's representations, read strictly: a field RealmRepresentation does not have is an error. */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Schemas() {
    }

    /** What is wrong with {@code object}; empty if it is valid. */
    static List<String> check(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        String where = Manifests.id(object);
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return List.of(where + ": apiVersion and kind are required");
        }
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        List<String> errors = new ArrayList<>();
        if (group.equals(StrimziSchemas.GROUP)) {
            JsonNode schema = StrimziSchemas.schema(kind, version);
            if (schema == null) {
                return List.of(where + ": Strimzi has no " + kind + " at " + apiVersion);
            }
            errors.addAll(OpenApiV3Schema.check(schema, object, ""));
            errors.addAll(metadata(object));
        } else if (TypeScriptModels.packageOf(group).isPresent()) {
            List<String> found = TypeScriptModels.check(TypeScriptModels.packageOf(group).get(), version, kind, object);
            if (found == null) {
                return List.of(where + ": " + TypeScriptModels.packageOf(group).get().npm() + " has no " + kind + " at " + apiVersion);
            }
            errors.addAll(found);
        } else if (group.equals(KEYCLOAK_GROUP)) {
            errors.addAll(keycloak(kind, object));
            errors.addAll(metadata(object));
        } else {
            Optional<Method> validator = KubernetesApiSchema.validatorOf(apiVersion, kind);
            if (validator.isEmpty()) {
                return List.of(where + ": no schema for " + kind + " at " + apiVersion + " (not a Kubernetes API kind, and no operator schema)");
            }
            errors.addAll(KubernetesApiSchema.check(validator.get(), object, ""));
        }
        return errors.stream().map(e -> where + " " + e).toList();
    }

    private static List<String> metadata(JsonNode object) {
        return KubernetesApiSchema.check(KubernetesApiSchema.validatorOfModel("V1ObjectMeta").orElseThrow(),
                object.path("metadata"), ".metadata");
    }

    /**
     * The Keycloak operator publishes no artifact with its CRDs on the registries reachable here: its kinds are
     * checked where a schema exists, the realm of a KeycloakRealmImport against Keycloak's RealmRepresentation.
     */
    private static List<String> keycloak(String kind, JsonNode object) {
        if (kind.equals("KeycloakRealmImport")) {
            try {
                STRICT.treeToValue(object.path("spec").path("realm"), RealmRepresentation.class);
                return List.of();
            } catch (Exception e) {
                return List.of(".spec.realm: " + e.getMessage().lines().findFirst().orElse("") + " (Keycloak RealmRepresentation)");
            }
        }
        if (kind.equals("Keycloak")) {
            return List.of();
        }
        return List.of(": no schema for Keycloak kind " + kind);
    }
}
