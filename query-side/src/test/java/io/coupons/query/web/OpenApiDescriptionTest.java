package io.coupons.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.platform.testing.OpenApiDescription;
import io.coupons.query.QuerySideTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The query side's served description describes every answer: statuses, problem bodies, null,
 * downloads. Every answer the other tests receive is checked against it as well (TestHttp).
 */
@QuerySideTest
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
    void fieldsThatAnswersLeaveNullAreNullable() {
        description.assertNullable("CodeSummary", "lastUsedAt", "deletedAt", "batchId", "batchNumber", "status",
                "remainingUses", "campaignCode", "campaignType");
        description.assertNullable("CampaignView", "urlToken", "startsAt", "expiresAt", "archivedAt",
                "discountRuleId", "discountRuleName", "usesPerCode", "createdBy");
        description.assertNullable("GenerationBatchView", "failureReason", "completedAt", "requestedBy");
        description.assertNullable("CodeUsageView", "lastUsedAt", "remainingUses", "usesPerCode", "batchId");
        description.assertNullable("RedemptionView", "accountId", "credit", "reversedAt", "reversalReason");
        description.assertNullable("CodeDetails", "campaign", "ruleInForce", "usage");
        description.assertNullable("CodePage", "nextCursor");
        description.assertNullable("DiscountTerms", "percentOff", "discountLimit", "flatAmountOff", "currency",
                "orderMinimum", "startsAt", "endsAt", "variantTargetingGroup", "displayMessage", "offerType",
                "marketingCampaign", "pnlAllocation", "transactionType");
        description.assertNullable("MarketingCampaignView", "description", "definedBy");
        description.assertRequired("MarketingCampaignView", "id", "name", "definedAt", "version");
        description.assertNullable("VariantGroupView", "definedBy", "updatedBy");
        description.assertRequired("VariantGroupView", "id", "name", "variantIds", "variantCount", "definedAt",
                "updatedAt", "version");
        description.assertNullable("VariantGroupSummary", "definedBy", "updatedBy");
        description.assertRequired("VariantGroupSummary", "id", "name", "variantCount", "definedAt", "updatedAt",
                "version");
        // A promo batch's code has no campaign: campaignId is null for it, and its batch fields are set instead.
        description.assertNullable("CodeSummary", "campaignId", "promoBatchId", "promoBatchName", "accountId");
        description.assertRequired("CodeSummary", "code", "generatedAt", "totalRedemptions");
        description.assertNullable("CodeDetails", "promoCode");
        description.assertNullable("RedemptionView", "campaignId", "promoBatchId");
        description.assertNullable("PromoBatchView", "segmentId", "segmentName", "segmentRevision", "createdBy",
                "allowance");
        description.assertRequired("PromoBatchView", "id", "name", "method", "createdAt", "enabled", "state", "terms",
                "version");
        description.assertNullable("PromoRunView", "sourceCode", "failureReason", "requestedBy", "completedAt");
        description.assertNullable("PromoCodeView", "accountId", "remainingUses", "lastUsedAt");
        description.assertNullable("PromoCodePage", "nextCursor");
        description.assertNullable("PromoReportingRow", "pnlAllocation", "transactionType");
        description.assertRequired("CampaignView", "id", "code", "type", "status", "createdAt", "version");
    }

    @Test
    void enumsFormatsAndDownloadsAreThoseOfTheAnswers() {
        var campaign = description.schema("CampaignView").get("properties");
        assertThat(campaign.get("id").get("format").asString()).isEqualTo("uuid");
        assertThat(campaign.get("archivedAt").get("format").asString()).isEqualTo("date-time");
        assertThat(campaign.get("status").get("enum").valueStream().map(node -> node.asString()))
                .containsExactly("SCHEDULED", "ACTIVE", "EXPIRED", "ARCHIVED");
        assertThat(description.schema("DailyUsage").get("properties").get("discountGiven").get("type").asString())
                .isEqualTo("number");
        assertThat(description.responses("get /api/campaigns/export.csv").get("200").get("content").has("text/csv"))
                .isTrue();
        assertThat(description.responses("get /api/exports/codes.zip").get("200").get("content")
                .has("application/zip")).isTrue();
        assertThat(description.responses("get /api/promo-batches/{promoBatchId}/codes.csv").get("200").get("content")
                .has("text/csv")).isTrue();
        assertThat(description.responses("get /api/promo-batches/{promoBatchId}").has("404")).isTrue();
        assertThat(description.responses("get /api/campaigns/{campaignId}/batches/{batchNumber}/codes.csv")
                .has("409")).as("BATCH_NOT_FINISHED").isTrue();
    }
}
