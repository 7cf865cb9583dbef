package io.coupons.query.promo;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.common.PageRequest;
import io.coupons.api.promo.PromoBatchPage;
import io.coupons.api.promo.PromoBatchView;
import io.coupons.query.QuerySideTest;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With 100,001 promo batches the case-sensitive name and segment filters use the trigram indexes
 * and stay in milliseconds. Runs in a transaction that is rolled back, so other tests never see the rows.
 */
@QuerySideTest
class PromoBatchSearchPlanTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PromoBatchRows rows;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void nameAndSegmentSearchOverAHundredThousandBatchesUseTheTrigramIndexes() {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO promo_batch_view (id, name, method, segment_name, created_at, enabled, code_length,
                                                  terms, inventory_enabled, version)
                    SELECT gen_random_uuid(), 'Batch ' || md5(i::text) || ' ' || i, 'TARGET_USER_SEGMENT',
                           'Segment ' || md5((i * 7)::text), now() - i * interval '1 minute', true, 8, '{}', false, 0
                    FROM generate_series(1, 100000) AS i""").update();
            jdbc.sql("""
                    INSERT INTO promo_batch_view (id, name, method, segment_name, created_at, enabled, code_length,
                                                  terms, inventory_enabled, version)
                    VALUES (gen_random_uuid(), 'Needle Summer', 'TARGET_USER_SEGMENT', 'Needle VIP', now(), true, 8,
                            '{}', false, 0)""").update();
            jdbc.sql("ANALYZE promo_batch_view").update();
            assertThat(plan("name LIKE '%' || 'Summer' || '%' ESCAPE '\\'"))
                    .contains("promo_batch_view_name_trgm_idx");
            assertThat(plan("segment_name LIKE '%' || 'Needle VIP' || '%' ESCAPE '\\'"))
                    .contains("promo_batch_view_segment_trgm_idx");

            double byName = millis(() -> rows.find("Summer", null, new PageRequest(0, 50)));
            double bySegment = millis(() -> rows.find(null, "Needle VIP", new PageRequest(0, 50)));
            assertThat(names(rows.find("Summer", null, new PageRequest(0, 50)))).containsExactly("Needle Summer");
            assertThat(names(rows.find("summer", null, new PageRequest(0, 50)))).doesNotContain("Needle Summer");
            assertThat(names(rows.find(null, "Needle VIP", new PageRequest(0, 50)))).containsExactly("Needle Summer");
            assertThat(names(rows.find(null, "needle vip", new PageRequest(0, 50)))).isEmpty();
            System.out.printf("Case-sensitive search over 100,001 promo batches (count + page): by name %.2f ms, "
                    + "by segment %.2f ms%n", byName, bySegment);
            assertThat(byName).isLessThan(50);
            assertThat(bySegment).isLessThan(50);
            status.setRollbackOnly();
        });
    }

    private String plan(String condition) {
        return String.join("\n", jdbc.sql("EXPLAIN SELECT * FROM promo_batch_view WHERE NOT deleted AND " + condition
                + " ORDER BY created_at DESC, id DESC LIMIT 50").query(String.class).list());
    }

    private static double millis(Supplier<PromoBatchPage> search) {
        search.get();
        long started = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            search.get();
        }
        return (System.nanoTime() - started) / 20 / 1e6;
    }

    private static List<String> names(PromoBatchPage page) {
        return page.items().stream().map(PromoBatchView::name).toList();
    }
}
