package io.coupons.platform.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A digest of every row of every table in the database (the event store and each side's own
 * tables), to show that a run of refused requests changed nothing anywhere. Tables named in
 * {@code ignored} are left out (Axon's {@code token_entry}: processors refresh their claims on a
 * timer, whatever the requests do).
 */
public final class TableSnapshot {

    private TableSnapshot() {
    }

    public static Map<String, String> of(JdbcClient jdbc, Set<String> ignored) {
        List<String> tables = jdbc.sql("""
                        SELECT table_name FROM information_schema.tables
                        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name""")
                .query(String.class).list();
        Map<String, String> digests = new LinkedHashMap<>();
        for (String table : tables) {
            if (!ignored.contains(table)) {
                digests.put(table, jdbc.sql("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' "
                                + "ORDER BY t::text)), '') FROM \"" + table + "\" t")
                        .query(String.class).single());
            }
        }
        return digests;
    }
}
