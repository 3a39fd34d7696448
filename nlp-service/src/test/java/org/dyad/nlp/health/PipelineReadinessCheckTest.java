package org.dyad.nlp.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.dyad.nlp.config.NlpConfig;
import org.dyad.nlp.pipeline.SharedPipeline;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** Readiness before the models are loaded; the component test sees it UP once they are. */
class PipelineReadinessCheckTest {

    @Test
    void notReadyWhileTheModelsAreNotLoaded() {
        NlpConfig config = new NlpConfig() {
            @Override
            public String pipelineVersion() {
                return "v-test";
            }

            @Override
            public int maxChars() {
                return 10;
            }

            @Override
            public int workers() {
                return 1;
            }
        };
        HealthCheckResponse response = new PipelineReadinessCheck(new SharedPipeline(config)).call();
        assertThat(response.getName()).isEqualTo("nlp-pipeline");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("version", "v-test"));
    }
}
