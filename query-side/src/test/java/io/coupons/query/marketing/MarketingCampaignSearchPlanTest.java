package io.coupons.query.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.common.PageRequest;
import io.coupons.api.marketing.MarketingCampaignPage;
import io.coupons.api.marketing.MarketingCampaignView;
import io.coupons.query.QuerySideTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With 100,000 marketing campaigns the case-insensitive substring search uses the trigram index
 * and stays in milliseconds. Runs in a transaction that is rolled back, so the other tests never
 * see the rows.
 */
@QuerySideTest
class MarketingCampaignSearchPlanTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MarketingCampaignRows rows;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void substringSearchOverAHundredThousandCampaignsUsesTheTrigramIndex() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO marketing_campaign_view (id, name, name_folded, defined_at, version)
                    SELECT gen_random_uuid(), n, lower(n), now(), 0
                    FROM (SELECT 'Campaign ' || md5(i::text) || ' ' || i AS n FROM generate_series(1, 100000) AS i) s
                    """).update();
            jdbc.sql("INSERT INTO marketing_campaign_view (id, name, name_folded, defined_at, version) "
                    + "VALUES (gen_random_uuid(), 'Needle Springfield', 'needle springfield', now(), 0)").update();
            jdbc.sql("ANALYZE marketing_campaign_view").update();
            List<String> plan = jdbc.sql("""
                    EXPLAIN SELECT * FROM marketing_campaign_view WHERE name_folded LIKE '%' || 'spring' || '%'
                    ESCAPE '\\' ORDER BY name, id LIMIT 50""").query(String.class).list();
            assertThat(String.join("\n", plan)).contains("marketing_campaign_view_name_trgm_idx");

            long started = System.nanoTime();
            MarketingCampaignPage found = null;
            for (int i = 0; i < 20; i++) {
                found = rows.find("NEEDLE SPRING", new PageRequest(0, 50));
            }
            double millis = (System.nanoTime() - started) / 20 / 1e6;
            assertThat(found.items()).extracting(MarketingCampaignView::name).containsExactly("Needle Springfield");
            System.out.printf("Case-insensitive search over 100,001 marketing campaigns: %.2f ms per query "
                    + "(count + page)%n", millis);
            assertThat(millis).isLessThan(50);
            status.setRollbackOnly();
        });
    }
}
