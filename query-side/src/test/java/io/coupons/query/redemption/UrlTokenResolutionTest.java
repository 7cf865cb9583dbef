package io.coupons.query.redemption;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.rule.DiscountRuleCreatedEvent;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.platform.testing.TestHttp;
import io.coupons.query.EventAppender;
import io.coupons.query.ProjectionsCaughtUp;
import io.coupons.query.QuerySideTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** A storefront resolves an auto-apply link to the offer behind it. */
@QuerySideTest
class UrlTokenResolutionTest {

    @LocalServerPort
    int port;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventProcessingConfiguration processing;

    UsageFixture fixture;
    TestHttp checkout;

    @BeforeEach
    void setUp() {
        fixture = new UsageFixture(eventStore, transactions);
        checkout = TestHttp.at(port).as("checkout");
    }

    @Test
    void resolvesATokenToItsCampaignAndTheLinkedRulesOffer() {
        DiscountRuleId rule = rule();
        String token = token();
        String code = UsageFixture.uniqueCode("LINK");
        CampaignId campaign = fixture.campaign(code, CampaignType.URL_TOKEN, 1, rule, token);
        ProjectionsCaughtUp.await(processing, eventStore);

        TestHttp.Response response = checkout.get("/api/url-tokens/" + token);

        assertThat(response.status()).as(response::toString).isEqualTo(200);
        JsonNode offer = response.json();
        assertThat(offer.get("token").asString()).isEqualTo(token);
        assertThat(offer.get("campaignId").asString()).isEqualTo(campaign.toString());
        assertThat(offer.get("code").asString()).isEqualTo(code);
        assertThat(offer.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(offer.get("offerAvailable").asBoolean()).isTrue();
        assertThat(offer.get("percentOff").decimalValue()).isEqualByComparingTo("15");
        assertThat(offer.get("discountLimit").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(offer.get("freeGroundShipping").asBoolean()).isTrue();
        assertThat(offer.get("currency").asString()).isEqualTo("USD");
        assertThat(offer.get("orderMinimum").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(offer.get("displayMessage").asString()).isEqualTo("15% off, up to $30");
        assertThat(TestHttp.at(port).as("admin").get("/api/url-tokens/" + token).status()).isEqualTo(200);
    }

    @Test
    void anArchivedCampaignsTokenStillResolvesButOffersNothing() {
        String token = token();
        CampaignId campaign = fixture.campaign(UsageFixture.uniqueCode("OLD"), CampaignType.URL_TOKEN, 1, rule(),
                token);
        fixture.archive(campaign, 1);
        ProjectionsCaughtUp.await(processing, eventStore);

        JsonNode offer = checkout.get("/api/url-tokens/" + token).json();

        assertThat(offer.get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(offer.get("offerAvailable").asBoolean()).isFalse();
    }

    @Test
    void aTokenWithoutALinkedRuleOffersNothing() {
        String token = token();
        fixture.campaign(UsageFixture.uniqueCode("BARE"), CampaignType.URL_TOKEN, 1, null, token);
        ProjectionsCaughtUp.await(processing, eventStore);

        JsonNode offer = checkout.get("/api/url-tokens/" + token).json();

        assertThat(offer.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(offer.get("offerAvailable").asBoolean()).isFalse();
        assertThat(offer.get("percentOff").isNull()).isTrue();
    }

    @Test
    void anUnknownTokenIsNotFoundAndTokensAreCaseSensitive() {
        String token = token();
        fixture.campaign(UsageFixture.uniqueCode("CASE"), CampaignType.URL_TOKEN, 1, null, token);
        ProjectionsCaughtUp.await(processing, eventStore);

        for (String unknown : List.of(token(), token.toUpperCase())) {
            TestHttp.Response response = checkout.get("/api/url-tokens/" + unknown);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
        }
    }

    /** Shaped like the command side's tokens: 22 characters of URL-safe Base64, mixed case. */
    private static String token() {
        return ("Tk" + UUID.randomUUID().toString().replace("-", "")).substring(0, 22);
    }

    private DiscountRuleId rule() {
        DiscountRuleId rule = DiscountRuleId.random();
        new EventAppender(eventStore, transactions).append("DiscountRule", rule, 0, new DiscountRuleCreatedEvent(rule,
                "Link 15%", new DiscountTerms(new BigDecimal("15"), new BigDecimal("30.00"), false, null, false, true,
                "USD", false, false, false, new BigDecimal("25.00"), null, null, List.of(), null,
                "15% off, up to $30", null, null, null, null)));
        return rule;
    }
}
