package io.coupons.command.code;

import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import io.coupons.platform.persistence.CodeCopy;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowCallbackHandler;
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
     * The registry as a table of another feature's statement, named {@code alias} (columns code,
     * campaign_id, batch_id; read only): checkout's lookup joins it with its campaign terms in one
     * round trip, its hot path.
     */
    public static String table(String alias) {
        return "coupon_code " + alias;
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

    /**
     * Every code {@code PREFIX-...} there is: a range of the primary key ('.' follows '-'), read
     * with a fetch size so ten million codes stream rather than fill the heap.
     */
    public void forEachWithPrefix(String prefix, Consumer<String> consumer) {
        jdbc.sql("SELECT code FROM coupon_code WHERE code >= ? AND code < ?")
                .params(prefix + "-", prefix + ".").withFetchSize(10_000)
                .query((RowCallbackHandler) row -> consumer.accept(row.getString(1)));
    }

    public void release(String code, CampaignId campaign) {
        jdbc.sql("DELETE FROM coupon_code WHERE code = ? AND campaign_id = ?").params(code, campaign.value()).update();
    }
}
