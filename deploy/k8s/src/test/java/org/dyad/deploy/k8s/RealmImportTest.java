package org.dyad.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The KeycloakRealmImport carries the realm the local runtime imports (deploy/keycloak/dyad-realm.json). */
class RealmImportTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::[^}]*)?}");

    static Stream<String> overlays() {
        return Project.overlays().stream();
    }

    @Test
    void devImportsExactlyTheLocalRealm() throws IOException {
        assertThat(realmIn("dev")).isEqualTo(localRealm());
    }

    @Test
    void prodImportsTheLocalRealmWithoutTheDemoUsersThatHavePasswords() throws IOException {
        ObjectNode expected = localRealm().deepCopy();
        ArrayNode users = (ArrayNode) expected.get("users");
        for (int i = users.size() - 1; i >= 0; i--) {
            if (users.get(i).has("credentials")) {
                users.remove(i);
            }
        }
        JsonNode prod = realmIn("prod");
        assertThat(prod).isEqualTo(expected);
        assertThat(prod.toString()).doesNotContain("\"credentials\"");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPlaceholderOfTheRealmIsFilledFromASecret(String overlay) {
        JsonNode realmImport = Manifests.get(Manifests.overlay(overlay), "KeycloakRealmImport", "dyad");
        Set<String> used = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(realmImport.at("/spec/realm").toString());
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).isNotEmpty();
        for (String name : used) {
            assertThat(realmImport.at("/spec/placeholders/" + name + "/secret/name").asText()).as(name).isNotEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesTrustTheImportedRealmAndItsAudience(String overlay) {
        List<JsonNode> objects = Manifests.overlay(overlay);
        JsonNode realmImport = Manifests.get(objects, "KeycloakRealmImport", "dyad");
        assertThat(Manifests.find(objects, "Keycloak", realmImport.at("/spec/keycloakCRName").asText())).isPresent();
        String realm = realmImport.at("/spec/realm/realm").asText();
        Set<String> audiences = new TreeSet<>();
        realmImport.at("/spec/realm/clients").forEach(c -> c.path("protocolMappers").forEach(pm ->
                audiences.add(pm.at("/config/included.custom.audience").asText())));
        for (String service : Project.SERVICES) {
            Env env = Env.of(objects, Env.container(objects, service));
            assertThat(env.variables().get("QUARKUS_OIDC_AUTH_SERVER_URL").value()).as(service).endsWith("/realms/" + realm);
            assertThat(audiences).as(service + " audience").contains(ServiceConfig.properties(service).get("quarkus.oidc.token.audience"));
        }
    }

    private static JsonNode realmIn(String overlay) {
        return Manifests.get(Manifests.overlay(overlay), "KeycloakRealmImport", "dyad").at("/spec/realm");
    }

    private static JsonNode localRealm() throws IOException {
        return Manifests.JSON.readTree(Project.root().resolve("deploy/keycloak/dyad-realm.json").toFile());
    }
}
