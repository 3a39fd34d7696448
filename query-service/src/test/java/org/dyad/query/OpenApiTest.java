package org.dyad.query;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.dyad.testsupport.KafkaResource;
import org.dyad.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

/** The OpenAPI document a client developer reads: every endpoint described, every parameter explained, examples. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class OpenApiTest {

    @Test
    void everyEndpointHasASummaryParameterDescriptionsAndAnExample() {
        JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        assertThat(paths).containsKeys("/api/v1/search", "/api/v1/search/export", "/api/v1/articles/{id}",
                "/api/v1/entities", "/api/v1/entities/{id}", "/api/v1/relations", "/api/v1/quotes", "/api/v1/events",
                "/api/v1/events/export", "/api/v1/events/dyads", "/api/v1/events/dyads/{source}/{target}",
                "/api/v1/events/dyads/{source}/{target}/evidence");
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> get = (Map<String, Object>) path.getValue().get("get");
            assertThat(get).as(path.getKey()).isNotNull();
            assertThat((String) get.get("summary")).as(path.getKey() + " summary").isNotBlank();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) get.getOrDefault("parameters", List.of());
            for (Map<String, Object> p : parameters) {
                assertThat((String) p.get("description")).as(path.getKey() + " " + p.get("name")).isNotBlank();
            }
            String json = doc.prettify();
            assertThat(json).contains("examples");
            @SuppressWarnings("unchecked")
            Map<String, Object> ok = (Map<String, Object>) ((Map<String, Object>) get.get("responses")).get("200");
            assertThat(ok.toString()).as(path.getKey() + " 200 example").contains("example");
        }
    }
}
