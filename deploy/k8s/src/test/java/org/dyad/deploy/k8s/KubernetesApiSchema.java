package org.dyad.deploy.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes API schema, as the models of the official Java client (generated from the API server's
 * OpenAPI document) check it: every field known, every required field present, nested objects alike.
 */
final class KubernetesApiSchema {

    private static final String MODELS = "io.kubernetes.client.openapi.models.";

    private KubernetesApiSchema() {
    }

    /** The model class of a built-in kind, e.g. apps/v1 Deployment to V1Deployment, if the client has one. */
    static Optional<Method> validatorOf(String apiVersion, String kind) {
        String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
        return validatorOfModel(Character.toUpperCase(version.charAt(0)) + version.substring(1) + kind);
    }

    /** The validator of a model by its simple name, e.g. V1EnvVar. */
    static Optional<Method> validatorOfModel(String simpleName) {
        try {
            return Optional.of(Class.forName(MODELS + simpleName).getMethod("validateJsonElement", JsonElement.class));
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    /** What is wrong with {@code value} as an instance of the model whose validator this is; empty if nothing. */
    static List<String> check(Method validator, JsonNode value, String path) {
        try {
            validator.invoke(null, JsonParser.parseString(Manifests.JSON.writeValueAsString(value)));
            return List.of();
        } catch (InvocationTargetException e) {
            String type = validator.getDeclaringClass().getSimpleName();
            return List.of(path + ": " + shorten(e.getCause().getMessage()) + " (Kubernetes API " + type + ")");
        } catch (IllegalAccessException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The client quotes the whole offending JSON after the message; the field and the type are enough. */
    private static String shorten(String message) {
        int json = message == null ? -1 : message.indexOf(" JSON: ");
        if (json < 0) {
            json = message == null ? -1 : message.indexOf(" in the JSON string: ");
        }
        return json < 0 ? String.valueOf(message) : message.substring(0, json);
    }
}
