package org.dyad.nlp.pipeline;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.dyad.nlp.config.NlpConfig;
import org.jboss.logging.Logger;

/**
 * The process's one pipeline: CoreNLP models are loaded once, in the background as the service starts (so the
 * health endpoints answer meanwhile, with readiness DOWN), and every consumer thread shares the instance.
 */
@ApplicationScoped
public class SharedPipeline implements Pipeline {

    private static final Logger LOG = Logger.getLogger(SharedPipeline.class);

    private final String version;
    private final CompletableFuture<Pipeline> loaded = new CompletableFuture<>();

    public SharedPipeline(NlpConfig config) {
        this.version = config.pipelineVersion();
    }

    void onStart(@Observes StartupEvent event) {
        startLoading(() -> new CoreNlpPipeline(version));
    }

    /** Builds the pipeline on a thread of its own; a failure stops the process, which is useless without models. */
    void startLoading(Supplier<Pipeline> factory) {
        Thread.ofPlatform().name("pipeline-loader").daemon().start(() -> {
            long start = System.nanoTime();
            try {
                Pipeline pipeline = factory.get();
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                LOG.infof("NLP pipeline %s loaded in %d ms", version, took.toMillis());
                loaded.complete(pipeline);
            } catch (RuntimeException | Error e) {
                LOG.error("Could not load the NLP pipeline " + version + "; stopping", e);
                loaded.completeExceptionally(e);
                Quarkus.asyncExit(1);
            }
        });
    }

    /** Whether the models are loaded and articles can be annotated without waiting. */
    public boolean isLoaded() {
        return loaded.isDone() && !loaded.isCompletedExceptionally();
    }

    @Override
    public String version() {
        return version;
    }

    /** Annotates once the models are loaded, blocking the caller (a worker thread) until then. */
    @Override
    public ParsedText parse(String text, LocalDate publishedAt) {
        return await().parse(text, publishedAt);
    }

    private Pipeline await() {
        try {
            return loaded.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PipelineUnavailableException("interrupted while waiting for the NLP models", e);
        } catch (ExecutionException e) {
            throw new PipelineUnavailableException("the NLP models could not be loaded", e.getCause());
        }
    }
}
