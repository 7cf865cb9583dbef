package io.coupons.command.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The worker's Bloom filters, one per prefix it is generating for: built once from the registry
 * (a prefix's codes are a range of its primary key), then kept up to date with every chunk. Memory
 * is bounded: at most {@link #MAX_PREFIXES} filters, each for at most {@link #MAX_CAPACITY} codes;
 * a larger pool goes without one (its chunks take the slower per-row conflict check).
 */
@Component
class PrefixFilters {

    static final int MAX_PREFIXES = 4;
    /** 12 million codes take about 14 MB; four such filters stay well inside a 512 MB heap. */
    static final long MAX_CAPACITY = 12_000_000;

    private final JdbcClient jdbc;
    private final Map<String, PrefixFilter> filters = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PrefixFilter> eldest) {
            return size() > MAX_PREFIXES;
        }
    };

    PrefixFilters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The filter of the run's prefix, or null when its pool is too large to filter in memory. */
    synchronized PrefixFilter forRun(GenerationBatches.Run run) {
        PrefixFilter filter = filters.get(run.prefix());
        if (filter != null) {
            return filter;
        }
        long capacity = requestedFor(run.campaignId());
        if (capacity > MAX_CAPACITY) {
            return null;
        }
        PrefixFilter built = new PrefixFilter(capacity);
        RowCallbackHandler add = row -> built.add(row.getString(1));
        jdbc.sql("SELECT code FROM coupon_code WHERE code >= ? AND code < ?")
                .params(run.prefix() + "-", run.prefix() + ".").withFetchSize(10_000).query(add);
        filters.put(run.prefix(), built);
        return built;
    }

    /** Every code ever requested for the campaign: an upper bound of its pool. */
    private long requestedFor(UUID campaignId) {
        return jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM generation_batch WHERE campaign_id = ?")
                .param(campaignId).query(Long.class).single();
    }
}
