import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a Kafka broker answers a metadata request (an open port is not enough: the listener
 * opens before the broker has caught up with its controller). Exit 0 when ready, 1 on timeout.
 *
 * <pre>java -cp '.dyad/lib/infra/*' deploy/local/KafkaReady.java 127.0.0.1:9092 [timeout-seconds]</pre>
 */
public final class KafkaReady {

    public static void main(String[] args) throws InterruptedException {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:9092";
        long timeoutMs = TimeUnit.SECONDS.toMillis(args.length > 1 ? Long.parseLong(args[1]) : 60);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        long deadline = System.currentTimeMillis() + timeoutMs;
        String last = "no answer";
        try (Admin admin = Admin.create(props)) {
            while (System.currentTimeMillis() < deadline) {
                try {
                    int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
                    if (nodes > 0) {
                        System.out.println("ready: " + nodes + " broker(s) at " + bootstrap);
                        return;
                    }
                } catch (Exception notYet) {
                    last = String.valueOf(notYet.getMessage());
                }
                Thread.sleep(300);
            }
        }
        System.err.println("Kafka at " + bootstrap + " not ready: " + last);
        System.exit(1);
    }
}
