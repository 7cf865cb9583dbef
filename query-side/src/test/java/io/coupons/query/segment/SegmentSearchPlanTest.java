package io.coupons.query.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.common.PageRequest;
import io.coupons.api.segment.SegmentPage;
import io.coupons.query.QuerySideTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With 100,000 segments the case-sensitive substring search uses the trigram index and stays in
 * milliseconds. Runs in a transaction that is rolled back, so the other tests never see the rows.
 */
@QuerySideTest
class SegmentSearchPlanTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SegmentRows rows;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void substringSearchOverAHundredThousandSegmentsUsesTheTrigramIndex() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO segment_view (id, name, created_at, updated_at, version)
                    SELECT gen_random_uuid(), 'Segment ' || md5(i::text) || ' ' || i, now(), now(), 0
                    FROM generate_series(1, 100000) AS i""").update();
            jdbc.sql("INSERT INTO segment_view (id, name, created_at, updated_at, version) "
                    + "VALUES (gen_random_uuid(), 'Needle Summer', now(), now(), 0)").update();
            jdbc.sql("ANALYZE segment_view").update();
            List<String> plan = jdbc.sql("""
                    EXPLAIN SELECT * FROM segment_view WHERE name LIKE '%' || 'Summer' || '%' ESCAPE '\\'
                    ORDER BY name, id LIMIT 50""").query(String.class).list();
            assertThat(String.join("\n", plan)).contains("segment_view_name_trgm_idx");

            long started = System.nanoTime();
            SegmentPage found = null;
            for (int i = 0; i < 20; i++) {
                found = rows.find("Summer", new PageRequest(0, 50));
            }
            double millis = (System.nanoTime() - started) / 20 / 1e6;
            assertThat(found.items()).extracting(segment -> segment.name()).contains("Needle Summer");
            assertThat(rows.find("summer", new PageRequest(0, 50)).items())
                    .extracting(segment -> segment.name()).doesNotContain("Needle Summer");
            System.out.printf("Case-sensitive search over 100,001 segments: %.2f ms per query (count + page)%n",
                    millis);
            assertThat(millis).isLessThan(50);
            status.setRollbackOnly();
        });
    }
}
