package io.coupons.api.variantgroup;

import java.util.List;

/** One page of variant groups in name order ("C" order: upper case before lower case). */
public record VariantGroupPage(List<VariantGroupSummary> items, long total, int page, int size) {

    public VariantGroupPage {
        items = List.copyOf(items);
    }
}
