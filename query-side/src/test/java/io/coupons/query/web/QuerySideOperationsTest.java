package io.coupons.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.platform.testing.TestHttp;
import io.coupons.query.QuerySideTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The query side's readiness names its projections' processors, and each has a lag gauge. */
@QuerySideTest
class QuerySideOperationsTest {

    @LocalServerPort
    int port;

    @Test
    void readinessAndTheScrapeCoverEveryProjectionProcessor() {
        TestHttp admin = TestHttp.at(port).withoutContract().as("admin");
        String readiness = admin.get("/actuator/health/readiness").json().get("components").get("eventProcessors")
                .toString();
        String scrape = admin.get("/actuator/prometheus").body();
        for (String processor : new String[] {"codes", "usage", "campaign-table", "segments"}) {
            assertThat(readiness).contains("\"" + processor + "\"");
            assertThat(scrape).contains("coupons_processor_lag_events{processor=\"" + processor + "\"");
        }
        assertThat(TestHttp.at(port).withoutContract().get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
