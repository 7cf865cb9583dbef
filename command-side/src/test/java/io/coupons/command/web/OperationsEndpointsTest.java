package io.coupons.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.platform.testing.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What operators read: liveness and readiness probes (public; readiness includes the event
 * processors, with details for admins) and the Prometheus scrape (admins only), which counts
 * redemptions by outcome.
 */
@CommandSideTest
class OperationsEndpointsTest {

    @LocalServerPort
    int port;

    @Test
    void probesArePublicAndReadinessIncludesTheEventProcessors() {
        TestHttp anonymous = TestHttp.at(port).withoutContract();
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        TestHttp.Response readiness = anonymous.get("/actuator/health/readiness");
        assertThat(readiness.status()).as(readiness::toString).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");

        JsonNode detailed = TestHttp.at(port).withoutContract().as("admin").get("/actuator/health/readiness").json();
        JsonNode processors = detailed.get("components").get("eventProcessors");
        assertThat(processors.get("status").asString()).isEqualTo("UP");
        assertThat(processors.get("details").toString()).contains("\"running\":true");
    }

    @Test
    void thePrometheusScrapeIsForAdminsAndCountsRedemptionsByOutcome() {
        TestHttp.at(port).as("checkout").post("/api/redemptions/validate", """
                {"code": "NO-SUCH-CODE-HERE", "order": {"orderId": "ops-1", "accountId": "ops", "currency": "USD",
                 "lines": [{"variantId": "v", "quantity": 1, "unitPrice": 10.00}]}}""");

        assertThat(TestHttp.at(port).withoutContract().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(TestHttp.at(port).withoutContract().as("checkout").get("/actuator/prometheus").status())
                .isEqualTo(403);
        TestHttp.Response scrape = TestHttp.at(port).withoutContract().as("admin").get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("coupons_redemptions_total{kind=\"validate\",outcome=\"UNKNOWN_CODE\"")
                .contains("coupons_commands_seconds_count{command=\"ValidateCodeCommand\",outcome=\"success\"")
                .contains("coupons_generation_remaining_codes").contains("coupons_throttle_blocked_clients")
                .contains("http_server_requests_seconds");
    }
}
