package io.coupons.command.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.command.EventStoreProbe;
import io.coupons.platform.testing.Concurrently;
import io.coupons.platform.testing.TestHttp;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many admins press Create with the same code at the same moment: exactly one campaign exists. */
@CommandSideTest
class DuplicateCampaignCodeConcurrencyTest {

    private static final int THREADS = 16;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @RepeatedTest(3)
    void exactlyOneOfManyConcurrentCreatesOfOneCodeWins() throws Exception {
        String code = CampaignCommandsTest.unique("race");
        TestHttp admin = TestHttp.at(port).as("admin");

        // Mixed case on purpose: uniqueness is case-insensitive.
        List<Integer> statuses = Concurrently.run(THREADS, THREADS, i -> admin.post("/api/campaigns", """
                {"code": "%s", "type": "SINGLE_CODE"}""".formatted(i % 2 == 0 ? code : code.toLowerCase())).status());

        Map<Integer, Long> byStatus = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertThat(byStatus).containsOnlyKeys(201, 409);
        assertThat(byStatus.get(201)).isEqualTo(1);
        assertThat(byStatus.get(409)).isEqualTo(THREADS - 1);
        assertThat(new EventStoreProbe(jdbc).campaignsCreatedWithCode(code)).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneCampaign() throws Exception {
        String code = CampaignCommandsTest.unique("key");
        String key = UUID.randomUUID().toString();
        TestHttp admin = TestHttp.at(port).as("admin");

        List<TestHttp.Response> responses = Concurrently.run(THREADS, THREADS,
                i -> admin.send(admin.request("/api/campaigns")
                        .header("Content-Type", "application/json").header("Idempotency-Key", key)
                        .POST(HttpRequest.BodyPublishers.ofString("""
                        {"code": "%s", "type": "SINGLE_CODE"}""".formatted(code)))));

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response::toString)
                .isEqualTo(201));
        assertThat(responses.stream().map(r -> r.json().get("id").asString()).distinct()).hasSize(1);
        assertThat(new EventStoreProbe(jdbc).campaignsCreatedWithCode(code)).isEqualTo(1);
    }
}
