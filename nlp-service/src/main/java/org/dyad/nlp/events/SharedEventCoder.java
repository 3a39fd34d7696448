package org.dyad.nlp.events;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.dyad.contracts.CodedEvent;
import org.dyad.nlp.pipeline.ParsedText;
import org.dyad.nlp.pipeline.PipelineUnavailableException;
import org.jboss.logging.Logger;

/**
 * The process's one {@link EventCoder} (its dependency-parse model takes seconds and ~240 MB to load): built in the
 * background as the service starts, shared by every worker thread.
 */
@ApplicationScoped
public class SharedEventCoder implements EventSource {

    private static final Logger LOG = Logger.getLogger(SharedEventCoder.class);

    private final CompletableFuture<EventCoder> loaded = new CompletableFuture<>();

    void onStart(@Observes StartupEvent event) {
        Thread.ofPlatform().name("event-coder-loader").daemon().start(() -> {
            long start = System.nanoTime();
            try {
                loaded.complete(new EventCoder());
                LOG.infof("event coder loaded in %d ms", (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException | Error e) {
                LOG.error("could not load the event coder", e);
                loaded.completeExceptionally(e);
            }
        });
    }

    @Override
    public List<CodedEvent> code(ParsedText parsed) {
        try {
            return loaded.get().code(parsed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineUnavailableException("interrupted while waiting for the event coder", e);
        } catch (ExecutionException e) {
            throw new PipelineUnavailableException("the event coder could not be loaded", e.getCause());
        }
    }
}
