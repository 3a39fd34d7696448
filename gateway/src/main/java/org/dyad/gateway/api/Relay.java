package org.dyad.gateway.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.dyad.gateway.service.Relayed;

/** What the resources share: the headers passed to a service, and its response passed back as it came. */
final class Relay {

    private Relay() {
    }

    /** The caller's headers a service needs: its bearer token, the request id and, for a body, the body's type. */
    static Map<String, String> headers(HttpHeaders caller) {
        Map<String, String> headers = new HashMap<>();
        headers.put(RequestIds.HEADER, caller.getHeaderString(RequestIds.HEADER));
        headers.put("Idempotency-Key", caller.getHeaderString("Idempotency-Key"));
        headers.put("Content-Location", caller.getHeaderString("Content-Location"));
        headers.put(HttpHeaders.AUTHORIZATION, caller.getHeaderString(HttpHeaders.AUTHORIZATION));
        headers.put(HttpHeaders.CONTENT_TYPE, caller.getHeaderString(HttpHeaders.CONTENT_TYPE));
        return headers;
    }

    /** {@code path} with the caller's raw query string, as sent: the service validates it. */
    static String pathAndQuery(String path, UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return path + (query == null ? "" : "?" + query);
    }

    /** A path parameter encoded again for the service's URL, so that it stays one segment. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The service's status, body, {@code Content-Type} and {@code Location}, unchanged. */
    static Response response(Relayed relayed) {
        Response.ResponseBuilder response = Response.status(relayed.status());
        if (relayed.body().length > 0) {
            response.entity(relayed.body());
        }
        relayed.contentType().ifPresent(type -> response.header(HttpHeaders.CONTENT_TYPE, type));
        relayed.location().ifPresent(location -> response.header(HttpHeaders.LOCATION, location));
        relayed.retryAfter().ifPresent(seconds -> response.header("Retry-After", seconds));
        return response.build();
    }
}
