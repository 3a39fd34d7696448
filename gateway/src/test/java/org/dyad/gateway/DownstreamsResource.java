package org.dyad.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Starts one WireMock server per service behind the gateway and points the gateway at them.
 * Fixed ports (chosen free at start) let a test stop a server and start it again at the same address.
 */
public class DownstreamsResource implements QuarkusTestResourceLifecycleManager {

    private Downstreams downstreams;

    @Override
    public Map<String, String> start() {
        downstreams = new Downstreams(server(), server());
        return Map.of(
                "dyad.gateway.ingest-url", downstreams.ingest().baseUrl(),
                "dyad.gateway.query-url", downstreams.query().baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(downstreams,
                new TestInjector.AnnotatedAndMatchesType(InjectDownstreams.class, Downstreams.class));
    }

    @Override
    public void stop() {
        if (downstreams != null) {
            downstreams.ingest().stop();
            downstreams.query().stop();
        }
    }

    private static WireMockServer server() {
        WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").port(freePort()));
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
