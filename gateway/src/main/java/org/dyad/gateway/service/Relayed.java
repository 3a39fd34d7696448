package org.dyad.gateway.service;

import java.util.Optional;

/** A service's response as the gateway hands it back: status, body and the headers it passes on. */
public record Relayed(int status, byte[] body, Optional<String> contentType, Optional<String> location,
        Optional<String> retryAfter) {
}
