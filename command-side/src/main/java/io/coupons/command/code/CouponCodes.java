package io.coupons.command.code;

import io.coupons.api.campaign.CampaignId;
import io.coupons.platform.persistence.CodeCopy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
     * campaign_id, batch_id, promo_batch_id, account_id; read only): checkout's lookup joins it with its campaign terms in one
     * round trip, its hot path. Promo codes have promo_batch_id and account_id instead of a campaign.
     */
    public static String table(String alias) {
        return "coupon_code " + alias;
    }

    /**
     * Reserves codes believed free with COPY, PostgreSQL's fast path (about half the cost of a
     * per-row conflict check). If any of them exists after all (another instance wrote codes with
     * the same prefix meanwhile), the unique constraint refuses the COPY, the transaction goes back
     * to before it, and the answer is false: nothing was reserved. Runs in the caller's transaction.
     *
     * @param accounts the account each code is bound to, by position (null: none is bound)
     */
    public boolean reserveAllWithCopy(List<String> codes, List<String> accounts, CodeOwner owner) {
        String tail = "\t" + owner.copyColumns() + "\t";
        List<String> rows = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            String account = accounts == null ? null : accounts.get(i);
            rows.add(codes.get(i) + tail + (account == null ? "\\N" : CodeCopy.escape(account)));
        }
        return CodeCopy.copyRowsUnlessAnyExists(dataSource,
                "COPY coupon_code (code, campaign_id, batch_id, promo_batch_id, account_id) FROM STDIN", rows);
    }

    /**
     * Reserves the candidates that are still free; answers those it reserved (collisions are left
     * out). {@code accounts} binds each candidate by position, or is null.
     */
    public List<String> reserveFree(List<String> candidates, List<String> accounts, CodeOwner owner) {
        return jdbc.sql("""
                        INSERT INTO coupon_code (code, campaign_id, batch_id, promo_batch_id, account_id)
                        SELECT candidate, ?, ?, ?, account
                        FROM unnest(?::varchar[], ?::varchar[]) AS c (candidate, account)
                        ON CONFLICT (code) DO NOTHING
                        RETURNING code""")
                .params(owner.campaignId(), owner.runId(), owner.promoBatchId(), candidates.toArray(String[]::new),
                        accounts == null ? new String[candidates.size()] : accounts.toArray(String[]::new))
                .query(String.class).list();
    }

    /**
     * Every promo code of {@code length} characters (promo codes have no prefix, so they share one
     * space per length): a scan of the registry, done once per worker for its Bloom filter.
     */
    public void forEachPromoCode(int length, Consumer<String> consumer) {
        jdbc.sql("SELECT code FROM coupon_code WHERE promo_batch_id IS NOT NULL AND length(code) = ?")
                .param(length).withFetchSize(10_000)
                .query((RowCallbackHandler) row -> consumer.accept(row.getString(1)));
    }

    /** Reserves one single code; false when any campaign or batch already has it. */
    public boolean reserveSingle(String code, CampaignId campaign) {
        return !reserveFree(List.of(code), null, CodeOwner.campaign(campaign, null)).isEmpty();
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

    /** Whose the code is, or empty when no campaign or batch has it. */
    public Optional<CodeOwner> ownerOf(String code) {
        return jdbc.sql("SELECT campaign_id, batch_id, promo_batch_id FROM coupon_code WHERE code = ?").param(code)
                .query((row, i) -> new CodeOwner(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                        row.getObject(3, UUID.class)))
                .optional();
    }

    public void release(String code, CampaignId campaign) {
        jdbc.sql("DELETE FROM coupon_code WHERE code = ? AND campaign_id = ?").params(code, campaign.value()).update();
    }
}
