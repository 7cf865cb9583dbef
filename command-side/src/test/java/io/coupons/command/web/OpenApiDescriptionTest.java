package io.coupons.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.command.CommandSideTest;
import io.coupons.platform.testing.OpenApiDescription;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The command side's served description describes every answer: statuses, problem bodies, null.
 * Every answer the other tests receive is checked against it as well (TestHttp).
 */
@CommandSideTest
class OpenApiDescriptionTest {

    @LocalServerPort
    int port;

    OpenApiDescription description;

    @BeforeEach
    void setUp() {
        description = OpenApiDescription.servedAt(port);
    }

    @Test
    void everyOperationDescribesASuccessAndThePlatformsProblemAnswers() {
        description.assertEveryOperationDescribesItsAnswers();
    }

    @Test
    void creatingRequestsAnswer201OrGenerate202WithALocation() {
        for (String operation : new String[]{
                "post /api/discount-rules", "post /api/campaigns", "post /api/redemptions"}) {
            assertThat(description.responses(operation).has("201")).as(operation).isTrue();
            assertThat(description.responses(operation).get("201").get("headers").has("Location")).as(operation)
                    .isTrue();
        }
        assertThat(description.responses("post /api/discount-rules").has("200")).isFalse();
        assertThat(description.responses("post /api/campaigns").has("200")).isFalse();
        assertThat(description.responses("post /api/redemptions").has("200")).as("repeated").isTrue();
        assertThat(description.responses("post /api/redemptions").has("429")).isTrue();
        assertThat(description.responses("post /api/redemptions/validate").has("429")).isTrue();
        var generate = description.responses("post /api/campaigns/{campaignId}/batches");
        assertThat(generate.propertyNames()).contains("202").doesNotContain("200", "201");
        assertThat(generate.get("202").get("headers").has("Location")).isTrue();
    }

    @Test
    void decisionsAreNullableWhereAnswersHoldNull() {
        description.assertNullable("RedemptionDecision", "reason", "message", "redemptionId", "code", "campaignId",
                "discount", "retryAfterSeconds");
        description.assertRequired("RedemptionDecision", "accepted", "repeated");
        description.assertNullable("Discount", "displayMessage");
        description.assertRequired("RedemptionReversal", "redemptionId", "code", "orderId", "reversedAt",
                "alreadyReversed");
        description.assertRequired("CommandAccepted", "id", "version");
        description.assertNullable("DiscountTerms", "percentOff", "discountLimit", "flatAmountOff", "currency",
                "orderMinimum", "startsAt", "endsAt", "variantTargetingGroup", "displayMessage", "offerType",
                "marketingCampaign", "pnlAllocation", "transactionType");
        description.assertNullable("MarketingCampaignRequest", "description");
    }

    @Test
    void enumsAndFormatsAreThoseOfTheAnswers() {
        var decision = description.schema("RedemptionDecision").get("properties");
        assertThat(decision.get("reason").get("enum").valueStream().map(node -> node.isNull() ? null : node.asString()))
                .contains("UNKNOWN_CODE", "EXHAUSTED", "TOO_MANY_ATTEMPTS", null);
        assertThat(decision.get("redemptionId").get("format").asString()).isEqualTo("uuid");
        var discount = description.schema("Discount").get("properties");
        assertThat(discount.get("total").get("type").asString()).isEqualTo("number");
        assertThat(description.schema("RedemptionReversal").get("properties").get("reversedAt").get("format")
                .asString()).isEqualTo("date-time");
    }
}
