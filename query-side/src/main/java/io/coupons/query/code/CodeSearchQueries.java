package io.coupons.query.code;

import io.coupons.api.campaign.CampaignView;
import io.coupons.api.campaign.GetCampaignQuery;
import io.coupons.api.common.PageRequest;
import io.coupons.api.promo.GetPromoCodesQuery;
import io.coupons.api.promo.PromoCodePage;
import io.coupons.api.promo.PromoCodeView;
import io.coupons.api.redemption.CodeUsageView;
import io.coupons.api.redemption.FindCodeRedemptionsQuery;
import io.coupons.api.redemption.GetCodeUsageQuery;
import io.coupons.api.redemption.RedemptionPage;
import io.coupons.api.rule.DiscountRuleView;
import io.coupons.api.rule.GetDiscountRuleQuery;
import io.coupons.api.search.CodeDetails;
import io.coupons.api.search.CodePage;
import io.coupons.api.search.CodeSummary;
import io.coupons.api.search.FindCodesQuery;
import io.coupons.api.search.GetCodeDetailsQuery;
import io.coupons.query.web.QuerySender;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers Find Coupon and a code's details (for REST and for other Axon services). Text that cannot
 * be a code finds nothing here (the REST layer says 400); a cursor this search did not hand out is
 * refused, since continuing from it could silently skip or repeat rows.
 */
@Component
public class CodeSearchQueries {

    private final CodeTable table;
    private final QuerySender queries;
    private final Clock clock;

    public CodeSearchQueries(CodeTable table, QuerySender queries, Clock clock) {
        this.table = table;
        this.queries = queries;
        this.clock = clock;
    }

    @QueryHandler
    public CodePage handle(FindCodesQuery query) {
        Optional<SearchText> parsed = SearchText.parse(query.search());
        if (parsed.isEmpty()) {
            return new CodePage(List.of(), null);
        }
        SearchText search = parsed.get();
        String after = query.cursor() == null ? "" : SearchCursor.lastCode(query.cursor(), search)
                .orElseThrow(() -> new IllegalArgumentException("cursor is not one this search handed out"));
        // One row more than the page says whether "load more" has anything to load.
        List<CodeRow> rows = table.page(search, after, query.size() + 1, clock.instant());
        List<CodeRow> shown = rows.subList(0, Math.min(rows.size(), query.size()));
        String next = rows.size() > query.size() ? SearchCursor.after(search, shown.get(shown.size() - 1).code()) : null;
        Map<String, PromoCodeView> promo = promoCodes(shown);
        Instant now = clock.instant();
        return new CodePage(shown.stream().map(row -> summary(row, promo, now)).toList(), next);
    }

    /** The page's promo codes as the promo batches' read model sees them: one query, only if the page has any. */
    private Map<String, PromoCodeView> promoCodes(List<CodeRow> rows) {
        List<String> codes = rows.stream().filter(CodeRow::promo).map(CodeRow::code).toList();
        if (codes.isEmpty()) {
            return Map.of();
        }
        return queries.one(new GetPromoCodesQuery(codes), PromoCodePage.class).items().stream()
                .collect(Collectors.toMap(PromoCodeView::code, Function.identity()));
    }

    private static CodeSummary summary(CodeRow row, Map<String, PromoCodeView> promo, Instant now) {
        return row.promo() ? PromoCodeSummary.of(row, promo.get(row.code()), now) : row.summary();
    }

    /**
     * The search row plus what the other read models know of the code, asked through the query bus
     * like any client would, so each keeps its one definition (campaign status, usage counters).
     */
    @QueryHandler
    public Optional<CodeDetails> handle(GetCodeDetailsQuery query) {
        Instant now = clock.instant();
        return SearchText.parse(query.code()).flatMap(typed -> exactly(typed, now)).map(row -> row.promo()
                ? promoDetails(row, now) : details(row.summary()));
    }

    /** A promo code: no campaign, rule or campaign usage; its batch's view of it instead. */
    private CodeDetails promoDetails(CodeRow row, Instant now) {
        PromoCodeView promo = promoCodes(List.of(row)).get(row.code());
        RedemptionPage redemptions = queries.one(new FindCodeRedemptionsQuery(row.code(),
                new PageRequest(0, CodeDetails.REDEMPTIONS_SHOWN)), RedemptionPage.class);
        return new CodeDetails(PromoCodeSummary.of(row, promo, now), null, null, null, redemptions.items(),
                redemptions.total(), promo);
    }

    /** The code as typed or, typed without the dash after its pool's code, the one code it can be. */
    private Optional<CodeRow> exactly(SearchText typed, Instant now) {
        return table.find(typed.text(), now).or(() -> {
            List<CodeRow> candidates = table.page(typed, "", 2, now).stream()
                    .filter(row -> row.code().replace("-", "").equals(typed.text())).toList();
            return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
        });
    }

    private CodeDetails details(CodeSummary code) {
        Optional<CampaignView> campaign = queries.optional(new GetCampaignQuery(code.campaignId()), CampaignView.class);
        DiscountRuleView rule = campaign.map(CampaignView::discountRuleId)
                .flatMap(id -> queries.optional(new GetDiscountRuleQuery(id), DiscountRuleView.class)).orElse(null);
        CodeUsageView usage = queries.optional(new GetCodeUsageQuery(code.code()), CodeUsageView.class).orElse(null);
        RedemptionPage redemptions = queries.one(new FindCodeRedemptionsQuery(code.code(),
                new PageRequest(0, CodeDetails.REDEMPTIONS_SHOWN)), RedemptionPage.class);
        return new CodeDetails(code, campaign.orElse(null), rule, usage, redemptions.items(), redemptions.total());
    }
}
