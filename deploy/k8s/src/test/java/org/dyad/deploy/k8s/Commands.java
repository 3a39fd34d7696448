package org.dyad.deploy.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end and returns what it printed; a failure carries the command's own message. */
final class Commands {

    private Commands() {
    }

    static String run(List<String> command) {
        try {
            Path err = Files.createTempFile("dyad-k8s", ".err");
            Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes");
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            if (process.exitValue() != 0) {
                throw new CommandFailed(String.join(" ", command) + " exited " + process.exitValue() + ": " + stderr.strip());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.getFirst() + " (is it installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A command that ran and failed; its message is the command's own. */
    static final class CommandFailed extends RuntimeException {
        CommandFailed(String message) {
            super(message);
        }
    }

    /** Fetches an npm package's tarball into {@code dir} with the machine's npm (the registry's ordinary client). */
    static Path npmPack(String spec, Path dir) throws IOException {
        Files.createDirectories(dir);
        run(List.of("npm", "pack", "--silent", "--pack-destination", dir.toString(), spec));
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".tgz")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("npm pack " + spec + " left no .tgz in " + dir));
        }
    }
}
