package org.dyad.query.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.dyad.contracts.ArticleEnriched;
import org.dyad.query.domain.ReadModelStore;
import org.jboss.logging.Logger;

/**
 * Applies an enrichment to the read model: the article, all its annotations and the counters derived from
 * them change together in one transaction, and applying the same event again leaves the same state.
 */
@ApplicationScoped
public class ReadModelWriter {

    private static final Logger LOG = Logger.getLogger(ReadModelWriter.class);

    private final DataSource dataSource;
    private final ReadModelStore store;

    ReadModelWriter(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.store = new ReadModelStore(mapper);
    }

    /**
     * Replaces the article and everything derived from it.
     *
     * @return false when the read model already holds a newer enrichment of the article, which is kept
     */
    @Transactional
    public boolean apply(ArticleEnriched event) {
        // The connection joins the JTA transaction: it commits or rolls back with the method.
        try (Connection c = dataSource.getConnection()) {
            boolean applied = store.apply(c, event);
            if (!applied) {
                LOG.infof("Ignoring enrichment %s of article %s: the read model holds a newer one",
                        event.eventId(), event.articleId());
            }
            return applied;
        } catch (SQLException e) {
            throw new IllegalStateException("could not apply enrichment " + event.eventId() + " of article "
                    + event.articleId() + ": " + e.getMessage(), e);
        }
    }
}
