package io.coupons.query.marketing;

import io.coupons.api.marketing.FindMarketingCampaignsQuery;
import io.coupons.api.marketing.GetMarketingCampaignQuery;
import io.coupons.api.marketing.MarketingCampaignPage;
import io.coupons.api.marketing.MarketingCampaignView;
import io.coupons.platform.web.ApiProblemException;
import io.coupons.query.web.PagingParameters;
import io.coupons.query.web.QuerySender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/marketing-campaigns")
@Tag(name = "Marketing campaigns")
public class MarketingCampaignController {

    private final QuerySender queries;

    public MarketingCampaignController(QuerySender queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List marketing campaigns in name order, searchable by name",
            description = "The rule form's Marketing Campaign picker: q is a part of the name in any case (spring "
                    + "finds Spring launch). Name order is ordinal: upper case before lower case.")
    public MarketingCampaignPage list(@RequestParam(required = false) String q,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "" + PagingParameters.DEFAULT_SIZE) int size) {
        return queries.one(new FindMarketingCampaignsQuery(PagingParameters.text("q", q),
                PagingParameters.of(page, size)), MarketingCampaignPage.class);
    }

    @GetMapping("/{marketingCampaignId}")
    @Operation(summary = "One marketing campaign", description = "404 until its definition is projected. The id "
            + "is derived from the name; the command side's answer carries it.")
    public MarketingCampaignView get(@PathVariable UUID marketingCampaignId) {
        return queries.optional(new GetMarketingCampaignQuery(marketingCampaignId), MarketingCampaignView.class)
                .orElseThrow(() -> ApiProblemException.notFound("marketing campaign", marketingCampaignId));
    }
}
