package org.dyad.gateway.service;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import org.dyad.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * Sends a caller's request on to a service and returns its response unchanged. Blocking: callers run on
 * worker threads. The caller's bearer token goes along, because every service checks it again.
 */
@ApplicationScoped
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);

    /** Problem type when a service cannot be reached. */
    public static final String SERVICE_UNAVAILABLE = "urn:dyad:problem:service-unavailable";
    /** Problem type when a service does not answer in time. */
    public static final String GATEWAY_TIMEOUT = "urn:dyad:problem:gateway-timeout";

    private final GatewayConfig config;
    // One client for all requests: it owns the connection pool.
    private final HttpClient client;

    private final OpenTelemetry openTelemetry;

    Forwarder(GatewayConfig config, OpenTelemetry openTelemetry) {
        this.config = config;
        this.openTelemetry = openTelemetry;
        // HTTP/1.1: the services speak it, and it spares an h2c upgrade attempt on every new connection.
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends {@code method pathAndQuery} to {@code backend} with the given headers (absent values are left out)
     * and body, and returns the response.
     *
     * @throws HttpProblem 502 when the service cannot be reached, 504 when it does not answer in time
     */
    public Relayed forward(Backend backend, String method, String pathAndQuery, Map<String, String> headers,
            byte[] body) {
        URI target = URI.create(baseUrl(backend) + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(config.requestTimeout())
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        // The trace goes on into the service (W3C traceparent); a no-op while tracing is off.
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), request,
                (carrier, key, value) -> carrier.header(key, value));
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Relayed(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type"), response.headers().firstValue("Location"),
                    response.headers().firstValue("Retry-After"));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unavailable(backend, method, target, e);
        } catch (HttpTimeoutException e) {
            LOG.warnf("%s %s: no answer from %s within %s", method, target, backend.serviceName(),
                    config.requestTimeout());
            throw HttpProblem.builder()
                    .withType(URI.create(GATEWAY_TIMEOUT))
                    .withStatus(504)
                    .withTitle("Gateway timeout")
                    .withDetail(backend.serviceName() + " did not answer in time; try again later.")
                    .build();
        } catch (IOException e) {
            throw unavailable(backend, method, target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(backend, method, target, e);
        }
    }

    private String baseUrl(Backend backend) {
        String base = (backend == Backend.INGEST ? config.ingestUrl() : config.queryUrl()).toString();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static HttpProblem unavailable(Backend backend, String method, URI target, Exception cause) {
        // The cause goes to the log only: callers learn which service is down, never how.
        LOG.warnf("%s %s: %s unreachable (%s)", method, target, backend.serviceName(), cause.toString());
        return HttpProblem.builder()
                .withType(URI.create(SERVICE_UNAVAILABLE))
                .withStatus(502)
                .withTitle("Service unavailable")
                .withDetail(backend.serviceName() + " cannot be reached; try again later.")
                .build();
    }
}
