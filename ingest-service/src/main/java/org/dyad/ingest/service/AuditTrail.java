package org.dyad.ingest.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.dyad.ingest.domain.AuditEvent;
import org.jboss.logging.Logger;

/** Records write and admin actions, each in a transaction of its own, and reads them back for admins. */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    /** Appends one event; a failure to audit is logged, never turned into a failure of the action itself. */
    public void record(AuditEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(event::persist);
        } catch (RuntimeException e) {
            LOG.errorf("audit event could not be stored (%s %s by %s): %s", event.method, event.path, event.actor,
                    e.getMessage());
        }
    }

    /** The newest events first, optionally of one actor and since an instant. */
    public List<AuditEvent> read(String actor, Instant since, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            StringBuilder query = new StringBuilder("1 = 1");
            Parameters params = new Parameters();
            if (actor != null) {
                query.append(" and actor = :actor");
                params = params.and("actor", actor);
            }
            if (since != null) {
                query.append(" and at >= :since");
                params = params.and("since", since);
            }
            return AuditEvent.<AuditEvent>find(query.toString(), Sort.descending("at", "id"), params)
                    .page(Page.ofSize(limit)).list();
        });
    }
}
