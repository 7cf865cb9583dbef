package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.platform.testing.TestHttp;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/**
 * Setting up and checking discount rules, marketing campaigns and variant groups through the API
 * itself (fast, and independent of the screens under test), as the admin.
 */
final class RulesApi {

    private RulesApi() {
    }

    static TestHttp commandSide(String user) {
        return TestHttp.at(UiSystem.get().commandSidePort()).as(user, UiSystem.password(user));
    }

    static TestHttp querySide(String user) {
        return TestHttp.at(UiSystem.get().querySidePort()).as(user, UiSystem.password(user));
    }

    /** A rule of {@code percent}% off in USD, once the query side shows it: its id. */
    static String rule(String name, int percent) {
        TestHttp.Response created = commandSide("admin").post("/api/discount-rules", """
                {"name": "%s", "terms": {"percentOff": %d, "currency": "USD", "displayMessage": "%d%% off"}}"""
                .formatted(name, percent, percent));
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        String id = created.json().get("id").asString();
        await().atMost(Duration.ofSeconds(10)).until(() -> querySide("admin").get("/api/discount-rules/" + id)
                .status() == 200);
        return id;
    }

    /** The rules whose name contains {@code q}, retired ones included, from the query side. */
    static JsonNode rules(String q) {
        TestHttp.Response page = querySide("admin").get("/api/discount-rules?includeRetired=true&q=" + q);
        assertThat(page.status()).as(page::toString).isEqualTo(200);
        return page.json();
    }
}
