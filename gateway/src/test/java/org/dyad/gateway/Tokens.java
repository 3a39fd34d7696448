package org.dyad.gateway;

import io.smallrye.jwt.build.Jwt;
import java.util.Set;

/** Bearer tokens signed with the key of the WireMock OIDC server, as Keycloak would issue them. */
final class Tokens {

    private Tokens() {
    }

    static String withRoles(String... roles) {
        return Jwt.preferredUserName("alice")
                .groups(Set.of(roles))
                .audience("dyad-api")
                .issuer("https://server.example.com")
                .sign();
    }

    /** A token issued to the OAuth client {@code clientId} (claim {@code azp}). */
    static String forClient(String clientId, String... roles) {
        return Jwt.preferredUserName("bot")
                .claim("azp", clientId)
                .groups(Set.of(roles))
                .audience("dyad-api")
                .issuer("https://server.example.com")
                .sign();
    }
}
