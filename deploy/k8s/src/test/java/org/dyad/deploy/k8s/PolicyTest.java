package org.dyad.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules every overlay keeps: hardened workloads, one allow per caller, pinned images, no secrets in clear. */
class PolicyTest {

    private static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob");

    static Stream<String> overlays() {
        return Project.overlays().stream();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceHasAWorkloadAndEveryWorkloadIsOneOfOurs(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        assertThat(workloads(objects).stream().map(Manifests::name)).containsExactlyInAnyOrderElementsOf(Project.SERVICES);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasStartupReadinessAndLivenessProbesOnQuarkusHealth(String overlay) {
        forEachContainer(overlay, (workload, container) -> {
            assertThat(container.at("/startupProbe/httpGet/path").asText()).as(where(workload, container)).isEqualTo("/q/health/started");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(where(workload, container)).isEqualTo("/q/health/ready");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(where(workload, container)).isEqualTo("/q/health/live");
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerRequestsCpuAndMemoryAndHasAMemoryLimit(String overlay) {
        forEachContainer(overlay, (workload, container) -> {
            JsonNode resources = container.path("resources");
            assertThat(resources.at("/requests/cpu").asText()).as(where(workload, container) + " requests.cpu").isNotEmpty();
            assertThat(resources.at("/requests/memory").asText()).as(where(workload, container) + " requests.memory").isNotEmpty();
            assertThat(resources.at("/limits/memory").asText()).as(where(workload, container) + " limits.memory").isNotEmpty();
            assertThat(Quantities.bytes(resources.at("/limits/memory").asText()))
                    .as(where(workload, container) + " limit >= request")
                    .isGreaterThanOrEqualTo(Quantities.bytes(resources.at("/requests/memory").asText()));
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodRunsHardened(String overlay) {
        for (JsonNode workload : workloads(Manifests.overlay(overlay))) {
            JsonNode pod = podSpec(workload);
            String w = Manifests.id(workload);
            assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as(w + " mounts no service-account token").isFalse();
            assertThat(pod.path("serviceAccountName").asText()).as(w + " has its own ServiceAccount").isEqualTo(Manifests.name(workload));
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean(false)).as(w + " runAsNonRoot").isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).as(w + " seccomp").isEqualTo("RuntimeDefault");
            for (JsonNode container : pod.path("containers")) {
                JsonNode sc = container.path("securityContext");
                String c = where(workload, container);
                assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as(c + " allowPrivilegeEscalation").isFalse();
                assertThat(sc.path("readOnlyRootFilesystem").asBoolean(false)).as(c + " readOnlyRootFilesystem").isTrue();
                assertThat(sc.at("/capabilities/drop").toString()).as(c + " drops ALL capabilities").contains("\"ALL\"");
                assertThat(sc.at("/capabilities/add").isMissingNode() || sc.at("/capabilities/add").isEmpty()).as(c + " adds none").isTrue();
                JsonNode tmp = mountAt(container, "/tmp");
                assertThat(tmp).as(c + " mounts a volume on /tmp").isNotNull();
                assertThat(volume(pod, tmp.path("name").asText()).has("emptyDir"))
                        .as(c + " /tmp is an emptyDir").isTrue();
            }
        }
        for (JsonNode account : Manifests.ofKind(Manifests.overlay(overlay), "ServiceAccount")) {
            assertThat(account.path("automountServiceAccountToken").asBoolean(true)).as(Manifests.id(account)).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void namespaceDeniesEverythingByDefaultAndEveryWorkloadHasItsOwnPolicy(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        List<JsonNode> policies = Manifests.ofKind(objects, "NetworkPolicy");
        assertThat(policies).anySatisfy(p -> {
            assertThat(p.at("/spec/podSelector").isEmpty()).isTrue();
            assertThat(p.at("/spec/policyTypes").toString()).contains("Ingress").contains("Egress");
            assertThat(p.at("/spec/ingress").isMissingNode() && p.at("/spec/egress").isMissingNode()).isTrue();
        });
        for (JsonNode workload : workloads(objects)) {
            JsonNode labels = podTemplate(workload).at("/metadata/labels");
            List<JsonNode> own = policies.stream()
                    .filter(p -> !p.at("/spec/podSelector/matchLabels").isEmpty())
                    .filter(p -> selects(p.at("/spec/podSelector/matchLabels"), labels))
                    .toList();
            assertThat(own).as(Manifests.id(workload) + " has a NetworkPolicy of its own").isNotEmpty();
            assertThat(own).allSatisfy(p -> assertThat(p.at("/spec/policyTypes").toString()).contains("Ingress").contains("Egress"));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayAndTheLoginPageAreReachableFromOutside(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        for (JsonNode service : Manifests.ofKind(objects, "Service")) {
            assertThat(service.at("/spec/type").asText("ClusterIP")).as(Manifests.id(service)).isEqualTo("ClusterIP");
        }
        Set<String> backends = new TreeSet<>();
        for (JsonNode ingress : Manifests.ofKind(objects, "Ingress")) {
            Set<String> tlsHosts = new TreeSet<>();
            ingress.at("/spec/tls").forEach(t -> t.path("hosts").forEach(h -> tlsHosts.add(h.asText())));
            for (JsonNode rule : ingress.at("/spec/rules")) {
                assertThat(tlsHosts).as(Manifests.id(ingress) + " serves " + rule.path("host").asText() + " over TLS").contains(rule.path("host").asText());
                rule.at("/http/paths").forEach(p -> backends.add(p.at("/backend/service/name").asText()));
            }
        }
        assertThat(backends).containsExactlyInAnyOrder("gateway", "dyad-keycloak-service");
        // and of our workloads only the gateway lets the ingress controller in
        for (JsonNode policy : Manifests.ofKind(objects, "NetworkPolicy")) {
            String selected = policy.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name").asText();
            if (Project.SERVICES.contains(selected) && !selected.equals("gateway")) {
                assertThat(policy.at("/spec/ingress").toString()).as(Manifests.id(policy)).doesNotContain("ingress-nginx");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyImageIsPinnedByTagOrDigestAndNoneIsLatest(String overlay) {
        List<String> images = new ArrayList<>();
        Manifests.overlay(overlay).forEach(o -> collect(o, Set.of("image", "imageName"), images));
        assertThat(images).isNotEmpty().allSatisfy(image -> {
            String afterSlash = image.substring(image.lastIndexOf('/') + 1);
            boolean digest = image.contains("@sha256:");
            boolean tag = afterSlash.contains(":") && !afterSlash.endsWith(":latest");
            assertThat(digest || tag).as(image + " is pinned (a tag that is not latest, or a digest)").isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretIsCommittedInClear(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        assertThat(Manifests.ofKind(objects, "Secret")).as("Secrets are created by the operator, never rendered").isEmpty();
        for (JsonNode cm : Manifests.ofKind(objects, "ConfigMap")) {
            cm.path("data").fieldNames().forEachRemaining(key ->
                    assertThat(key).as(Manifests.id(cm) + " holds no credential").doesNotContainPattern("(?i)password|secret|token|credential"));
        }
        forEachContainer(overlay, (workload, container) -> container.path("env").forEach(e -> {
            if (e.path("name").asText().matches("(?i).*(password|secret|token).*")) {
                assertThat(e.has("value")).as(where(workload, container) + " " + e.path("name").asText() + " comes from a Secret").isFalse();
            }
        }));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretReferencedIsDocumentedForTheOperator(String overlay) throws Exception {
        String readme = java.nio.file.Files.readString(Project.k8s().resolve("README.md"));
        Set<String> secrets = new TreeSet<>();
        Manifests.overlay(overlay).forEach(o -> secretNames(o, false, secrets));
        assertThat(secrets).isNotEmpty().allSatisfy(s -> assertThat(readme).as("README.md tells how to create " + s).contains(s));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyWorkloadHasAPodDisruptionBudget(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        List<JsonNode> pdbs = Manifests.ofKind(objects, "PodDisruptionBudget");
        for (JsonNode workload : workloads(objects)) {
            JsonNode labels = podTemplate(workload).at("/metadata/labels");
            assertThat(pdbs).as(Manifests.id(workload)).anySatisfy(p -> assertThat(selects(p.at("/spec/selector/matchLabels"), labels)).isTrue());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void nlpScalesOnConsumerLagUpToThePartitionsOfTheTopicItReads(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        JsonNode scaled = Manifests.get(objects, "ScaledObject", "nlp-service");
        assertThat(scaled.at("/spec/scaleTargetRef/name").asText()).isEqualTo("nlp-service");
        assertThat(scaled.at("/spec/minReplicaCount").asInt()).isEqualTo(1);
        JsonNode trigger = scaled.at("/spec/triggers/0");
        assertThat(trigger.path("type").asText()).isEqualTo("kafka");
        // the lag KEDA watches is that of the group and topic nlp-service really consumes
        Map<String, String> props = ServiceConfig.properties("nlp-service");
        String channel = props.keySet().stream().filter(k -> k.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")).findFirst().orElseThrow();
        String prefix = channel.substring(0, channel.length() - "topic".length());
        assertThat(trigger.at("/metadata/topic").asText()).isEqualTo(props.get(channel));
        assertThat(trigger.at("/metadata/consumerGroup").asText()).isEqualTo(props.get(prefix + "group.id"));
        JsonNode topic = topic(objects, props.get(channel));
        assertThat(scaled.at("/spec/maxReplicaCount").asInt()).as("max replicas = partitions of " + props.get(channel))
                .isEqualTo(topic.at("/spec/partitions").asInt());
        assertThat(Manifests.ofKind(objects, "HorizontalPodAutoscaler"))
                .noneSatisfy(h -> assertThat(h.at("/spec/scaleTargetRef/name").asText()).isEqualTo("nlp-service"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void aDeploymentWithAnAutoscalerLeavesItsReplicasToIt(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        List<String> scaled = new ArrayList<>();
        Manifests.ofKind(objects, "HorizontalPodAutoscaler").forEach(h -> scaled.add(h.at("/spec/scaleTargetRef/name").asText()));
        Manifests.ofKind(objects, "ScaledObject").forEach(s -> scaled.add(s.at("/spec/scaleTargetRef/name").asText()));
        assertThat(scaled).isNotEmpty().allSatisfy(name ->
                assertThat(Manifests.get(objects, "Deployment", name).at("/spec/replicas").isMissingNode())
                        .as(name + " sets no replicas: every apply would reset what its autoscaler chose").isTrue());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void gatewayAndQueryServiceScaleOnCpu(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        for (String service : List.of("gateway", "query-service")) {
            JsonNode hpa = Manifests.get(objects, "HorizontalPodAutoscaler", service);
            assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
            assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(service);
            assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicAServiceUsesIsDeclared(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        for (String service : Project.SERVICES) {
            ServiceConfig.properties(service).forEach((key, value) -> {
                if (key.matches("mp\\.messaging\\.(incoming|outgoing)\\.[^.]+\\.topic")) {
                    assertThat(topic(objects, value)).as(service + " uses " + value).isNotNull();
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void nlpHeapHoldsTheMeasuredCoreNlpFootprint(String overlay) {
        // RUNTIME-NOTES: tokenize,ssplit,pos,lemma,ner holds ~820 MB after GC; long articles up to ~1.5 GB.
        long measured = overlay.equals("prod") ? 1_500_000_000L : 820_000_000L;
        JsonNode container = Env.container(Manifests.overlay(overlay), "nlp-service");
        long limit = Quantities.bytes(container.at("/resources/limits/memory").asText());
        String opts = Env.of(Manifests.overlay(overlay), container).variables().get("JAVA_TOOL_OPTIONS").value();
        java.util.regex.Matcher pct = java.util.regex.Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(opts);
        assertThat(pct.find()).as("JAVA_TOOL_OPTIONS sets MaxRAMPercentage").isTrue();
        assertThat(limit * Long.parseLong(pct.group(1)) / 100).as("heap of nlp-service in " + overlay).isGreaterThanOrEqualTo(measured);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void prodRunsTwoOrMoreOfEveryRequestServingServiceSpreadOverZonesAndNodes(String overlay) {
        if (!overlay.equals("prod")) {
            return;
        }
        List<JsonNode> objects = Manifests.overlay(overlay);
        for (String service : List.of("ingest-service", "query-service", "gateway")) {
            JsonNode deployment = Manifests.get(objects, "Deployment", service);
            int replicas = Manifests.find(objects, "HorizontalPodAutoscaler", service)
                    .map(h -> h.at("/spec/minReplicas").asInt())
                    .orElse(deployment.at("/spec/replicas").asInt(1));
            assertThat(replicas).as(service + " replicas (or its HPA's minimum)").isGreaterThanOrEqualTo(2);
        }
        for (JsonNode workload : workloads(objects)) {
            assertThat(podSpec(workload).path("topologySpreadConstraints").toString()).as(Manifests.id(workload))
                    .contains("topology.kubernetes.io/zone").contains("kubernetes.io/hostname");
        }
    }

    // ------------------------------------------------------------------ helpers

    private static List<JsonNode> workloads(List<JsonNode> objects) {
        return objects.stream().filter(o -> WORKLOAD_KINDS.contains(o.path("kind").asText())).toList();
    }

    private static JsonNode podTemplate(JsonNode workload) {
        return workload.at("/spec/template");
    }

    private static JsonNode podSpec(JsonNode workload) {
        return podTemplate(workload).path("spec");
    }

    private static void forEachContainer(String overlay, java.util.function.BiConsumer<JsonNode, JsonNode> check) {
        for (JsonNode workload : workloads(Manifests.overlay(overlay))) {
            for (JsonNode container : podSpec(workload).path("containers")) {
                check.accept(workload, container);
            }
        }
    }

    private static String where(JsonNode workload, JsonNode container) {
        return Manifests.id(workload) + " container " + container.path("name").asText();
    }

    private static JsonNode mountAt(JsonNode container, String path) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (m.path("mountPath").asText().equals(path)) {
                return m;
            }
        }
        return null;
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode v : pod.path("volumes")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        return Manifests.JSON.createObjectNode();
    }

    private static boolean selects(JsonNode matchLabels, JsonNode labels) {
        for (Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return matchLabels.size() > 0;
    }

    private static JsonNode topic(List<JsonNode> objects, String topicName) {
        return Manifests.ofKind(objects, "KafkaTopic").stream()
                .filter(t -> topicName.equals(t.at("/spec/topicName").asText(Manifests.name(t))))
                .findFirst().orElse(null);
    }

    private static void collect(JsonNode node, Set<String> keys, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (keys.contains(e.getKey()) && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                } else {
                    collect(e.getValue(), keys, out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, keys, out));
        }
    }

    /** Names of the Secrets an object refers to, whatever the field: secretKeyRef, secretName, passwordSecret... */
    private static void secretNames(JsonNode node, boolean underSecretKey, Set<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String key = e.getKey();
                JsonNode v = e.getValue();
                boolean secretKey = key.toLowerCase().contains("secret") && !key.equals("secretKey");
                if (key.equals("realm") && v.isObject()) {
                    return; // the realm's own client secrets are placeholders, filled from spec.placeholders
                }
                if (underSecretKey && key.equals("name") && v.isTextual()) {
                    out.add(v.asText());
                } else if (secretKey && v.isTextual() && (key.equals("secretName") || key.equals("secret"))) {
                    out.add(v.asText());
                } else {
                    secretNames(v, secretKey, out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> secretNames(n, underSecretKey, out));
        }
    }
}
