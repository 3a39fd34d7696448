package org.dyad.deploy.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parity rules between what a service reads (its own files, read now) and the environment its container
 * gets in an overlay. Each rule returns what is wrong, in words an operator can act on; empty when nothing is.
 */
final class Parity {

    /** Variables the JVM reads, not the service's configuration. */
    static final Set<String> JVM_ONLY = Set.of("JAVA_TOOL_OPTIONS");
    private static final Pattern MACHINE_LOCAL = Pattern.compile("127\\.0\\.0\\.1|localhost|\\[::1]");
    private static final Pattern CREDENTIAL = Pattern.compile("(?:^|[.-])(password|secret)$");

    private Parity() {
    }

    /** What ./dyad run_service sets for the service must be set in Kubernetes too. */
    static List<String> localRuntimeSettings(String service, Env env) {
        Set<String> reads = ServiceConfig.allKeys(service);
        List<String> missing = new ArrayList<>();
        for (String var : ServiceConfig.localRuntimeEnv()) {
            boolean serviceReadsIt = reads.stream().anyMatch(k -> ServiceConfig.envName(k).equals(var));
            if (serviceReadsIt && !env.variables().containsKey(var)) {
                missing.add(var + " (./dyad run_service sets it; add it to deploy/k8s/base/" + service
                        + "/configmap.yaml or a Secret reference)");
            }
        }
        return missing;
    }

    /** A base value that points at this machine (127.0.0.1, localhost) cannot be right in a cluster. */
    static List<String> machineLocalDefaults(String service, Env env) {
        List<String> missing = new ArrayList<>();
        ServiceConfig.properties(service).forEach((key, value) -> {
            boolean overridden = env.variables().containsKey(ServiceConfig.envName(key))
                    || ServiceConfig.references(value).stream().anyMatch(r -> env.variables().containsKey(ServiceConfig.envName(r)));
            if (MACHINE_LOCAL.matcher(value).find() && !overridden) {
                List<String> names = new ArrayList<>(List.of(ServiceConfig.envName(key)));
                ServiceConfig.references(value).forEach(r -> names.add(ServiceConfig.envName(r)));
                missing.add(key + "=" + value + " only works on one machine: set " + String.join(" or ", names)
                        + " in deploy/k8s/base/" + service + "/configmap.yaml");
            }
        });
        return missing;
    }

    /**
     * Every @ConfigMapping key is in the ConfigMap, where operators see and tune it, unless the ConfigMap says it
     * belongs to the image (annotation {@value Env#FROM_IMAGE}); such a key is then not set at all.
     */
    static List<String> serviceSettings(String service, Env env) {
        List<String> wrong = new ArrayList<>();
        Map<String, String> mapped = ServiceConfig.mappedKeys(service);
        mapped.forEach((key, defaultValue) -> {
            boolean set = env.variables().containsKey(ServiceConfig.envName(key));
            if (key.endsWith(".*")) {
                return;
            }
            if (env.fromImage().contains(key) && set) {
                wrong.add(key + " belongs to the image (" + Env.FROM_IMAGE + ") but " + ServiceConfig.envName(key) + " sets it");
            } else if (!env.fromImage().contains(key) && !set) {
                wrong.add(key + " (default " + defaultValue + ") needs " + ServiceConfig.envName(key)
                        + " in deploy/k8s/base/" + service + "/configmap.yaml, or its key in the annotation " + Env.FROM_IMAGE);
            }
        });
        env.fromImage().stream().filter(k -> !mapped.containsKey(k))
                .forEach(k -> wrong.add(Env.FROM_IMAGE + " names " + k + ", which " + service + " does not read"));
        return wrong;
    }

    /** Passwords and secrets come from Secret references, never from a literal or a ConfigMap. */
    static List<String> credentials(String service, Env env) {
        List<String> wrong = new ArrayList<>();
        for (String key : ServiceConfig.allKeys(service)) {
            if (CREDENTIAL.matcher(key).find()) {
                Env.Source source = env.variables().get(ServiceConfig.envName(key));
                if (source == null || !source.fromSecret()) {
                    wrong.add(key + " must come from a Secret (env valueFrom.secretKeyRef), not "
                            + (source == null ? "its built-in default" : "a " + source.kind()));
                }
            }
        }
        env.variables().forEach((name, source) -> {
            if (name.matches(".*(PASSWORD|SECRET).*") && !source.fromSecret()) {
                wrong.add(name + " is set from a " + source.kind() + ", not a Secret");
            }
        });
        return wrong;
    }

    /** Nothing is set that the service does not read: a renamed or removed key shows up here. */
    static List<String> unreadSettings(String service, Env env) {
        Set<String> reads = ServiceConfig.readVariables(service);
        return env.variables().keySet().stream()
                .filter(var -> !var.equals("*") && !JVM_ONLY.contains(var))
                .filter(var -> !reads.contains(var))
                .map(var -> var + " is set but " + service + " reads no such key (renamed or removed?)")
                .toList();
    }
}
