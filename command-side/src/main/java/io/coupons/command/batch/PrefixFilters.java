package io.coupons.command.batch;

import io.coupons.command.code.CouponCodes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The worker's Bloom filters, one per code space it is generating in (a campaign's prefix, or all
 * promo codes of one length): built once from the registry (a prefix's codes are a range of its
 * primary key; promo codes of a length take a scan), then kept up to date with every chunk. Memory
 * is bounded: at most {@link #MAX_PREFIXES} filters, each for at most {@link #MAX_CAPACITY} codes;
 * a larger pool goes without one (its chunks take the slower per-row conflict check).
 */
@Component
class PrefixFilters {

    static final int MAX_PREFIXES = 4;
    /** 12 million codes take about 14 MB; four such filters stay well inside a 512 MB heap. */
    static final long MAX_CAPACITY = 12_000_000;

    private final GenerationBatches batches;
    private final CouponCodes codes;
    private final Map<String, PrefixFilter> filters = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PrefixFilter> eldest) {
            return size() > MAX_PREFIXES;
        }
    };

    PrefixFilters(GenerationBatches batches, CouponCodes codes) {
        this.batches = batches;
        this.codes = codes;
    }

    /** The filter of the run's prefix, or null when its pool is too large to filter in memory. */
    synchronized PrefixFilter forRun(GenerationBatches.Run run) {
        // Promo codes have no prefix: all promo codes of one length share one space.
        String space = run.promo() ? "promo codes of length " + run.randomLength() : run.prefix();
        PrefixFilter filter = filters.get(space);
        if (filter != null) {
            return filter;
        }
        long capacity = run.promo() ? batches.requestedForPromoLength(run.randomLength())
                : batches.requestedFor(run.campaignId());
        if (capacity > MAX_CAPACITY) {
            return null;
        }
        PrefixFilter built = new PrefixFilter(capacity);
        if (run.promo()) {
            codes.forEachPromoCode(run.randomLength(), built::add);
        } else {
            codes.forEachWithPrefix(run.prefix(), built::add);
        }
        filters.put(space, built);
        return built;
    }
}
