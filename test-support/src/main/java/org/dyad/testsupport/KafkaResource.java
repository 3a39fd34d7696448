package org.dyad.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts a real Kafka broker for a Quarkus component test and points the Kafka connector at it.
 * Tests reach the broker through {@link #broker()} to stop and start it.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static volatile KafkaBroker broker;

    /** The broker of the running test, for tests that stop and start it. */
    public static KafkaBroker broker() {
        return broker;
    }

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.startNew();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
