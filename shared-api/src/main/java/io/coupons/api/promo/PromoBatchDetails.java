package io.coupons.api.promo;

import java.util.List;

/** A batch with its rules (in {@code batch.terms}) and its generation runs, newest first. */
public record PromoBatchDetails(PromoBatchView batch, List<PromoRunView> runs) {

    public PromoBatchDetails {
        runs = List.copyOf(runs);
    }
}
