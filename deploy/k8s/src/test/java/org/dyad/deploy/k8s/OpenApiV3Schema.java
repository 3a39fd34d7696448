package org.dyad.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Checks a value against a CRD's structural openAPIV3Schema as the API server's strict field validation
 * would: unknown fields are errors (they would be pruned), required fields, types, enums, bounds and patterns.
 */
final class OpenApiV3Schema {

    private OpenApiV3Schema() {
    }

    static List<String> check(JsonNode schema, JsonNode value, String path) {
        List<String> errors = new ArrayList<>();
        check(schema, value, path, errors);
        return errors;
    }

    private static void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                errors.add(path + ": null is not allowed");
            }
            return;
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (!value.isIntegralNumber() && !value.isTextual()) {
                errors.add(path + ": must be an integer or a string");
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> checkObject(schema, value, path, errors);
            case "array" -> {
                if (!value.isArray()) {
                    errors.add(path + ": must be an array");
                    return;
                }
                int i = 0;
                for (JsonNode item : value) {
                    if (schema.has("items")) {
                        check(schema.get("items"), item, path + "[" + i + "]", errors);
                    }
                    i++;
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    errors.add(path + ": must be a string, not " + value.getNodeType().name().toLowerCase());
                } else if (schema.has("pattern") && !java.util.regex.Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
                    errors.add(path + ": '" + value.asText() + "' does not match " + schema.get("pattern").asText());
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    errors.add(path + ": must be an integer");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    errors.add(path + ": must be a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    errors.add(path + ": must be true or false");
                }
            }
            default -> {
                // no type: anything (x-kubernetes-preserve-unknown-fields or an untyped value)
            }
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode allowed : schema.get("enum")) {
                found |= allowed.equals(value) || (allowed.isTextual() && allowed.asText().equals(value.asText()));
            }
            if (!found) {
                errors.add(path + ": '" + value.asText() + "' is not one of " + schema.get("enum"));
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
                errors.add(path + ": " + value + " is below the minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
                errors.add(path + ": " + value + " is above the maximum " + schema.get("maximum"));
            }
        }
        if (schema.has("oneOf") && value.isObject()) {
            int matching = 0;
            for (JsonNode option : schema.get("oneOf")) {
                matching += hasAll(value, option.path("required")) ? 1 : 0;
            }
            if (matching != 1) {
                errors.add(path + ": must have exactly one of the alternatives " + schema.get("oneOf") + ", has " + matching);
            }
        }
    }

    private static void checkObject(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (!value.isObject()) {
            errors.add(path + ": must be an object");
            return;
        }
        // An object schema without properties is free-form (metadata is checked by the Kubernetes API schema).
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String at = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(properties.get(field.getKey()), field.getValue(), at, errors);
            } else if (additional != null && additional.isObject()) {
                check(additional, field.getValue(), at, errors);
            } else if (properties.isObject() && !preserve && !(additional != null && additional.asBoolean(false))) {
                errors.add(at + ": unknown field (not in the schema; the API server would drop or refuse it)");
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                errors.add(path + ": required field '" + required.asText() + "' is missing");
            }
        }
    }

    private static boolean hasAll(JsonNode value, JsonNode required) {
        for (JsonNode r : required) {
            if (!value.has(r.asText())) {
                return false;
            }
        }
        return true;
    }
}
