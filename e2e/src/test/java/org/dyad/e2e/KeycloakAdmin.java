package org.dyad.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates throw-away OAuth clients in the real Keycloak through its admin API, so that the security tests can
 * get genuinely signed tokens with a short life, a wrong audience or a wrong issuer, without any test client in
 * the realm the platform ships. {@link #close} deletes them.
 */
final class KeycloakAdmin implements AutoCloseable {

    private static final String ADMIN = System.getProperty("dyad.keycloak.admin", "admin");
    private static final String ADMIN_PASSWORD = System.getProperty("dyad.keycloak.admin.password", "admin");
    private static final String REALM_ADMIN = Platform.KEYCLOAK + "/admin/realms/dyad";

    private final List<String> created = new ArrayList<>();

    /** A token of the master realm's bootstrap admin: a real Keycloak token, but of another realm. */
    static String masterRealmToken() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", ADMIN).formParam("password", ADMIN_PASSWORD)
                .when().post(Platform.KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** A confidential client of realm dyad (client credentials) whose service account has the given realm role. */
    Client client(String role, boolean audience, Map<String, String> attributes, List<Map<String, Object>> mappers) {
        String clientId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        List<Map<String, Object>> allMappers = new ArrayList<>(mappers);
        if (audience) {
            allMappers.add(Map.of("name", "audience-dyad-api", "protocol", "openid-connect",
                    "protocolMapper", "oidc-audience-mapper",
                    "config", Map.of("included.custom.audience", "dyad-api", "access.token.claim", "true",
                            "id.token.claim", "false")));
        }
        String token = masterRealmToken();
        String location = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("clientId", clientId, "enabled", true, "publicClient", false,
                        "serviceAccountsEnabled", true, "standardFlowEnabled", false, "secret", secret,
                        "attributes", attributes, "protocolMappers", allMappers))
                .when().post(REALM_ADMIN + "/clients")
                .then().statusCode(201).extract().header("Location");
        String internalId = location.substring(location.lastIndexOf('/') + 1);
        created.add(internalId);
        if (role != null) {
            String user = given().auth().oauth2(token).when()
                    .get(REALM_ADMIN + "/clients/" + internalId + "/service-account-user")
                    .then().statusCode(200).extract().path("id");
            Map<String, Object> roleRep = given().auth().oauth2(token).when().get(REALM_ADMIN + "/roles/" + role)
                    .then().statusCode(200).extract().as(Map.class);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(List.of(roleRep))
                    .when().post(REALM_ADMIN + "/users/" + user + "/role-mappings/realm")
                    .then().statusCode(204);
        }
        return new Client(clientId, secret);
    }

    @Override
    public void close() {
        if (created.isEmpty()) {
            return;
        }
        String token = masterRealmToken();
        for (String id : created) {
            given().auth().oauth2(token).when().delete(REALM_ADMIN + "/clients/" + id);
        }
    }

    /** A client created for one test. */
    record Client(String clientId, String secret) {
        String token() {
            return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                    .formParam("client_secret", secret)
                    .when().post(Platform.KEYCLOAK + "/realms/dyad/protocol/openid-connect/token")
                    .then().statusCode(200).extract().path("access_token");
        }
    }
}
