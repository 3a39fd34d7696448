package org.dyad.query.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the identity provider answers: without it no token can be checked, so every call would fail.
 * (Kafka and PostgreSQL have their own readiness checks from their extensions.)
 */
@Readiness
@ApplicationScoped
class KeycloakReadiness implements HealthCheck {

    private final URI discovery;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    KeycloakReadiness(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        String base = authServerUrl.endsWith("/") ? authServerUrl : authServerUrl + "/";
        this.discovery = URI.create(base + ".well-known/openid-configuration");
    }

    @Override
    public HealthCheckResponse call() {
        int status;
        try {
            status = client.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            status = -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = -1;
        }
        return HealthCheckResponse.named("keycloak").status(status == 200).withData("discovery", discovery.toString())
                .withData("status", status).build();
    }
}
