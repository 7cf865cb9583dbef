package io.coupons.ui.promo;

import io.coupons.ui.app.Api;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The promo screens' reads of one batch on the query side, and their waits for it to catch up with
 * a command just sent (it is eventually consistent: a screen redrawn before would hide the admin's
 * own change). The batch's {@code version} is the sequence of its last projected event, so a
 * command's answered version says when an Edit, Enable or Modify Inventory is visible.
 */
@Component
class PromoBatchReads {

    static final String DETAILS = "/api/promo-batches/{id}";

    private final Api api;

    PromoBatchReads(Api api) {
        this.api = api;
    }

    /** {@code {batch, runs}} as the query side has it now. */
    Map<String, Object> details(String id) {
        return api.queryObject(DETAILS, id);
    }

    /** The details once the batch's version reached {@code version} (or what there is after the wait). */
    Map<String, Object> detailsAtVersion(String id, Object version) {
        long wanted = version instanceof Number number ? number.longValue() : 0;
        Map<String, Object> seen = api.awaitProjected(details -> batch(details).get("version") instanceof Number v
                && v.longValue() >= wanted, DETAILS, id);
        return seen != null ? seen : details(id);
    }

    /** The details once the batch is on the query side at all (right after Generate Batch). */
    @Nullable Map<String, Object> awaitCreated(String id) {
        return api.awaitProjected(details -> true, DETAILS, id);
    }

    /** Waits until the query side answers 404 for the deleted batch; true if it went in time. */
    boolean awaitDeleted(String id) {
        return api.awaitGone(DETAILS, id);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> batch(Map<String, Object> details) {
        return details.get("batch") instanceof Map<?, ?> batch ? (Map<String, Object>) batch : Map.of();
    }
}
