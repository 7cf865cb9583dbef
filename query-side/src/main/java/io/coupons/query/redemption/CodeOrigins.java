package io.coupons.query.redemption;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which campaign (and batch) a code is: code_view, which holds generated codes and single-code and
 * URL-token campaigns' codes (a code changed away stays its old campaign's, deleted, until another
 * claims it); else campaign_view, for a campaign whose code_view row is not projected yet. Read
 * here, written by their own projections.
 */
@Component
public class CodeOrigins {

    private final JdbcClient jdbc;

    public CodeOrigins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Origin(UUID campaignId, UUID batchId) {
    }

    Optional<Origin> of(String code) {
        return jdbc.sql("SELECT campaign_id, batch_id FROM code_view WHERE code = ?").param(code)
                .query((row, i) -> new Origin(row.getObject("campaign_id", UUID.class),
                        row.getObject("batch_id", UUID.class)))
                .optional()
                // A changed single code frees the old one for another campaign: the live one wins.
                .or(() -> jdbc.sql("""
                                SELECT id FROM campaign_view WHERE code = ? AND type IN ('SINGLE_CODE', 'URL_TOKEN')
                                ORDER BY archived_at IS NOT NULL, created_at DESC LIMIT 1""")
                        .param(code)
                        .query((row, i) -> new Origin(row.getObject("id", UUID.class), null))
                        .optional());
    }

    Optional<Integer> batchNumber(UUID batchId) {
        return jdbc.sql("SELECT batch_number FROM generation_batch_view WHERE batch_id = ?").param(batchId)
                .query(Integer.class).optional();
    }

    Optional<UUID> campaignOfBatch(UUID batchId) {
        return jdbc.sql("SELECT campaign_id FROM generation_batch_view WHERE batch_id = ?").param(batchId)
                .query(UUID.class).optional();
    }
}
