package org.dyad.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft) run as a child process from the jars that
 * {@code deploy/local} copies into {@code .dyad/lib/infra}, the same broker {@code ./dyad up} runs.
 * It can be stopped and started again on the same port and log directory, so tests can prove
 * that nothing is lost while the broker is down.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path workDir;
    private final Path libDir;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBroker(Path workDir, Path libDir, int port, int controllerPort) {
        this.workDir = workDir;
        this.libDir = libDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats a fresh log directory and starts a broker on free loopback ports. */
    public static KafkaBroker startNew() {
        Path lib = infraLibDir();
        try {
            Path work = Files.createTempDirectory("dyad-kafka-");
            KafkaBroker broker = new KafkaBroker(work, lib, freePort(), freePort());
            broker.format();
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code bootstrap.servers} value of this broker. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker process (again) and waits until it answers metadata requests. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = java("kafka.Kafka", workDir.resolve("server.properties").toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("broker.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka", e);
        }
        awaitReady();
    }

    /** Stops the broker process, keeping its data, as an operator's restart would. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        awaitPortClosed();
    }

    @Override
    public void close() {
        stop();
    }

    private void format() throws IOException {
        Properties props = new Properties();
        props.setProperty("process.roles", "broker,controller");
        props.setProperty("node.id", "1");
        props.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.setProperty("controller.listener.names", "CONTROLLER");
        props.setProperty("inter.broker.listener.name", "PLAINTEXT");
        props.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        props.setProperty("log.dirs", workDir.resolve("data").toString());
        props.setProperty("num.partitions", "2");
        props.setProperty("auto.create.topics.enable", "true");
        props.setProperty("offsets.topic.replication.factor", "1");
        props.setProperty("offsets.topic.num.partitions", "4");
        props.setProperty("transaction.state.log.replication.factor", "1");
        props.setProperty("transaction.state.log.min.isr", "1");
        props.setProperty("share.coordinator.state.topic.replication.factor", "1");
        props.setProperty("share.coordinator.state.topic.min.isr", "1");
        props.setProperty("group.initial.rebalance.delay.ms", "0");
        Path config = workDir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(config)) {
            props.store(out, "Dyad test broker");
        }
        try {
            Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve("format.log").toFile()))
                    .start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed; see " + workDir.resolve("format.log"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ProcessBuilder java(String mainClass, String... args) {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new java.util.ArrayList<>(List.of(javaBin, "-Xms128m", "-Xmx512m",
                "-XX:+UseSerialGC", "-cp", libDir.toAbsolutePath() + "/*", mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited early; see " + workDir.resolve("broker.log"));
            }
            if (portOpen()) {
                try (Admin admin = Admin.create(props)) {
                    admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                    return;
                } catch (Exception notYet) {
                    // the listener is open before the broker has caught up with the controller
                }
            }
            sleep(200);
        }
        throw new IllegalStateException("Kafka not ready within " + START_TIMEOUT + "; see " + workDir.resolve("broker.log"));
    }

    private void awaitPortClosed() {
        Instant deadline = Instant.now().plusSeconds(15);
        while (portOpen() && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
    }

    private boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The folder of broker jars: {@code -Ddyad.home} (set by the root pom), else {@code .dyad} above the working dir. */
    static Path infraLibDir() {
        String home = System.getProperty("dyad.home");
        Path lib = null;
        if (home != null && !home.isBlank()) {
            lib = Path.of(home, "lib", "infra");
        } else {
            for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve(".dyad/lib/infra"))) {
                    lib = dir.resolve(".dyad/lib/infra");
                    break;
                }
            }
        }
        if (lib == null || !Files.isRegularFile(lib.resolve("kafka_2.13-4.3.1.jar"))) {
            throw new IllegalStateException("Kafka jars not found in " + lib
                    + ": run `./dyad build` (or `mvn -f deploy/local/pom.xml generate-resources`) first");
        }
        return lib;
    }
}
