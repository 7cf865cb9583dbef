package io.coupons.command.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.campaign.CreateCampaignCommand;
import io.coupons.api.campaign.RescheduleCampaignCommand;
import io.coupons.api.common.CommandRejection;
import io.coupons.api.common.FieldViolation;
import io.coupons.api.rule.CreateDiscountRuleCommand;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.command.CommandSideTest;
import io.coupons.command.EventStoreProbe;
import io.coupons.platform.testing.TestHttp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Instants at the edges of {@link Instant} (and anything outside {@link Instants}' range) are a
 * 422 naming the field, over HTTP and on the command bus, and change nothing.
 */
@CommandSideTest
class SupportedInstantRangeTest {

    private static final List<String> OUTSIDE = List.of("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
            "1999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommandGateway gateway;

    EventStoreProbe events;
    TestHttp admin;

    @BeforeEach
    void setUp() {
        events = new EventStoreProbe(jdbc);
        admin = TestHttp.at(port).as("admin");
    }

    @Test
    void refusesInstantsOutsideTheSupportedRangeOverHttp() {
        String campaign = admin.post("/api/campaigns", """
                {"code": "%s", "type": "SINGLE_CODE"}""".formatted(unique("edge")))
                .json().get("id").asString();
        String rule = admin.post("/api/discount-rules", """
                {"name": "Ten", "terms": {"percentOff": 10}}""").json().get("id").asString();
        long before = events.commandEvents();
        long lookupRows = lookupRows();

        for (String instant : OUTSIDE) {
            assertInvalid(admin.put("/api/campaigns/" + campaign + "/schedule", """
                    {"startsAt": "%s"}""".formatted(instant)), "startsAt");
            assertInvalid(admin.put("/api/campaigns/" + campaign + "/schedule", """
                    {"expiresAt": "%s"}""".formatted(instant)), "expiresAt");
            assertInvalid(admin.post("/api/campaigns", """
                    {"code": "%s", "type": "BULK_POOL", "startsAt": "%s"}"""
                    .formatted(unique("edge"), instant)), "startsAt");
            assertInvalid(admin.post("/api/campaigns", """
                    {"code": "%s", "type": "BULK_POOL", "expiresAt": "%s"}"""
                    .formatted(unique("edge"), instant)), "expiresAt");
            assertInvalid(admin.post("/api/discount-rules", """
                    {"name": "Edge", "terms": {"percentOff": 10, "startsAt": "%s"}}""".formatted(instant)),
                    "terms.startsAt");
            assertInvalid(admin.put("/api/discount-rules/" + rule, """
                    {"name": "Edge", "terms": {"percentOff": 10, "endsAt": "%s"}}""".formatted(instant)),
                    "terms.endsAt");
        }

        assertThat(events.commandEvents()).isEqualTo(before);
        assertThat(lookupRows()).isEqualTo(lookupRows);
    }

    @Test
    void refusesInstantsOutsideTheSupportedRangeOnTheCommandBus() {
        Instant max = Instant.MAX;
        CommandRejection created = rejection(() -> gateway.sendAndWait(new CreateCampaignCommand(CampaignId.random(),
                unique("bus"), CampaignType.BULK_POOL, null, null, Instant.MIN, max)));
        assertThat(fields(created)).containsExactlyInAnyOrder("startsAt", "expiresAt");

        CommandRejection rule = rejection(() -> gateway.sendAndWait(new CreateDiscountRuleCommand(
                new DiscountRuleId(UUID.randomUUID()), "Edge", terms(Instant.MIN, Instant.MAX))));
        assertThat(fields(rule)).containsExactlyInAnyOrder("terms.startsAt", "terms.endsAt");

        String campaign = admin.post("/api/campaigns", """
                {"code": "%s", "type": "SINGLE_CODE"}""".formatted(unique("bus")))
                .json().get("id").asString();
        long before = events.commandEvents();
        CommandRejection rescheduled = rejection(() -> gateway.sendAndWait(new RescheduleCampaignCommand(
                new CampaignId(UUID.fromString(campaign)), Instants.EARLIEST.minusNanos(1), Instants.END)));
        assertThat(fields(rescheduled)).containsExactlyInAnyOrder("startsAt", "expiresAt");
        assertThat(events.commandEvents()).isEqualTo(before);
    }

    @Test
    void acceptsTheFirstAndLastSupportedInstants() {
        String campaign = admin.post("/api/campaigns", """
                {"code": "%s", "type": "SINGLE_CODE"}""".formatted(unique("edge")))
                .json().get("id").asString();
        TestHttp.Response response = admin.put("/api/campaigns/" + campaign + "/schedule", """
                {"startsAt": "2000-01-01T00:00:00Z", "expiresAt": "9999-12-31T23:59:59.999999Z"}""");
        assertThat(response.status()).as(response::toString).isEqualTo(200);
    }

    private long lookupRows() {
        return jdbc.sql("SELECT (SELECT count(*) FROM redemption_campaign) + (SELECT count(*) FROM redemption_rule)")
                .query(Long.class).single();
    }

    /**
     * Years outside 0001–9999 never become an instant: the JSON reader refuses them (400
     * MALFORMED_BODY); within those years the command's own range refuses (422 INVALID_FIELDS).
     * Either way the field is named and nothing changes.
     */
    private static void assertInvalid(TestHttp.Response response, String field) {
        assertThat(response.status()).as(response::toString).isIn(400, 422);
        assertThat(response.json().get("code").asString())
                .isEqualTo(response.status() == 400 ? "MALFORMED_BODY" : "INVALID_FIELDS");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .as(response::toString).contains(field);
    }

    private static CommandRejection rejection(Runnable send) {
        CommandExecutionException e = catchThrowableOfType(CommandExecutionException.class, send::run);
        assertThat(e).isNotNull();
        return e.getDetails().map(CommandRejection.class::cast).orElseThrow();
    }

    private static List<String> fields(CommandRejection rejection) {
        assertThat(rejection.status()).isEqualTo(422);
        return rejection.violations().stream().map(FieldViolation::field).toList();
    }

    private static DiscountTerms terms(Instant startsAt, Instant endsAt) {
        return new DiscountTerms(BigDecimal.TEN, null, false, null, false, false, null, false, false, false, null,
                startsAt, endsAt, List.of(), null, null, null, null, null, null);
    }

    private static String unique(String prefix) {
        return (prefix + UUID.randomUUID().toString().replace("-", "")).substring(0, 20).toUpperCase();
    }
}
