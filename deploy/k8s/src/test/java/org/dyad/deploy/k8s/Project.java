package org.dyad.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where things are: the repository root, the manifests, the services, the local runtime's state folder. */
final class Project {

    /** The four services, as their module folders and their Kubernetes names. */
    static final List<String> SERVICES = List.of("ingest-service", "nlp-service", "query-service", "gateway");

    private Project() {
    }

    static Path root() {
        String root = System.getProperty("dyad.root");
        Path dir = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("dyad"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root (a folder with the ./dyad script) above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    static Path home() {
        String home = System.getProperty("dyad.home");
        return home != null && !home.isBlank() ? Path.of(home) : root().resolve(".dyad");
    }

    static Path k8s() {
        return root().resolve("deploy/k8s");
    }

    static Path service(String name) {
        return root().resolve(name);
    }

    /** Every overlay: each folder under deploy/k8s/overlays with a kustomization.yaml. */
    static List<String> overlays() {
        try (var dirs = Files.list(k8s().resolve("overlays"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml")))
                    .map(d -> d.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
