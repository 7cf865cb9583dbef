package io.coupons.query.code;

import io.coupons.api.campaign.CampaignStatus;
import io.coupons.api.campaign.CampaignType;
import io.coupons.query.campaign.CampaignRows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads code_view (written by the codes projection) with each code's campaign and usage counters:
 * one statement per page, whose cost is the page, not the table (EXPLAIN in the README).
 */
@Component
class CodeTable {

    /**
     * Campaign and counters of at most one page of codes, one primary-key lookup per code. LATERAL
     * with LIMIT 1 keeps it so: as plain joins, a cached generic plan (which cannot see the page
     * size) hashed the whole usage table instead (3.7 ms against 0.5 ms on 3 million codes).
     */
    private static final String SELECT = """
            SELECT c.code, c.campaign_id, c.batch_id, c.batch_number, c.generated_at, c.deleted_at, c.promo_batch_id,
                   cv.code AS campaign_code, cv.type, cv.uses_per_code, %s AS campaign_status,
                   cv.discount_rule_id, u.recorded, u.reversals, u.last_used_at
            """.formatted(CampaignRows.statusAt("cv", "clock.now"));
    /** "Now" as one parameter, for the campaign status. */
    private static final String CLOCK = "clock (now) AS (SELECT CAST(? AS timestamptz))";
    private static final String JOINS = """
            LEFT JOIN LATERAL (SELECT * FROM campaign_view WHERE id = c.campaign_id LIMIT 1) cv ON true
            LEFT JOIN LATERAL (SELECT * FROM code_usage_view
                               WHERE code = c.code AND campaign_id = c.campaign_id LIMIT 1) u ON true
            """;

    /**
     * Each place the text may be (see {@link SearchText}) is a range of the primary key, "C"
     * collation, so a prefix is {@code >= text AND < text || chr(127)} (codes are ASCII below 127).
     * Each range gives at most a page from its index, already in code order after the cursor; the
     * merged first page of those is the answer. Bounds are parameters rather than LIKE: '_' is a
     * code character, and a LIKE on a parameter cannot use the index once PostgreSQL caches a generic
     * plan.
     */
    private static final String PAGE = "WITH " + CLOCK + """
            , place (low) AS (
                SELECT CAST(? AS varchar)
                UNION ALL
                SELECT CAST(code || '-' || substr(?, length(code) + 1) AS varchar)
                FROM campaign_view WHERE type = 'BULK_POOL' AND code = ANY (?::varchar[])
            )
            """ + SELECT + """
            FROM clock CROSS JOIN place p CROSS JOIN LATERAL (
                SELECT * FROM code_view
                WHERE code >= p.low AND code < p.low || chr(127) AND code > ?
                ORDER BY code LIMIT ?) c
            """ + JOINS + """
            ORDER BY c.code LIMIT ?""";

    private final JdbcClient jdbc;

    CodeTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} codes matching {@code search}, in code order, strictly after {@code after},
     * their campaigns' status as at {@code now}.
     */
    List<CodeRow> page(SearchText search, String after, int limit, Instant now) {
        return jdbc.sql(PAGE)
                .params(Timestamp.from(now), search.text(), search.text(),
                        search.possiblePoolCodes().toArray(String[]::new), after, limit, limit)
                .query(CodeTable::row).list();
    }

    Optional<CodeRow> find(String code, Instant now) {
        return jdbc.sql("WITH " + CLOCK + "\n" + SELECT + "FROM clock CROSS JOIN code_view c\n" + JOINS
                        + "WHERE c.code = ?")
                .params(Timestamp.from(now), code).query(CodeTable::row).optional();
    }

    private static CodeRow row(ResultSet row, int number) throws SQLException {
        String type = row.getString("type");
        Object usesPerCode = row.getObject("uses_per_code");
        // Without a campaign row (its projection is catching up) the status expression says ACTIVE: unknown.
        CampaignStatus campaignStatus = type == null ? null : CampaignStatus.valueOf(row.getString("campaign_status"));
        return new CodeRow(row.getString("code"), row.getObject("campaign_id", UUID.class),
                row.getObject("batch_id", UUID.class), (Integer) row.getObject("batch_number"),
                instant(row, "generated_at"), instant(row, "deleted_at"), row.getString("campaign_code"),
                type == null ? null : CampaignType.valueOf(type), (Integer) usesPerCode, campaignStatus,
                row.getObject("discount_rule_id", UUID.class), row.getLong("recorded"), row.getLong("reversals"),
                instant(row, "last_used_at"), row.getObject("promo_batch_id", UUID.class));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
