package io.coupons.command.code;

import io.coupons.api.campaign.CampaignId;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Set validation for campaign codes: a table with the code as primary key, written inside the
 * command's transaction (the same one that appends the event). Of two concurrent claims of one
 * code, the second waits for the first to commit and then finds the code taken.
 */
@Component
public class CampaignCodeRegistry {

    private final JdbcClient jdbc;

    public CampaignCodeRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How a claim ended. */
    public enum Claim {
        /** The code was free and is now this campaign's. */
        CLAIMED,
        /** This campaign already held the code (a retried creation, or an unchanged code). */
        ALREADY_HELD,
        /** Another campaign holds the code. */
        TAKEN
    }

    public Claim claim(String code, CampaignId campaign) {
        for (int attempt = 0; attempt < 3; attempt++) {
            int inserted = jdbc.sql("INSERT INTO campaign_code_registry (code, campaign_id) VALUES (?, ?) "
                            + "ON CONFLICT (code) DO NOTHING")
                    .params(code, campaign.value()).update();
            if (inserted == 1) {
                return Claim.CLAIMED;
            }
            Optional<UUID> holder = jdbc.sql("SELECT campaign_id FROM campaign_code_registry WHERE code = ?")
                    .param(code).query(UUID.class).optional();
            if (holder.isPresent()) {
                return holder.get().equals(campaign.value()) ? Claim.ALREADY_HELD : Claim.TAKEN;
            }
            // released between our insert and our read: try again
        }
        throw new IllegalStateException("Could not claim campaign code " + code);
    }

    public void release(String code, CampaignId campaign) {
        jdbc.sql("DELETE FROM campaign_code_registry WHERE code = ? AND campaign_id = ?")
                .params(code, campaign.value()).update();
    }

}
