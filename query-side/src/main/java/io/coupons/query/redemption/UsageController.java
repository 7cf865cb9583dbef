package io.coupons.query.redemption;

import io.coupons.api.batch.GenerationBatchView;
import io.coupons.api.batch.GetGenerationBatchQuery;
import io.coupons.api.redemption.CodeUsageView;
import io.coupons.api.redemption.FindCodeRedemptionsQuery;
import io.coupons.api.redemption.GetBatchUsageQuery;
import io.coupons.api.redemption.GetCampaignUsageQuery;
import io.coupons.api.redemption.GetCodeUsageQuery;
import io.coupons.api.redemption.RedemptionPage;
import io.coupons.api.redemption.ResolveUrlTokenQuery;
import io.coupons.api.redemption.UrlTokenOffer;
import io.coupons.api.redemption.UsageStatistics;
import io.coupons.platform.web.ApiProblemException;
import io.coupons.query.code.CodeParameters;
import io.coupons.query.web.PagingParameters;
import io.coupons.query.web.QuerySender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Usage tracking (codes, campaigns, batches) and URL token resolution. */
@RestController
@Tag(name = "Usage tracking")
public class UsageController {

    private final QuerySender queries;

    public UsageController(QuerySender queries) {
        this.queries = queries;
    }

    @GetMapping("/api/codes/{code}/usage")
    @Operation(summary = "A code's usage: total redemptions, remaining uses, last used, discount given",
            description = "The code is case-insensitive; surrounding spaces are ignored.")
    public CodeUsageView codeUsage(@PathVariable String code) {
        String known = CodeParameters.code("code", code);
        return queries.optional(new GetCodeUsageQuery(known), CodeUsageView.class)
                .orElseThrow(() -> CodeParameters.unknownCode(known));
    }

    @GetMapping("/api/codes/{code}/redemptions")
    @Operation(summary = "A code's redemptions, newest first: used at, used by, order, amount, reversed")
    public RedemptionPage redemptions(@PathVariable String code, @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "" + PagingParameters.DEFAULT_SIZE) int size) {
        String known = CodeParameters.code("code", code);
        RedemptionPage answer = queries.one(new FindCodeRedemptionsQuery(known, PagingParameters.of(page, size)),
                RedemptionPage.class);
        // Nothing on the page: tell a code never redeemed from a code that does not exist.
        if (answer.total() == 0 && queries.optional(new GetCodeUsageQuery(known), CodeUsageView.class).isEmpty()) {
            throw CodeParameters.unknownCode(known);
        }
        return answer;
    }

    @GetMapping("/api/campaigns/{campaignId}/usage")
    @Operation(summary = "A campaign's usage: codes redeemed, redemptions, reversals, discount given, per UTC day")
    public UsageStatistics campaignUsage(@PathVariable UUID campaignId) {
        return queries.optional(new GetCampaignUsageQuery(campaignId), UsageStatistics.class)
                .orElseThrow(() -> ApiProblemException.notFound("campaign", campaignId));
    }

    @GetMapping("/api/campaigns/{campaignId}/batches/{batchNumber}/usage")
    @Operation(summary = "One batch's usage, as for the campaign")
    public UsageStatistics batchUsage(@PathVariable UUID campaignId, @PathVariable int batchNumber) {
        GenerationBatchView batch = queries.optional(new GetGenerationBatchQuery(campaignId, batchNumber),
                        GenerationBatchView.class)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "NOT_FOUND",
                        "Campaign " + campaignId + " has no batch " + batchNumber + ".", List.of()));
        return queries.optional(new GetBatchUsageQuery(batch.batchId()), UsageStatistics.class)
                .orElseThrow(() -> ApiProblemException.notFound("batch", batch.batchId()));
    }

    @GetMapping("/api/url-tokens/{token}")
    @Operation(summary = "What a URL token offers, for auto-apply (checkout and admins)",
            description = "Informative: the checkout still validates or redeems the token with the order.")
    public UrlTokenOffer urlToken(@PathVariable String token) {
        if (token.isBlank() || token.length() > 64) {
            throw ApiProblemException.badParameter("token", "must be 1 to 64 characters");
        }
        return queries.optional(new ResolveUrlTokenQuery(token), UrlTokenOffer.class)
                .orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "NOT_FOUND",
                        "No campaign has this URL token.", List.of()));
    }
}
