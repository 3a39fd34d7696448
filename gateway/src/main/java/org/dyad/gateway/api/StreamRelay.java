package org.dyad.gateway.api;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import org.dyad.gateway.config.GatewayConfig;
import org.dyad.gateway.service.Forwarder;
import org.jboss.logging.Logger;

/**
 * Relays a GET to query-service whose answer is passed through as a stream (the exports), so that a result set of
 * any size never sits in the gateway's memory.
 */
@ApplicationScoped
class StreamRelay {

    private static final Logger LOG = Logger.getLogger(StreamRelay.class);

    private final GatewayConfig config;
    // Its own client: the Forwarder reads whole bodies, an export must not.
    private final HttpClient streaming;

    StreamRelay(GatewayConfig config) {
        this.config = config;
        this.streaming = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** GET {@code pathAndQuery} of query-service; status, {@code Content-Type} and {@code Content-Disposition} come back. */
    Response get(String pathAndQuery, HttpHeaders headers) {
        String base = config.queryUrl().toString().replaceAll("/+$", "");
        URI target = URI.create(base + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(config.requestTimeout()).GET();
        Relay.headers(headers).forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        HttpResponse<InputStream> response;
        try {
            // the timeout covers the wait for the status line and headers, not the (long) body
            response = streaming.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            LOG.warnf("GET %s: no answer from query-service within %s", target, config.requestTimeout());
            throw problem(504, Forwarder.GATEWAY_TIMEOUT, "Gateway timeout", "query-service did not answer in time; try again later.");
        } catch (IOException e) {
            LOG.warnf("GET %s: query-service unreachable (%s)", target, e.toString());
            throw problem(502, Forwarder.SERVICE_UNAVAILABLE, "Service unavailable", "query-service cannot be reached; try again later.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw problem(502, Forwarder.SERVICE_UNAVAILABLE, "Service unavailable", "query-service cannot be reached; try again later.");
        }
        StreamingOutput body = out -> {
            try (InputStream in = response.body()) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder relayed = Response.status(response.statusCode()).entity(body);
        response.headers().firstValue("Content-Type").ifPresent(type -> relayed.header(HttpHeaders.CONTENT_TYPE, type));
        response.headers().firstValue("Content-Disposition").ifPresent(d -> relayed.header("Content-Disposition", d));
        return relayed.build();
    }

    private static HttpProblem problem(int status, String type, String title, String detail) {
        return HttpProblem.builder().withType(URI.create(type)).withStatus(status).withTitle(title).withDetail(detail)
                .build();
    }
}
