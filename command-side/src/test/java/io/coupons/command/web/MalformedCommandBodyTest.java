package io.coupons.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.command.EventStoreProbe;
import io.coupons.platform.testing.TestHttp;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Broken requests get a 4xx problem naming what was wrong, and the event store does not change. */
@CommandSideTest
class MalformedCommandBodyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestHttp admin;
    EventStoreProbe events;
    long before;

    @BeforeEach
    void setUp() {
        admin = TestHttp.at(port).as("admin");
        events = new EventStoreProbe(jdbc);
        before = events.count();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/campaigns      | {\"code\": \"ABC\", \"type\": \"SINGLE\"}                    | type",
            "/api/campaigns      | {\"code\": \"ABC\", \"type\": \"SINGLE_CODE\", \"usesPerCode\": \"two\"} | usesPerCode",
            "/api/campaigns      | {\"code\": \"ABC\", \"type\": \"SINGLE_CODE\", \"expiresAt\": \"tomorrow\"} | expiresAt",
            "/api/campaigns      | {\"code\": \"ABC\", \"tpye\": \"SINGLE_CODE\"}               | tpye",
            "/api/campaigns      | {\"code\": \"ABC\", \"type\": \"SINGLE_CODE\", \"discountRuleId\": \"42\"} | discountRuleId",
            "/api/discount-rules | {\"name\": \"x\", \"terms\": {\"percentOff\": \"ten\"}}     | terms.percentOff",
            "/api/discount-rules | {\"name\": \"x\", \"terms\": {\"perentOff\": 10}}           | terms.perentOff",
            "/api/discount-rules | {\"name\": \"x\", \"terms\": {\"variantIds\": [\"a\", {}]}} | terms.variantIds[1]",
    })
    void namesTheFieldWithTheWrongTypeOrName(String path, String body, String field) {
        TestHttp.Response response = admin.post(path, body);

        assertThat(response.status()).as(response::toString).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("MALFORMED_BODY");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(events.count()).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"/api/campaigns | {\"code\": ", "/api/discount-rules | not json",
            "/api/campaigns | ''", "/api/campaigns | []"})
    void refusesBodiesThatAreNotTheExpectedJson(String path, String body) {
        TestHttp.Response response = admin.post(path, body);
        assertThat(response.status()).as(response::toString).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("MALFORMED_BODY");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void namesEveryRuleBrokenByADiscountRule() {
        TestHttp.Response response = admin.post("/api/discount-rules", """
                {"name": "", "terms": {"percentOff": 120, "flatAmountOff": 5}}""");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains("name", "terms.percentOff", "terms.flatAmountOff", "terms.currency");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void refusesAWrongContentType() {
        TestHttp.Response response = admin.send(admin.request("/api/campaigns").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("code=ABC")));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void refusesAMalformedIdInThePath() {
        TestHttp.Response response = admin.post("/api/campaigns/not-a-uuid/archive", "");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("campaignId");
    }

    @Test
    void refusesAnOverlongIdempotencyKey() {
        TestHttp.Response response = admin.send(admin.request("/api/campaigns").header("Content-Type", "application/json")
                .header("Idempotency-Key", "k".repeat(201))
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"" + UUID.randomUUID().toString()
                        .substring(0, 8).replace("-", "") + "X\", \"type\": \"SINGLE_CODE\"}")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(events.count()).isEqualTo(before);
    }
}
