package io.coupons.api.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of search results in code order.
 *
 * @param nextCursor where "load more" continues (pass it back unchanged), or null after the last row
 */
public record CodePage(List<CodeSummary> items, @Nullable String nextCursor) {

    public CodePage {
        items = List.copyOf(items);
    }
}
