package io.coupons.api.promo;

import java.util.List;

/** One page of the promo batch list, newest first. */
public record PromoBatchPage(List<PromoBatchView> items, long total, int page, int size) {

    public PromoBatchPage {
        items = List.copyOf(items);
    }
}
