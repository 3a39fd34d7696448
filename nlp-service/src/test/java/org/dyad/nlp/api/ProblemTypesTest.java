package org.dyad.nlp.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import jakarta.ws.rs.core.Response.Status;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Problem responses get a stable type from their status unless the thrower chose one. */
class ProblemTypesTest {

    private final ProblemTypes types = new ProblemTypes();

    @Test
    void untypedProblemsAreTypedFromTheirStatus() {
        assertThat(typeOf(Status.NOT_FOUND)).isEqualTo("urn:dyad:problem:not-found");
        assertThat(typeOf(Status.BAD_REQUEST)).isEqualTo("urn:dyad:problem:bad-request");
        assertThat(typeOf(Status.UNAUTHORIZED)).isEqualTo("urn:dyad:problem:unauthorized");
        assertThat(typeOf(Status.METHOD_NOT_ALLOWED)).isEqualTo("urn:dyad:problem:method-not-allowed");
        assertThat(typeOf(Status.REQUEST_ENTITY_TOO_LARGE)).isEqualTo("urn:dyad:problem:payload-too-large");
        assertThat(typeOf(Status.INTERNAL_SERVER_ERROR)).isEqualTo("urn:dyad:problem:internal-error");
    }

    @Test
    void aTypeSetByTheThrowerIsKept() {
        HttpProblem typed = HttpProblem.builder().withStatus(Status.CONFLICT)
                .withType(URI.create("urn:dyad:problem:duplicate-article")).build();
        assertThat(types.apply(typed, ProblemContext.of(typed, "/x")).getType())
                .hasToString("urn:dyad:problem:duplicate-article");
    }

    private String typeOf(Status status) {
        HttpProblem problem = HttpProblem.valueOf(status);
        return types.apply(problem, ProblemContext.of(problem, "/x")).getType().toString();
    }
}
