package org.dyad.nlp.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.dyad.nlp.pipeline.SharedPipeline;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness: DOWN until the NLP models are loaded, so no traffic is routed to a replica that would only wait. */
@Readiness
@ApplicationScoped
class PipelineReadinessCheck implements HealthCheck {

    static final String NAME = "nlp-pipeline";

    private final SharedPipeline pipeline;

    PipelineReadinessCheck(SharedPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME)
                .status(pipeline.isLoaded())
                .withData("version", pipeline.version())
                .build();
    }
}
