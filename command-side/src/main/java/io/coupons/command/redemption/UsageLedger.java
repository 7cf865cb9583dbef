package io.coupons.command.redemption;

import io.coupons.api.campaign.CampaignId;
import io.coupons.api.redemption.RedemptionId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The set-based half of a redemption, in the command's transaction: the database, not a JVM lock,
 * decides, so the limits hold across every command-side instance.
 */
@Component
public class UsageLedger {

    private final JdbcClient jdbc;

    public UsageLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serializes work on one redemption (code + order) until the transaction ends, on every instance:
     * a reversal racing another reversal of the same redemption waits, then finds it reversed.
     */
    public void lock(RedemptionId redemptionId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(redemptionId.value().getMostSignificantBits())
                .query((rs, row) -> 1).single();
    }

    /**
     * Claims the redemption's idempotency key; false when the redemption is already recorded. A
     * racing claim of the same key waits here until the first transaction ends.
     */
    public boolean claimRedemption(RedemptionId redemptionId) {
        return jdbc.sql("INSERT INTO redemption_key (redemption_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(redemptionId.value()).update() == 1;
    }

    /** What {@link #claim} took: the redemption's key, the account's use, a use of the code. */
    public record Claim(boolean key, boolean accountUse, boolean codeUse) {
    }

    /**
     * A campaign code's whole claim in one round trip: the redemption's key, then (when the code
     * allows one use per account) the account's use, then a use of the code if it is limited (the
     * hot row, locked last). Each later part is only attempted if the earlier ones were taken: a
     * repeat takes nothing, an account that already used the code takes no use. What a refused
     * claim took stays taken until {@link #release} or the transaction's rollback.
     *
     * @param limit the code's uses, or null when unlimited (then no row is touched for it)
     */
    public Claim claim(RedemptionId redemptionId, CampaignId campaignId, String code, String accountId,
                       boolean oneUsePerAccount, Integer limit) {
        return jdbc.sql("""
                        WITH key AS (
                            INSERT INTO redemption_key (redemption_id) VALUES (:id) ON CONFLICT DO NOTHING
                            RETURNING redemption_id),
                        account AS (
                            INSERT INTO account_code_use (campaign_id, code, account_id, redemption_id)
                            SELECT :campaign, :code, :account, redemption_id FROM key WHERE :oneUse
                            ON CONFLICT DO NOTHING RETURNING redemption_id),
                        use AS (
                            INSERT INTO code_usage AS u (campaign_id, code, used)
                            SELECT :campaign, :code, 1 FROM key
                            WHERE :limited AND :limit > 0 AND (NOT :oneUse OR EXISTS (SELECT 1 FROM account))
                            ON CONFLICT (campaign_id, code) DO UPDATE SET used = u.used + 1 WHERE u.used < :limit
                            RETURNING 1)
                        SELECT EXISTS (SELECT 1 FROM key), EXISTS (SELECT 1 FROM account), EXISTS (SELECT 1 FROM use)""")
                .param("id", redemptionId.value()).param("campaign", campaignId.value()).param("code", code)
                .param("account", accountId).param("oneUse", oneUsePerAccount).param("limited", limit != null)
                .param("limit", limit == null ? 0 : limit)
                .query((rs, row) -> new Claim(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3))).single();
    }

    /** Undoes {@link #claimRedemption} in the same transaction when the redemption is refused after all. */
    public void releaseRedemption(RedemptionId redemptionId) {
        jdbc.sql("DELETE FROM redemption_key WHERE redemption_id = ?").param(redemptionId.value()).update();
    }

    public boolean redemptionRecorded(RedemptionId redemptionId) {
        return jdbc.sql("SELECT 1 FROM redemption_key WHERE redemption_id = ?").param(redemptionId.value())
                .query(Integer.class).optional().isPresent();
    }

    public void giveUseBack(CampaignId campaignId, String code) {
        jdbc.sql("UPDATE code_usage SET used = used - 1 WHERE campaign_id = ? AND code = ? AND used > 0")
                .params(campaignId.value(), code).update();
    }

    public int used(CampaignId campaignId, String code) {
        return jdbc.sql("SELECT used FROM code_usage WHERE campaign_id = ? AND code = ?")
                .params(campaignId.value(), code).query(Integer.class).optional().orElse(0);
    }

    /**
     * Claims the account's one use of the code; false when the account already holds it. The owner
     * is the code's campaign or promo batch (the {@code campaign_id} column keys both: ids never clash).
     */
    public boolean holdAccountUse(UUID ownerId, String code, String accountId, RedemptionId redemptionId) {
        return jdbc.sql("""
                        INSERT INTO account_code_use (campaign_id, code, account_id, redemption_id)
                        VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(ownerId, code, accountId, redemptionId.value())
                .update() == 1;
    }

    /** Gives the account its use back, only if this redemption is the one holding it. */
    public void releaseAccountUse(UUID ownerId, String code, String accountId, RedemptionId redemptionId) {
        jdbc.sql("""
                        DELETE FROM account_code_use
                        WHERE campaign_id = ? AND code = ? AND account_id = ? AND redemption_id = ?""")
                .params(ownerId, code, accountId, redemptionId.value())
                .update();
    }

    public boolean accountHasUsed(UUID ownerId, String code, String accountId) {
        return jdbc.sql("SELECT 1 FROM account_code_use WHERE campaign_id = ? AND code = ? AND account_id = ?")
                .params(ownerId, code, accountId).query(Integer.class).optional().isPresent();
    }
}
