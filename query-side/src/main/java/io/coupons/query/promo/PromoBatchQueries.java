package io.coupons.query.promo;

import io.coupons.api.promo.FindPromoBatchesQuery;
import io.coupons.api.promo.FindPromoCodesQuery;
import io.coupons.api.promo.GetPromoBatchQuery;
import io.coupons.api.promo.GetPromoCodesQuery;
import io.coupons.api.promo.GetPromoReportingQuery;
import io.coupons.api.promo.PromoBatchDetails;
import io.coupons.api.promo.PromoBatchPage;
import io.coupons.api.promo.PromoCodePage;
import io.coupons.api.promo.PromoCodeView;
import io.coupons.api.promo.PromoReporting;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers the promo batch queries (for REST, Find Coupon and other Axon services). */
@Component
public class PromoBatchQueries {

    private final PromoBatchRows batches;
    private final PromoCodeViews codes;
    private final PromoReport report;

    public PromoBatchQueries(PromoBatchRows batches, PromoCodeViews codes, PromoReport report) {
        this.batches = batches;
        this.codes = codes;
        this.report = report;
    }

    @QueryHandler
    public PromoBatchPage handle(FindPromoBatchesQuery query) {
        return batches.find(query.nameContains(), query.segmentContains(), query.page());
    }

    /** Empty for an unknown or deleted batch. */
    @QueryHandler
    public Optional<PromoBatchDetails> handle(GetPromoBatchQuery query) {
        return batches.find(query.promoBatchId())
                .map(batch -> new PromoBatchDetails(batch, batches.runs(batch.id())));
    }

    /** One code more than the page says whether Show List has more to show. */
    @QueryHandler
    public Optional<PromoCodePage> handle(FindPromoCodesQuery query) {
        long after = query.after() == null ? -1 : PromoCursor.position(query.after());
        return codes.page(query.promoBatchId(), after, query.limit() + 1).map(slice -> {
            int shown = Math.min(slice.codes().size(), query.limit());
            // One row more than the page says whether there is a next one; it starts after the last shown.
            String next = slice.codes().size() > query.limit() ? PromoCursor.of(slice.positions().get(shown - 1)) : null;
            return new PromoCodePage(slice.codes().subList(0, shown), next);
        });
    }

    @QueryHandler
    public PromoCodePage handle(GetPromoCodesQuery query) {
        return new PromoCodePage(query.codes().isEmpty() ? List.of() : codes.of(query.codes()), null);
    }

    @QueryHandler
    public PromoReporting handle(GetPromoReportingQuery query) {
        return report.of(query.from(), query.to());
    }
}
