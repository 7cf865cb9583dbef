package io.coupons.query.projection;

import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.query.EventAppender;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A real failure inside the campaign-table projection: a trigger on its own table refuses the
 * rows of one code with a chosen SQLSTATE, as a constraint the code does not expect would.
 */
final class CampaignViewFault {

    private final JdbcClient jdbc;

    CampaignViewFault(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void refuse(String code, String sqlState) {
        refuse(code, sqlState, "true");
    }

    /** Refuses campaign_view rows with this code while the SQL condition {@code when} holds. */
    void refuse(String code, String sqlState, String when) {
        jdbc.sql("""
                CREATE OR REPLACE FUNCTION campaign_view_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NEW.code = '%s' AND %s THEN
                    RAISE EXCEPTION 'refused by the test: %%', NEW.code USING ERRCODE = '%s';
                  END IF;
                  RETURN NEW;
                END $$""".formatted(code, when, sqlState)).update();
        remove();
        jdbc.sql("""
                CREATE TRIGGER campaign_view_test_fault BEFORE INSERT OR UPDATE ON campaign_view
                FOR EACH ROW EXECUTE FUNCTION campaign_view_test_fault()""").update();
    }

    void remove() {
        jdbc.sql("DROP TRIGGER IF EXISTS campaign_view_test_fault ON campaign_view").update();
    }

    static CampaignId campaign(EventAppender events, String code) {
        CampaignId id = CampaignId.random();
        events.append("Campaign", id, 0, new CampaignCreatedEvent(id, code, CampaignType.SINGLE_CODE, null, null,
                null, null, null));
        return id;
    }
}
