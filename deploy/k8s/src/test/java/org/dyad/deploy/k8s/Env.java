package org.dyad.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment a container gets in a rendered overlay, each variable with where its value comes from, and the
 * settings its ConfigMaps leave to the image on purpose (annotation {@value #FROM_IMAGE}, comma-separated keys).
 */
record Env(Map<String, Source> variables, Set<String> fromImage) {

    /** Keys that belong to the build, not to the environment (e.g. the pipeline version): never set in a ConfigMap. */
    static final String FROM_IMAGE = "dyad.org/settings-from-image";

    /** Where a variable's value comes from: a literal, a ConfigMap key, or a Secret key. */
    record Source(String kind, String name, String value) {
        boolean fromSecret() {
            return kind.equals("secret");
        }
    }

    static Env of(List<JsonNode> objects, JsonNode container) {
        Map<String, Source> vars = new LinkedHashMap<>();
        Set<String> fromImage = new TreeSet<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                String name = from.path("configMapRef").path("name").asText();
                JsonNode configMap = Manifests.get(objects, "ConfigMap", name);
                for (String key : configMap.at("/metadata/annotations").path(FROM_IMAGE).asText("").split(",")) {
                    if (!key.isBlank()) {
                        fromImage.add(key.strip());
                    }
                }
                JsonNode data = configMap.path("data");
                for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    vars.put(e.getKey(), new Source("configmap", name, e.getValue().asText()));
                }
            }
            if (from.has("secretRef")) {
                // every key of the Secret: unknown until it exists, so nothing is listed
                vars.put("*", new Source("secret", from.path("secretRef").path("name").asText(), null));
            }
        }
        for (JsonNode e : container.path("env")) {
            String name = e.path("name").asText();
            JsonNode ref = e.path("valueFrom");
            if (ref.has("secretKeyRef")) {
                vars.put(name, new Source("secret", ref.path("secretKeyRef").path("name").asText(), null));
            } else if (ref.has("configMapKeyRef")) {
                String cm = ref.path("configMapKeyRef").path("name").asText();
                vars.put(name, new Source("configmap", cm,
                        Manifests.get(objects, "ConfigMap", cm).path("data").path(ref.path("configMapKeyRef").path("key").asText()).asText()));
            } else {
                vars.put(name, new Source("literal", null, e.path("value").asText()));
            }
        }
        return new Env(vars, fromImage);
    }

    /** The container of Deployment {@code service} named like it. */
    static JsonNode container(List<JsonNode> objects, String service) {
        for (JsonNode c : Manifests.get(objects, "Deployment", service).at("/spec/template/spec/containers")) {
            if (c.path("name").asText().equals(service)) {
                return c;
            }
        }
        throw new AssertionError("Deployment " + service + " has no container " + service);
    }
}
