package io.coupons.command.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.command.EventStoreProbe;
import io.coupons.platform.testing.TestHttp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Campaign commands over real HTTP, down to the events in PostgreSQL and the code registry. */
@CommandSideTest
class CampaignCommandsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    EventStoreProbe events;
    TestHttp admin;

    @BeforeEach
    void setUp() {
        events = new EventStoreProbe(jdbc);
        admin = TestHttp.at(port).as("admin");
    }

    @Test
    void createsCampaignWithUpperCasedCodeAndRecordsWhoDidIt() {
        String code = unique("summer");
        TestHttp.Response created = admin.post("/api/campaigns", """
                {"code": "%s", "type": "BULK_POOL", "usesPerCode": 1}""".formatted(code.toLowerCase()));

        assertThat(created.status()).as(created::toString).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.json().get("version").asLong()).isZero();
        assertThat(created.header("Location")).isEqualTo("/api/campaigns/" + id);
        assertThat(events.eventTypes(id)).containsExactly("CampaignCreatedEvent");
        assertThat(events.payload(id, 0)).contains("\"code\":\"" + code + "\"").contains("\"usesPerCode\":1");
        assertThat(events.metadata(id, 0)).contains("\"user\":\"admin\"");
        assertThat(registryHolder(code)).isEqualTo(UUID.fromString(id));
    }

    @Test
    void urlTokenCampaignGetsAnUnguessableToken() {
        String id = create(unique("link"), "URL_TOKEN");
        assertThat(events.payload(id, 0)).containsPattern("\"urlToken\":\"[A-Za-z0-9_-]{22}\"");
    }

    @Test
    void singleCodeAndBulkCampaignsGetNoToken() {
        String id = create(unique("plain"), "SINGLE_CODE");
        assertThat(events.payload(id, 0)).contains("\"urlToken\":null");
    }

    @Test
    void rejectsCodeTakenByAnotherCampaignWhateverTheCase() {
        String code = unique("dup");
        create(code, "SINGLE_CODE");
        long before = events.count();

        TestHttp.Response second = admin.post("/api/campaigns", """
                {"code": "%s", "type": "BULK_POOL"}""".formatted(code.toLowerCase()));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat(second.json().get("code").asString()).isEqualTo("CAMPAIGN_CODE_TAKEN");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void retryWithTheSameIdempotencyKeyAnswersTheSameCampaign() {
        String code = unique("retry");
        String body = """
                {"code": "%s", "type": "SINGLE_CODE"}""".formatted(code);
        String key = UUID.randomUUID().toString();
        TestHttp.Response first = admin.send(admin.request("/api/campaigns").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        TestHttp.Response again = admin.send(admin.request("/api/campaigns").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));

        assertThat(first.status()).as(first::toString).isEqualTo(201);
        assertThat(again.status()).as(again::toString).isEqualTo(201);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(events.campaignsCreatedWithCode(code)).isEqualTo(1);
    }

    @Test
    void rejectsEveryBrokenCreationRuleAtOnceAndStoresNothing() {
        long before = events.count();
        TestHttp.Response response = admin.post("/api/campaigns", """
                {"code": "no-dash", "usesPerCode": 0,
                 "startsAt": "2030-01-02T00:00:00Z", "expiresAt": "2030-01-01T00:00:00Z"}""");

        assertThat(response.status()).isEqualTo(422);
        assertThat(fields(response)).containsExactlyInAnyOrder("code", "type", "usesPerCode", "expiresAt");
        assertThat(events.count()).isEqualTo(before);
    }

    @Test
    void rejectsExpiryInThePast() {
        TestHttp.Response response = admin.post("/api/campaigns", """
                {"code": "%s", "type": "SINGLE_CODE", "expiresAt": "2020-01-01T00:00:00Z"}""".formatted(unique("old")));
        assertThat(response.status()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("expiresAt");
    }

    @Test
    void linksExistingRuleAtCreation() {
        String rule = createRule();
        String id = createWithRule(unique("linked"), rule);
        assertThat(events.payload(id, 0)).contains(rule);
    }

    @Test
    void rejectsUnknownDiscountRule() {
        TestHttp.Response response = admin.post("/api/campaigns", """
                {"code": "%s", "type": "SINGLE_CODE", "discountRuleId": "%s"}"""
                .formatted(unique("norule"), UUID.randomUUID()));
        assertThat(response.status()).isEqualTo(422);
        assertThat(fields(response)).containsExactly("discountRuleId");
    }

    @Test
    void rejectsRetiredDiscountRule() {
        String rule = createRule();
        assertThat(admin.post("/api/discount-rules/" + rule + "/retire", "").status()).isEqualTo(200);
        String code = unique("retired");
        TestHttp.Response response = admin.post("/api/campaigns", """
                {"code": "%s", "type": "SINGLE_CODE", "discountRuleId": "%s"}""".formatted(code, rule));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("retired");
        assertThat(registryHolder(code)).isNull();
    }

    @Test
    void changesTheCodeOfASingleCodeCampaignAndFreesTheOldOne() {
        String oldCode = unique("welcome");
        String newCode = unique("welcome");
        String id = create(oldCode, "SINGLE_CODE");

        TestHttp.Response changed = admin.put("/api/campaigns/" + id + "/code", """
                {"code": "%s"}""".formatted(newCode.toLowerCase()));

        assertThat(changed.status()).as(changed::toString).isEqualTo(200);
        assertThat(changed.json().get("version").asLong()).isEqualTo(1);
        assertThat(events.eventTypes(id)).containsExactly("CampaignCreatedEvent", "CampaignCodeChangedEvent");
        assertThat(registryHolder(newCode)).isEqualTo(UUID.fromString(id));
        assertThat(registryHolder(oldCode)).isNull();
        create(oldCode, "SINGLE_CODE"); // the old code is free again
    }

    @Test
    void rejectsCodeChangeOfABulkPool() {
        String id = create(unique("bulk"), "BULK_POOL");
        TestHttp.Response response = admin.put("/api/campaigns/" + id + "/code", """
                {"code": "%s"}""".formatted(unique("other")));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("CODE_CHANGE_NOT_ALLOWED");
    }

    @Test
    void rejectsCodeChangeToACodeInUse() {
        String taken = unique("taken");
        create(taken, "SINGLE_CODE");
        String mine = unique("mine");
        String id = create(mine, "SINGLE_CODE");

        TestHttp.Response response = admin.put("/api/campaigns/" + id + "/code", """
                {"code": "%s"}""".formatted(taken));

        assertThat(response.status()).isEqualTo(409);
        assertThat(events.eventTypes(id)).containsExactly("CampaignCreatedEvent");
        assertThat(registryHolder(mine)).isEqualTo(UUID.fromString(id));
    }

    @Test
    void changesTheLinkedRuleAndUnlinksIt() {
        String id = create(unique("relink"), "BULK_POOL");
        String rule = createRule();

        assertThat(admin.put("/api/campaigns/" + id + "/discount-rule", """
                {"discountRuleId": "%s"}""".formatted(rule)).status()).isEqualTo(200);
        assertThat(admin.delete("/api/campaigns/" + id + "/discount-rule").status()).isEqualTo(200);

        assertThat(events.eventTypes(id)).containsExactly("CampaignCreatedEvent",
                "CampaignDiscountRuleLinkedEvent", "CampaignDiscountRuleUnlinkedEvent");
    }

    @Test
    void archivedCampaignKeepsItsCodeAndRefusesEdits() {
        String code = unique("gone");
        String id = create(code, "SINGLE_CODE");

        assertThat(admin.post("/api/campaigns/" + id + "/archive", "").status()).isEqualTo(200);
        TestHttp.Response edit = admin.put("/api/campaigns/" + id + "/code", """
                {"code": "%s"}""".formatted(unique("back")));

        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.json().get("code").asString()).isEqualTo("CAMPAIGN_ARCHIVED");
        assertThat(registryHolder(code)).isEqualTo(UUID.fromString(id));
    }

    @Test
    void reschedulesCampaign() {
        String id = create(unique("later"), "SINGLE_CODE");
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        TestHttp.Response response = admin.put("/api/campaigns/" + id + "/schedule", """
                {"expiresAt": "%s"}""".formatted(expiry));
        assertThat(response.status()).as(response::toString).isEqualTo(200);
        assertThat(events.eventTypes(id)).containsExactly("CampaignCreatedEvent", "CampaignRescheduledEvent");
    }

    @Test
    void unknownCampaignIsNotFound() {
        TestHttp.Response response = admin.post("/api/campaigns/" + UUID.randomUUID() + "/archive", "");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    static String unique(String prefix) {
        return (prefix + UUID.randomUUID().toString().replace("-", "")).substring(0, 20).toUpperCase();
    }

    private String create(String code, String type) {
        TestHttp.Response created = admin.post("/api/campaigns", """
                {"code": "%s", "type": "%s"}""".formatted(code, type));
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String createWithRule(String code, String rule) {
        TestHttp.Response created = admin.post("/api/campaigns", """
                {"code": "%s", "type": "BULK_POOL", "discountRuleId": "%s"}""".formatted(code, rule));
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private String createRule() {
        TestHttp.Response created = admin.post("/api/discount-rules", """
                {"name": "Ten percent", "terms": {"percentOff": 10}}""");
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private UUID registryHolder(String code) {
        return jdbc.sql("SELECT campaign_id FROM campaign_code_registry WHERE code = ?").param(code)
                .query(UUID.class).optional().orElse(null);
    }

    private static List<String> fields(TestHttp.Response response) {
        JsonNode errors = response.json().get("errors");
        return errors.valueStream().map(error -> error.get("field").asString()).toList();
    }
}
