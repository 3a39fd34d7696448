package org.dyad.ingest.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.dyad.contracts.Topics;
import org.dyad.testsupport.KafkaResource;
import org.dyad.testsupport.KafkaTopics;
import org.dyad.testsupport.PostgresResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
class OutboxSurvivesKafkaOutageTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void articlesAcceptedWhileKafkaIsDownArePublishedExactlyOnceWhenItIsBack() throws InterruptedException {
        String token = Jwt.preferredUserName("feed").groups(Set.of("ingestor")).audience("dyad-api")
                .issuer("https://server.example.com").sign();
        List<String> ids = new ArrayList<>();

        KafkaResource.broker().stop();
        try {
            for (int i = 0; i < 3; i++) {
                ids.add(given().auth().oauth2(token).contentType("text/plain")
                        .body("Outage article " + i + " about Pakistan and Turkey. " + UUID.randomUUID())
                        .when().post("/api/v1/articles")
                        .then().statusCode(202).extract().path("id"));
            }
            // let the relay try (and fail) a few rounds while the broker is away
            Thread.sleep(1500);
        } finally {
            KafkaResource.broker().start();
        }

        List<ConsumerRecord<String, String>> published = KafkaTopics.awaitRecords(bootstrapServers,
                Topics.ARTICLES_INGESTED, r -> ids.contains(r.key()), ids.size(), Duration.ofSeconds(90));
        // a late duplicate would come from a resend after an acknowledged send: give it time to show
        Thread.sleep(2000);
        published = KafkaTopics.readAll(bootstrapServers, Topics.ARTICLES_INGESTED).stream()
                .filter(r -> ids.contains(r.key())).toList();
        assertThat(published).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
    }
}
