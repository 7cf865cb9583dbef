package io.coupons.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.platform.testing.TestHttp;
import io.coupons.query.QuerySideTest;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may read, and what a malformed query answers. */
@QuerySideTest
class QuerySideBoundaryTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/api/campaigns", "/api/campaigns/export.csv", "/api/discount-rules",
            "/api/campaigns/00000000-0000-0000-0000-000000000001",
            "/api/discount-rules/00000000-0000-0000-0000-000000000001", "/api/codes/SUMMER20-ABC234/usage",
            "/api/codes/SUMMER20-ABC234/redemptions", "/api/campaigns/00000000-0000-0000-0000-000000000001/usage",
            "/api/campaigns/00000000-0000-0000-0000-000000000001/batches/1/usage", "/api/codes?search=SUMMER20",
            "/api/codes/SUMMER20-ABC234"})
    void adminsAndAuditorsReadCheckoutAndStrangersDoNot(String path) {
        TestHttp http = TestHttp.at(port);
        assertThat(http.get(path).status()).isEqualTo(401);
        assertThat(http.as("admin", "wrong").get(path).status()).isEqualTo(401);
        TestHttp.Response checkout = http.as("checkout").get(path);
        assertThat(checkout.status()).isEqualTo(403);
        assertThat(checkout.json().get("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(http.as("admin").get(path).status()).isIn(200, 404);
        assertThat(http.as("auditor").get(path).status()).isIn(200, 404);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/campaigns?type=BULK                | type",
            "/api/campaigns?status=LIVE              | status",
            "/api/campaigns?page=-1                  | page",
            "/api/campaigns?size=0                   | size",
            "/api/campaigns?size=201                 | size",
            "/api/campaigns?page=abc                 | page",
            "/api/campaigns/export.csv?status=LIVE   | status",
            "/api/campaigns/not-a-uuid               | campaignId",
            "/api/discount-rules?size=1000           | size",
            "/api/discount-rules?includeRetired=maybe | includeRetired",
            "/api/discount-rules/42                  | ruleId",
            "/api/campaigns/not-a-uuid/usage         | campaignId",
            "/api/campaigns/00000000-0000-0000-0000-000000000001/batches/one/usage | batchNumber",
            "/api/codes/SUMMER!20/usage               | code",
            "/api/codes/%3Cb%3E/redemptions          | code",
            "/api/codes/SUMMER20/redemptions?page=-1 | page",
            "/api/codes/SUMMER20/redemptions?size=201 | size",
            "/api/codes?search=SUMMER20&size=x       | size",
            "/api/codes?search=SUMMER20&cursor=abc   | cursor"})
    void malformedParametersAreNamedIn400(String path, String parameter) {
        TestHttp.Response response = TestHttp.at(port).as("auditor").get(path);
        assertThat(response.status()).as(response::toString).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(parameter);
    }

    @ParameterizedTest
    @CsvSource({"admin, ADMIN", "auditor, AUDITOR", "checkout, CHECKOUT"})
    void everyLoggedInUserCanAskWhoTheyAre(String user, String role) {
        TestHttp.Response me = TestHttp.at(port).as(user).get("/api/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("name").asString()).isEqualTo(user);
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo(role);
        assertThat(TestHttp.at(port).get("/api/me").status()).isEqualTo(401);
    }

    @org.junit.jupiter.api.Test
    void checkoutAndAdminsResolveUrlTokensAuditorsAndStrangersDoNot() {
        TestHttp http = TestHttp.at(port);
        String path = "/api/url-tokens/NoSuchToken";
        assertThat(http.get(path).status()).isEqualTo(401);
        assertThat(http.as("auditor").get(path).status()).isEqualTo(403);
        assertThat(http.as("checkout").get(path).status()).isEqualTo(404);
        assertThat(http.as("admin").get(path).status()).isEqualTo(404);
        TestHttp.Response tooLong = http.as("checkout").get("/api/url-tokens/" + "x".repeat(65));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/campaigns", "/api/discount-rules"})
    void theQuerySideAcceptsNoWrites(String path) {
        TestHttp.Response response = TestHttp.at(port).as("admin").post(path, "{}");
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @org.junit.jupiter.api.Test
    void unknownRuleIsNotFound() {
        TestHttp.Response response = TestHttp.at(port).as("auditor").get("/api/discount-rules/" + UUID.randomUUID());
        assertThat(response.status()).isEqualTo(404);
    }
}
