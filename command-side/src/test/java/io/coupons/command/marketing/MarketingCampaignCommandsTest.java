package io.coupons.command.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.marketing.MarketingCampaignId;
import io.coupons.command.CommandSideTest;
import io.coupons.command.EventStoreProbe;
import io.coupons.platform.testing.TestHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Marketing campaigns over real HTTP, and the rule check against them, down to PostgreSQL. */
@CommandSideTest
class MarketingCampaignCommandsTest {

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
    void definesAMarketingCampaignAndItsNameInTheSameTransaction() {
        String name = unique("Spring launch");
        TestHttp.Response answer = admin.put(path(name), "{\"description\": \"Shoes, March\"}");

        assertThat(answer.status()).as(answer::toString).isEqualTo(200);
        String id = answer.json().get("id").asString();
        assertThat(id).isEqualTo(MarketingCampaignId.of(name).toString());
        assertThat(events.eventTypes(id)).containsExactly("MarketingCampaignDefinedEvent");
        assertThat(events.metadata(id, 0)).contains("\"user\":\"admin\"");
        assertThat(jdbc.sql("SELECT marketing_campaign_id FROM marketing_campaign WHERE name = ?").param(name)
                .query(UUID.class).single().toString()).isEqualTo(id);
    }

    @Test
    void theSameDescriptionAgainRecordsNothingAndAnotherIsDescribed() {
        String name = unique("Again");
        admin.put(path(name), "{\"description\": \"one\"}");
        TestHttp.Response same = admin.put(path(name), "{\"description\": \"one\"}");
        TestHttp.Response other = admin.put(path(name), "{}");

        assertThat(same.json().get("version").asLong()).isZero();
        assertThat(other.json().get("version").asLong()).isEqualTo(1);
        assertThat(events.eventTypes(MarketingCampaignId.of(name)))
                .containsExactly("MarketingCampaignDefinedEvent", "MarketingCampaignDescribedEvent");
    }

    @Test
    void badNamesAreProblemsAndRecordNothing() {
        long before = events.commandEvents();
        for (String name : new String[] {"%20Lead", "Trail%20", "x".repeat(121), "a%C2%85b"}) {
            TestHttp.Response answer = admin.put("/api/marketing-campaigns/" + name, "{}");
            assertThat(answer.status()).as(answer::toString).isEqualTo(422);
            assertThat(answer.json().get("code").asString()).isEqualTo("INVALID_FIELDS");
            assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        }
        TestHttp.Response longDescription = admin.put(path(unique("Long")),
                "{\"description\": \"" + "x".repeat(501) + "\"}");
        assertThat(longDescription.status()).as(longDescription::toString).isEqualTo(422);
        assertThat(events.commandEvents()).isEqualTo(before);
    }

    @Test
    void aRuleNamingAnUndefinedMarketingCampaignIsRefusedAndRecordsNothing() {
        long before = events.commandEvents();
        TestHttp.Response answer = admin.post("/api/discount-rules", rule(unique("Nowhere")));

        assertThat(answer.status()).as(answer::toString).isEqualTo(422);
        assertThat(answer.json().get("code").asString()).isEqualTo("INVALID_FIELDS");
        JsonNode error = answer.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("terms.marketingCampaign");
        assertThat(error.get("message").asString())
                .isEqualTo("is not a defined marketing campaign; define it with PUT /api/marketing-campaigns/{name}");
        assertThat(events.commandEvents()).isEqualTo(before);
    }

    @Test
    void aRuleNamingADefinedMarketingCampaignIsAccepted() {
        String name = unique("Summer push");
        assertThat(admin.put(path(name), "{}").status()).isEqualTo(200);

        TestHttp.Response created = admin.post("/api/discount-rules", rule(name));
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        assertThat(events.payload(created.json().get("id").asString(), 0)).contains(name);

        TestHttp.Response otherCase = admin.post("/api/discount-rules", rule(name.toLowerCase()));
        assertThat(otherCase.status()).as("names are exact").isEqualTo(422);
    }

    @Test
    void onlyAdminsDefineMarketingCampaigns() {
        assertThat(TestHttp.at(port).as("auditor").put(path(unique("Audit")), "{}").status()).isEqualTo(403);
        assertThat(TestHttp.at(port).as("checkout").put(path(unique("Checkout")), "{}").status()).isEqualTo(403);
    }

    private static String rule(String marketingCampaign) {
        return """
                {"name": "Ten", "terms": {"percentOff": 10, "marketingCampaign": "%s"}}""".formatted(marketingCampaign);
    }

    private static String path(String name) {
        return "/api/marketing-campaigns/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
