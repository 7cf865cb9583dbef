package io.coupons.query.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.query.QuerySideTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A single code freed by one campaign and claimed by another belongs to the newer claim, in whatever
 * order the two campaigns' events are projected (they can be in different segments).
 */
@QuerySideTest
class CampaignCodeRowsTest {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant CHANGED = CREATED.plusSeconds(60);
    private static final Instant CLAIMED = CREATED.plusSeconds(120);

    @Autowired
    CodeRows codes;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theNewerClaimWinsWhenProjectedInEventOrder() {
        String code = code();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        codes.claimCampaignCode(code, first, CREATED);
        codes.deleteCampaignCode(code, first, CHANGED);
        codes.claimCampaignCode(code, second, CLAIMED);

        assertOwnedByAndLive(code, second);
    }

    @Test
    void theNewerClaimWinsWhenTheOtherCampaignIsProjectedFirst() {
        String code = code();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        codes.claimCampaignCode(code, second, CLAIMED);
        codes.claimCampaignCode(code, first, CREATED);
        codes.deleteCampaignCode(code, first, CHANGED);

        assertOwnedByAndLive(code, second);
    }

    @Test
    void aCodeChangedAwayAndBackIsLiveAgain() {
        String code = code();
        UUID campaign = UUID.randomUUID();
        codes.claimCampaignCode(code, campaign, CREATED);
        codes.deleteCampaignCode(code, campaign, CHANGED);
        codes.claimCampaignCode(code, campaign, CLAIMED);

        assertOwnedByAndLive(code, campaign);
    }

    private void assertOwnedByAndLive(String code, UUID campaign) {
        assertThat(jdbc.sql("SELECT campaign_id FROM code_view WHERE code = ?").param(code).query(UUID.class).single())
                .isEqualTo(campaign);
        assertThat(jdbc.sql("SELECT deleted_at IS NULL FROM code_view WHERE code = ?").param(code)
                .query(Boolean.class).single()).isTrue();
    }

    private static String code() {
        return "ROWS" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }
}
