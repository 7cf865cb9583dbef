package io.coupons.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.coupons.platform.testing.TestHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The promo and segment UI tests' direct line to the system: setting up batches fast, and checking what happened. */
final class PromoUiApi {

    private PromoUiApi() {
    }

    /** Signs in and waits until the session is there (a page opened sooner would land on the login form). */
    static void signIn(Browser browser, String user) {
        browser.signIn(user);
        browser.find(org.openqa.selenium.By.id("signed-in-as"));
    }

    /**
     * An attribute of an element that htmx keeps replacing (a polled progress fragment), read in one
     * step in the page, so no reference to a replaced element is ever held.
     */
    static String attribute(Browser browser, String css, String name) {
        return (String) browser.script("var element = document.querySelector(arguments[0]);"
                + "return element && element.getAttribute(arguments[1]);", css, name);
    }

    /** A query parameter's value, encoded. */
    static String encoded(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static TestHttp commands() {
        return TestHttp.at(UiSystem.get().commandSidePort()).as("admin", UiSystem.password("admin"));
    }

    static TestHttp queries() {
        return TestHttp.at(UiSystem.get().querySidePort()).as("admin", UiSystem.password("admin"));
    }

    /** A Number of Codes batch with inventory 5 and 10 % off, generated to the end. */
    static String batch(String name, int codes) {
        TestHttp.Response accepted = commands().post("/api/promo-batches", """
                {"method": "NUMBER_OF_CODES", "numberOfCodes": %d, "codeLength": 8, "name": "%s", "enabled": true,
                 "inventoryEnabled": true, "inventory": 5, "terms": {"percentOff": 10, "currency": "USD"}}"""
                .formatted(codes, name));
        assertThat(accepted.status()).as(accepted::toString).isEqualTo(202);
        String id = accepted.json().get("promoBatchId").asString();
        awaitCompleted(id);
        return id;
    }

    static JsonNode awaitCompleted(String id) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> queries().get("/api/promo-batches/" + id),
                        r -> r.status() == 200 && "COMPLETED".equals(r.json().get("batch").get("state").asString()))
                .json();
    }

    /** Every code of the batch as Show List's API pages them. */
    static List<JsonNode> codes(String id) {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = queries().get("/api/promo-batches/" + id + "/codes"
                    + (cursor == null ? "" : "?after=" + cursor)).json();
            page.get("items").forEach(rows::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return rows;
    }

    /** The metadata of every event of one aggregate's stream, in order (JSON with "user"). */
    static List<String> eventMetadata(String aggregateId) {
        JdbcClient jdbc = JdbcClient.create(UiSystem.get().commandSide().getBean(DataSource.class));
        return jdbc.sql("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "ORDER BY sequence_number")
                .param(aggregateId).query(byte[].class).list().stream()
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList();
    }
}
