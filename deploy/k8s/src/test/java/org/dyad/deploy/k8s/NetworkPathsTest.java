package org.dyad.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NetworkPolicies allow exactly the calls the services make: every endpoint in a service's configuration
 * (URLs, JDBC URLs, Kafka bootstrap servers) is allowed out of the caller and into the callee, and every
 * pod-to-pod allow into one of our services is such a call.
 */
class NetworkPathsTest {

    /** Services the operators create, and the pods behind them (the operators' own labels). */
    private static final Map<String, Map<String, String>> OPERATOR_SERVICES = Map.of(
            "dyad-pg-rw", Map.of("cnpg.io/cluster", "dyad-pg"),
            "dyad-pg-ro", Map.of("cnpg.io/cluster", "dyad-pg"),
            "dyad-kafka-kafka-bootstrap", Map.of("strimzi.io/cluster", "dyad-kafka", "strimzi.io/broker-role", "true"),
            "dyad-keycloak-service", Map.of("app", "keycloak", "app.kubernetes.io/instance", "dyad-keycloak",
                    "app.kubernetes.io/managed-by", "keycloak-operator"));

    private static final Pattern URL = Pattern.compile("//([a-z0-9.-]+):(\\d+)");
    private static final Pattern HOST_PORT = Pattern.compile("^([a-z0-9.-]+):(\\d+)$");

    /** One call: from a service's pods to an endpoint, on a port. */
    record Call(String from, String host, int port, Map<String, String> targetPods) {
    }

