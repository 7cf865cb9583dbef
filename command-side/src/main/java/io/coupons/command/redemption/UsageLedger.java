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

    /** Undoes {@link #claimRedemption} in the same transaction when the redemption is refused after all. */
    public void releaseRedemption(RedemptionId redemptionId) {
        jdbc.sql("DELETE FROM redemption_key WHERE redemption_id = ?").param(redemptionId.value()).update();
    }

    public boolean redemptionRecorded(RedemptionId redemptionId) {
        return jdbc.sql("SELECT 1 FROM redemption_key WHERE redemption_id = ?").param(redemptionId.value())
                .query(Integer.class).optional().isPresent();
    }

    /**
     * Takes one use of a limited code if one is left. The row lock this takes is held to commit, so
     * the hot row of a popular code is locked only for the rest of its transaction.
     */
    public boolean takeUse(CampaignId campaignId, String code, int limit) {
        return jdbc.sql("""
                        INSERT INTO code_usage AS u (campaign_id, code, used) SELECT ?, ?, 1 WHERE ? > 0
                        ON CONFLICT (campaign_id, code) DO UPDATE SET used = u.used + 1 WHERE u.used < ?""")
                .params(campaignId.value(), code, limit, limit)
                .update() == 1;
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
