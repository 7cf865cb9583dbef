package io.coupons.command.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coupons.api.common.CommandRejection;
import io.coupons.api.redemption.OrderContext;
import io.coupons.api.redemption.OrderLine;
import io.coupons.api.redemption.RedeemCodeCommand;
import io.coupons.command.CommandSideTest;
import io.coupons.command.EventStoreProbe;
import io.coupons.platform.testing.RawHttp;
import io.coupons.platform.testing.TestHttp;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each layer that can refuse a request (Tomcat, Spring Security's firewall, Spring MVC, the JSON
 * reader, the command bus) answers a problem body with a stable code, and nothing is recorded.
 */
@CommandSideTest
class EdgeRefusalTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway commands;

    TestHttp admin;
    TestHttp checkout;
    EventStoreProbe events;
    long before;

    @BeforeEach
    void setUp() {
        admin = TestHttp.at(port).as("admin");
        checkout = TestHttp.at(port).as("checkout");
        events = new EventStoreProbe(jdbc);
        before = events.count();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "POST   | /api/campaigns/%2F/archive",
            "POST   | /api/campaigns/..%2F/archive",
            "POST   | /api/campaigns/%00/archive",
            "POST   | /api/campaigns/%C0%AE/archive",
            "POST   | /api/campaigns/%25/archive",
            "POST   | /api/campaigns/%252F/archive",
            "POST   | /api/campaigns/%ZZ/archive",
            "POST   | /api/campaigns;jsessionid=1",
            "POST   | /api/campaigns//archive",
            "DELETE | /api/campaigns",
            "TRACE  | /api/campaigns",
            "PATCH  | /api/discount-rules",
            "GET    | /no/such/page",
            "GET    | /api/campaigns?%ZZ=1",
    })
    void everyLayerAnswersAProblemBodyWithACode(String method, String target) {
        for (String user : new String[] {"admin", null}) {
            RawHttp.Answer answer = RawHttp.send(port, method, target, user, "application/json", "{}");

            assertThat(answer.status()).as("%s %s as %s: %s", method, target, user, answer).isBetween(400, 499);
            assertThat(answer.header("Content-Type")).as(answer::toString).startsWith("application/problem+json");
            JsonNode body = JSON.readTree(answer.body());
            assertThat(body.path("code").asString()).as(answer::toString).isNotBlank();
            assertThat(body.path("status").asInt()).isEqualTo(answer.status());
        }
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void refusesNulInACodeToRedeem() {
        TestHttp.Response response = checkout.post("/api/redemptions", """
                {"code": "SUMMER\\u0000", "order": {"orderId": "o-1", "subtotal": 10, "currency": "USD",
                 "lines": [{"variantId": "v", "quantity": 1, "unitPrice": 10}]}}""");

        assertRefused(response, 400, "code");
    }

    @Test
    void refusesNulInAVariantIdOfAGroup() {
        TestHttp.Response response = admin.put("/api/variant-groups/tees", """
                {"variantIds": ["tee-red", "tee\\u0000blue"]}""");

        assertRefused(response, 400, "variantIds[1]");
    }

    @Test
    void refusesControlCharactersInQueryParametersAndPaths() {
        RawHttp.Answer answer = RawHttp.send(port, "PUT", "/api/variant-groups/tee%01s", "admin", "application/json",
                "{\"variantIds\": [\"a\"]}");
        assertThat(answer.status()).as(answer::toString).isEqualTo(400);
        assertThat(JSON.readTree(answer.body()).path("code").asString()).isIn("INVALID_CHARACTERS",
                "REQUEST_REJECTED");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void refusesAFractionWhereACountIsExpected() {
        TestHttp.Response response = checkout.post("/api/redemptions/validate", """
                {"code": "SUMMER", "order": {"orderId": "o-1", "subtotal": 10, "currency": "USD",
                 "lines": [{"variantId": "v", "quantity": 1.5, "unitPrice": 10}]}}""");

        assertRefused(response, 400, "order.lines[0].quantity");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1\"", "true", "[1]"})
    void refusesAQuantityOfAnotherJsonType(String quantity) {
        TestHttp.Response response = checkout.post("/api/redemptions/validate", """
                {"code": "SUMMER", "order": {"orderId": "o-1", "subtotal": 10, "currency": "USD",
                 "lines": [{"variantId": "v", "quantity": %s, "unitPrice": 10}]}}""".formatted(quantity));

        assertRefused(response, 400, "order.lines[0].quantity");
    }

    @Test
    void refusesTextGivenAsANumber() {
        TestHttp.Response response = admin.post("/api/discount-rules", """
                {"name": 5, "terms": {"percentOff": 10}}""");

        assertRefused(response, 400, "name");
    }

    @Test
    void refusesDuplicateKeys() {
        TestHttp.Response response = admin.post("/api/campaigns", """
                {"code": "DUPKEY1", "type": "SINGLE_CODE", "code": "DUPKEY2"}""");

        assertThat(response.status()).as(response::toString).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("MALFORMED_BODY");
        assertThat(response.json().get("detail").asString()).contains("code");
        assertThat(events.count()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json-patch+json", "application/merge-patch+json",
            "application/problem+json", "text/plain"})
    void refusesBodiesThatAreNotPlainJson(String contentType) {
        TestHttp.Response response = admin.send(admin.request("/api/campaigns").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\": \"PATCHED\", \"type\": \"SINGLE_CODE\"}")));

        assertThat(response.status()).as(response::toString).isEqualTo(415);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isNotBlank();
        assertThat(events.count()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"-999999999-01-01T00:00:00Z\"", "\"+999999999-12-31T23:59:59Z\"", "99999999999999",
            "1767225600", "\"2026-06-01T00:00:00\"", "\"tomorrow\""})
    void refusesInstantsThatAreNotIsoTextInTheSupportedYears(String instant) {
        TestHttp.Response response = admin.post("/api/campaigns", """
                {"code": "EDGEINSTANT", "type": "SINGLE_CODE", "expiresAt": %s}""".formatted(instant));

        assertRefused(response, 400, "expiresAt");
    }

    @Test
    void refusesControlCharactersSentByAnAxonClient() {
        OrderContext order = new OrderContext("o-1", "acc\u0000", false, BigDecimal.TEN,
                List.of(new OrderLine("v", 1, BigDecimal.TEN)), null, List.of(), "USD");

        assertThatThrownBy(() -> commands.sendAndWait(new RedeemCodeCommand("SUMMER", order), 10, TimeUnit.SECONDS))
                .isInstanceOfSatisfying(CommandExecutionException.class, e -> {
                    CommandRejection rejection = (CommandRejection) e.getDetails().orElseThrow();
                    assertThat(rejection.status()).isEqualTo(400);
                    assertThat(rejection.code()).isEqualTo("INVALID_CHARACTERS");
                    assertThat(rejection.violations().get(0).field()).isEqualTo("order.accountId");
                });
        assertThat(events.count()).isEqualTo(before);
    }

    private void assertRefused(TestHttp.Response response, int status, String field) {
        assertThat(response.status()).as(response::toString).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isNotBlank();
        assertThat(response.json().get("errors").get(0).get("field").asString()).as(response::toString)
                .isEqualTo(field);
        assertThat(events.count()).isEqualTo(before);
    }
}