    static Stream<String> overlays() {
        return Project.overlays().stream();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyCallAServiceMakesIsAllowedOutOfTheCallerAndIntoTheCallee(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        assertThat(calls(objects)).isNotEmpty();
        assertThat(blockedCalls(objects)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyAllowIntoAServiceFromAnotherPodIsARealCall(String overlay) {
        assertThat(allowsWithoutACall(Manifests.overlay(overlay))).isEmpty();
    }

    @Test
    void aCallWithoutItsEgressAllowIsFound() {
        List<JsonNode> objects = copyOf(Manifests.overlay("prod"));
        ObjectNode gateway = (ObjectNode) Manifests.get(objects, "NetworkPolicy", "gateway");
        ((ArrayNode) gateway.at("/spec/egress")).remove(0); // ingest-service and query-service
        assertThat(blockedCalls(objects)).containsExactlyInAnyOrder(
                "gateway -> ingest-service:8080 has no egress allow", "gateway -> query-service:8080 has no egress allow");
    }

    @Test
    void anAllowForACallerThatNeverCallsIsFound() {
        List<JsonNode> objects = copyOf(Manifests.overlay("prod"));
        ObjectNode query = (ObjectNode) Manifests.get(objects, "NetworkPolicy", "query-service");
        ((ObjectNode) ((ArrayNode) query.at("/spec/ingress")).addObject().putArray("from").addObject()
                .putObject("podSelector").putObject("matchLabels")).put("app.kubernetes.io/name", "nlp-service");
        assertThat(allowsWithoutACall(objects)).singleElement().asString().contains("query-service admits {app.kubernetes.io/name=nlp-service}");
    }

    @Test
    void aKafkaPeerThatNeverUsesKafkaIsFound() {
        List<JsonNode> objects = copyOf(Manifests.overlay("prod"));
        ArrayNode peers = (ArrayNode) Manifests.get(objects, "Kafka", "dyad-kafka").at("/spec/kafka/listeners/0/networkPolicyPeers");
        peers.addObject().putObject("podSelector").putObject("matchLabels").put("app.kubernetes.io/name", "gateway");
        assertThat(allowsWithoutACall(objects)).singleElement().asString().contains("admits {app.kubernetes.io/name=gateway}");
    }

    private static List<String> blockedCalls(List<JsonNode> objects) {
        List<String> blocked = new ArrayList<>();
        for (Call call : calls(objects)) {
            Map<String, String> caller = podLabels(objects, call.from());
            if (!egressAllowed(objects, caller, call.targetPods(), call.port())) {
                blocked.add(call.from() + " -> " + call.host() + ":" + call.port() + " has no egress allow");
            }
            if (!ingressAllowed(objects, caller, call.targetPods(), call.port())) {
                blocked.add(call.from() + " -> " + call.host() + ":" + call.port() + " has no ingress allow at the callee");
            }
        }
        return blocked;
    }

    private static List<String> allowsWithoutACall(List<JsonNode> objects) {
        List<Call> calls = calls(objects);
        List<String> unused = new ArrayList<>();
        for (String target : Project.SERVICES) {
            JsonNode policy = Manifests.get(objects, "NetworkPolicy", target);
            for (JsonNode rule : policy.at("/spec/ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    if (peer.has("namespaceSelector")) {
                        continue; // callers outside the namespace: the ingress controller, Prometheus
                    }
                    Map<String, String> from = labels(peer.at("/podSelector/matchLabels"));
                    boolean real = calls.stream().anyMatch(c -> subset(from, podLabels(objects, c.from()))
                            && subset(c.targetPods(), podLabels(objects, target))
                            && allowsPort(rule, c.port()));
                    if (!real) {
                        unused.add(target + " admits " + from + " but no such caller calls it");
                    }
                }
            }
        }
        // and the peers Strimzi lets into each listener
        for (JsonNode kafka : Manifests.ofKind(objects, "Kafka")) {
            for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
                for (JsonNode peer : listener.path("networkPolicyPeers")) {
                    if (peer.has("namespaceSelector")) {
                        continue; // KEDA reads the lag from its own namespace
                    }
                    Map<String, String> from = labels(peer.at("/podSelector/matchLabels"));
                    boolean real = calls.stream().anyMatch(c -> subset(from, podLabels(objects, c.from()))
                            && c.port() == listener.path("port").asInt()
                            && subset(Map.of("strimzi.io/cluster", Manifests.name(kafka)), c.targetPods()));
                    if (!real) {
                        unused.add(Manifests.id(kafka) + " listener " + listener.path("name").asText() + " admits " + from
                                + " but no such caller calls it");
                    }
                }
            }
        }
        return unused;
    }

    private static List<JsonNode> copyOf(List<JsonNode> objects) {
        return objects.stream().map(JsonNode::deepCopy).map(JsonNode.class::cast).toList();
    }

    // ------------------------------------------------------------------ the calls, from the configuration

    private static List<Call> calls(List<JsonNode> objects) {
        List<Call> calls = new ArrayList<>();
        for (String service : Project.SERVICES) {
            Env env = Env.of(objects, Env.container(objects, service));
            Set<String> endpoints = new LinkedHashSet<>();
            env.variables().values().forEach(source -> {
                if (source.value() == null) {
                    return;
                }
                Matcher url = URL.matcher(source.value());
                while (url.find()) {
                    endpoints.add(url.group(1) + ":" + url.group(2));
                }
                for (String part : source.value().split(",")) {
                    if (HOST_PORT.matcher(part.strip()).matches()) {
                        endpoints.add(part.strip());
                    }
                }
            });
            for (String endpoint : endpoints) {
                String host = endpoint.substring(0, endpoint.lastIndexOf(':')).split("\\.")[0];
                int port = Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
                calls.add(resolve(objects, service, host, port));
            }
        }
        return calls;
    }

    private static Call resolve(List<JsonNode> objects, String from, String host, int port) {
        var own = Manifests.find(objects, "Service", host);
        if (own.isPresent()) {
            Map<String, String> pods = labels(own.get().at("/spec/selector"));
            int containerPort = port;
            for (JsonNode p : own.get().at("/spec/ports")) {
                if (p.path("port").asInt() == port) {
                    containerPort = targetPort(objects, pods, p.path("targetPort"), port);
                }
            }
            return new Call(from, host, containerPort, pods);
        }
        Map<String, String> pods = OPERATOR_SERVICES.get(host);
        assertThat(pods).as(from + " calls " + host + ":" + port + ", which is neither a Service here nor one an operator makes").isNotNull();
        return new Call(from, host, port, pods);
    }

    private static int targetPort(List<JsonNode> objects, Map<String, String> pods, JsonNode targetPort, int port) {
        if (targetPort.isInt()) {
            return targetPort.asInt();
        }
        for (JsonNode deployment : Manifests.ofKind(objects, "Deployment")) {
            if (subset(pods, labels(deployment.at("/spec/template/metadata/labels")))) {
                for (JsonNode c : deployment.at("/spec/template/spec/containers")) {
                    for (JsonNode p : c.path("ports")) {
                        if (p.path("name").asText().equals(targetPort.asText())) {
                            return p.path("containerPort").asInt();
                        }
                    }
                }
            }
        }
        return port;
    }

    // ------------------------------------------------------------------ the policies

    private static boolean egressAllowed(List<JsonNode> objects, Map<String, String> caller, Map<String, String> target, int port) {
        for (JsonNode policy : policiesSelecting(objects, caller, "Egress")) {
            for (JsonNode rule : policy.at("/spec/egress")) {
                for (JsonNode peer : rule.path("to")) {
                    if (!peer.has("namespaceSelector") && peer.has("podSelector")
                            && subset(labels(peer.at("/podSelector/matchLabels")), target) && allowsPort(rule, port)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean ingressAllowed(List<JsonNode> objects, Map<String, String> caller, Map<String, String> target, int port) {
        for (JsonNode policy : policiesSelecting(objects, target, "Ingress")) {
            for (JsonNode rule : policy.at("/spec/ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    if (!peer.has("namespaceSelector") && subset(labels(peer.at("/podSelector/matchLabels")), caller)
                            && allowsPort(rule, port)) {
                        return true;
                    }
                }
            }
        }
        // Strimzi writes the ingress policy of its listeners from the Kafka CR's networkPolicyPeers
        for (JsonNode kafka : Manifests.ofKind(objects, "Kafka")) {
            if (subset(Map.of("strimzi.io/cluster", Manifests.name(kafka)), target)) {
                for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
                    if (listener.path("port").asInt() == port) {
                        for (JsonNode peer : listener.path("networkPolicyPeers")) {
                            if (!peer.has("namespaceSelector") && subset(labels(peer.at("/podSelector/matchLabels")), caller)) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }

    private static List<JsonNode> policiesSelecting(List<JsonNode> objects, Map<String, String> pods, String type) {
        return Manifests.ofKind(objects, "NetworkPolicy").stream()
                .filter(p -> p.at("/spec/policyTypes").toString().contains(type))
                .filter(p -> selects(p.at("/spec/podSelector"), pods))
                .toList();
    }

    private static boolean selects(JsonNode selector, Map<String, String> pods) {
        if (!subset(labels(selector.path("matchLabels")), pods)) {
            return false;
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            if (expr.path("operator").asText().equals("Exists") && !pods.containsKey(expr.path("key").asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean allowsPort(JsonNode rule, int port) {
        if (!rule.has("ports")) {
            return true;
        }
        for (JsonNode p : rule.path("ports")) {
            if (p.path("port").asInt() == port) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, String> podLabels(List<JsonNode> objects, String deployment) {
        return labels(Manifests.get(objects, "Deployment", deployment).at("/spec/template/metadata/labels"));
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    private static boolean subset(Map<String, String> selector, Map<String, String> labels) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
