package io.coupons.command.batch;

import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import io.coupons.platform.persistence.CodeCopy;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry of every redeemable code (primary key = the upper-cased code), written inside the
 * transaction of the event that announces the codes: the unique constraint is what makes a code
 * unique across all campaigns, batches and single codes, whatever runs concurrently.
 */
@Component
public class CouponCodes {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public CouponCodes(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Reserves codes believed free with COPY, PostgreSQL's fast path (about half the cost of a
     * per-row conflict check). If any of them exists after all (another instance wrote codes with
     * the same prefix meanwhile), the unique constraint refuses the COPY, the transaction goes back
     * to before it, and the answer is false: nothing was reserved. Runs in the caller's transaction.
     */
    public boolean reserveAllWithCopy(List<String> codes, CampaignId campaign, BatchId batch) {
        return CodeCopy.copyUnlessAnyExists(dataSource, "COPY coupon_code (code, campaign_id, batch_id) FROM STDIN",
                codes, "\t" + campaign.value() + "\t" + batch.value() + "\n");
    }

    /** Reserves the candidates that are still free; answers those it reserved (collisions are left out). */
    public List<String> reserveFree(List<String> candidates, CampaignId campaign, BatchId batch) {
        return jdbc.sql("""
                        INSERT INTO coupon_code (code, campaign_id, batch_id)
                        SELECT candidate, ?, ? FROM unnest(?::varchar[]) AS candidate
                        ON CONFLICT (code) DO NOTHING
                        RETURNING code""")
                .params(campaign.value(), batch == null ? null : batch.value(), candidates.toArray(String[]::new))
                .query(String.class).list();
    }

    /** Reserves one single code; false when any campaign or batch already has it. */
    public boolean reserveSingle(String code, CampaignId campaign) {
        return !reserveFree(List.of(code), campaign, null).isEmpty();
    }

    public void release(String code, CampaignId campaign) {
        jdbc.sql("DELETE FROM coupon_code WHERE code = ? AND campaign_id = ?").params(code, campaign.value()).update();
    }
}
