package io.coupons.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.platform.testing.TestHttp;
import io.coupons.command.CommandSideTest;
import io.coupons.command.EventStoreProbe;
import java.net.http.HttpRequest;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every command endpoint: 401 without credentials, 403 for checkout and auditor, and nothing stored. */
@CommandSideTest
class CommandSideRoleBoundaryTest {

    private static final String ID = UUID.randomUUID().toString();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Endpoint(String method, String path, String body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("POST", "/api/discount-rules", "{\"name\":\"x\",\"terms\":{\"percentOff\":5}}"),
                new Endpoint("PUT", "/api/discount-rules/" + ID, "{\"name\":\"x\",\"terms\":{\"percentOff\":5}}"),
                new Endpoint("POST", "/api/discount-rules/" + ID + "/retire", ""),
                new Endpoint("POST", "/api/campaigns", "{\"code\":\"ROLECHECK\",\"type\":\"SINGLE_CODE\"}"),
                new Endpoint("PUT", "/api/campaigns/" + ID + "/code", "{\"code\":\"ROLECHECK2\"}"),
                new Endpoint("PUT", "/api/campaigns/" + ID + "/discount-rule", "{\"discountRuleId\":\"" + ID + "\"}"),
                new Endpoint("DELETE", "/api/campaigns/" + ID + "/discount-rule", null),
                new Endpoint("PUT", "/api/campaigns/" + ID + "/schedule", "{}"),
                new Endpoint("POST", "/api/campaigns/" + ID + "/archive", ""),
                new Endpoint("PUT", "/api/variant-groups/ROLECHECK", "{\"variantIds\":[\"V1\"]}"));
    }

    static Stream<Endpoint> checkoutEndpoints() {
        String order = "{\"orderId\":\"o-role\",\"subtotal\":10,\"currency\":\"USD\","
                + "\"lines\":[{\"variantId\":\"V1\",\"quantity\":1,\"unitPrice\":10}]}";
        return Stream.of(
                new Endpoint("POST", "/api/redemptions", "{\"code\":\"ROLECHECK\",\"order\":" + order + "}"),
                new Endpoint("POST", "/api/redemptions/validate", "{\"code\":\"ROLECHECK\",\"order\":" + order + "}"),
                new Endpoint("POST", "/api/redemptions/reversal", "{\"code\":\"ROLECHECK\",\"orderId\":\"o-role\"}"),
                new Endpoint("POST", "/api/redemptions/" + ID + "/reversal", "{}"));
    }

    /** Only checkout redeems: an admin who could redeem could spend any code without an order. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("checkoutEndpoints")
    void onlyCheckoutMayRedeemValidateOrReverse(Endpoint endpoint) {
        EventStoreProbe events = new EventStoreProbe(jdbc);
        long before = events.count();
        TestHttp anonymous = TestHttp.at(port);

        assertThat(call(anonymous, endpoint).status()).isEqualTo(401);
        for (String role : new String[]{"admin", "auditor"}) {
            TestHttp.Response denied = call(anonymous.as(role), endpoint);
            assertThat(denied.status()).as(role).isEqualTo(403);
            assertThat(denied.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(events.count()).isEqualTo(before);
        assertThat(call(anonymous.as("checkout"), endpoint).status()).isNotIn(401, 403);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void onlyAdminsMayWrite(Endpoint endpoint) {
        EventStoreProbe events = new EventStoreProbe(jdbc);
        long before = events.count();
        TestHttp anonymous = TestHttp.at(port);

        TestHttp.Response none = call(anonymous, endpoint);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(call(anonymous.as("admin", "wrong-password"), endpoint).status()).isEqualTo(401);
        for (String role : new String[]{"checkout", "auditor"}) {
            TestHttp.Response denied = call(anonymous.as(role), endpoint);
            assertThat(denied.status()).as(role).isEqualTo(403);
            assertThat(denied.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(events.count()).isEqualTo(before);
        assertThat(call(anonymous.as("admin"), endpoint).status()).isNotIn(401, 403);
    }

    private static TestHttp.Response call(TestHttp http, Endpoint endpoint) {
        HttpRequest.BodyPublisher body = endpoint.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(endpoint.body());
        return http.send(http.request(endpoint.path()).header("Content-Type", "application/json")
                .method(endpoint.method(), body));
    }
}
