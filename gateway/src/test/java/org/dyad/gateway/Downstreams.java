package org.dyad.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The two WireMock servers standing in for ingest-service and query-service. */
record Downstreams(WireMockServer ingest, WireMockServer query) {

    void reset() {
        ingest.resetAll();
        query.resetAll();
    }
}
