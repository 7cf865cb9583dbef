package io.coupons.query.campaign;

import io.coupons.api.campaign.CampaignPage;
import io.coupons.api.campaign.CampaignStatus;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.campaign.CampaignView;
import io.coupons.api.common.PageRequest;
import io.coupons.query.sql.Like;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The campaign_view table. Writes only move a row forward in version, so a redelivered event
 * changes nothing. Status is computed in SQL at read time, one definition for filter and answer.
 */
@Component
public class CampaignRows {

    private static final String STATUS = statusAt("c", ":now");

    private static final String SELECT = "SELECT c.*, r.name AS discount_rule_name, " + STATUS + " AS status"
            + " FROM campaign_view c LEFT JOIN discount_rule_view r ON r.id = c.discount_rule_id";

    private static final String FILTER = """

            WHERE (CAST(:type AS text) IS NULL OR c.type = CAST(:type AS text))
              AND (CAST(:status AS text) IS NULL OR (%s) = CAST(:status AS text))
              AND (CAST(:text AS text) IS NULL
                   OR c.code ILIKE '%%' || CAST(:text AS text) || '%%' ESCAPE '\\'
                   OR r.name ILIKE '%%' || CAST(:text AS text) || '%%' ESCAPE '\\')""".formatted(STATUS);

    private final JdbcClient jdbc;
    private final Clock clock;

    /**
     * A {@link CampaignStatus} in SQL, for a campaign_view row named {@code campaign} at the SQL
     * expression {@code now}. Time-based states change without events, so they are derived on each
     * read; this is their one definition (the campaign table, its filter, code search).
     */
    public static String statusAt(String campaign, String now) {
        return """
                CASE WHEN %1$s.archived_at IS NOT NULL THEN 'ARCHIVED'
                     WHEN %1$s.starts_at IS NOT NULL AND %1$s.starts_at > %2$s THEN 'SCHEDULED'
                     WHEN %1$s.expires_at IS NOT NULL AND %1$s.expires_at <= %2$s THEN 'EXPIRED'
                     ELSE 'ACTIVE' END""".formatted(campaign, now);
    }

    public CampaignRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the table shows: every filter optional (null). */
    public record Filter(CampaignType type, CampaignStatus status, String text) {
    }

    void insert(CampaignRow row) {
        jdbc.sql("""
                        INSERT INTO campaign_view (id, code, type, discount_rule_id, uses_per_code, starts_at, expires_at,
                                                   url_token, created_by, created_at, updated_at, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(row.id(), row.code(), row.type().name(), row.discountRuleId(), row.usesPerCode(),
                        timestamp(row.startsAt()), timestamp(row.expiresAt()), row.urlToken(), row.createdBy(),
                        timestamp(row.at()), timestamp(row.at()), row.version())
                .update();
    }

    /** Sets one column (named by the projection, never by input) if the event is newer than the row. */
    void update(UUID id, String column, Object value, Instant at, long version) {
        jdbc.sql("UPDATE campaign_view SET " + column + " = ?, updated_at = ?, version = ? WHERE id = ? AND version < ?")
                .params(value instanceof Instant instant ? timestamp(instant) : value, timestamp(at), version, id,
                        version)
                .update();
    }

    void reschedule(UUID id, Instant startsAt, Instant expiresAt, Instant at, long version) {
        jdbc.sql("""
                        UPDATE campaign_view SET starts_at = ?, expires_at = ?, updated_at = ?, version = ?
                        WHERE id = ? AND version < ?""")
                .params(timestamp(startsAt), timestamp(expiresAt), timestamp(at), version, id, version)
                .update();
    }

    void deleteAll() {
        jdbc.sql("DELETE FROM campaign_view").update();
    }

    public Optional<CampaignView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE c.id = :id").param("id", id).param("now", now())
                .query(CampaignRows::view).optional();
    }

    /** The campaign a URL token links to (tokens are unique: 128 random bits). */
    public Optional<CampaignView> findByUrlToken(String token) {
        return jdbc.sql(SELECT + " WHERE c.url_token = :token").param("token", token).param("now", now())
                .query(CampaignRows::view).optional();
    }

    /** Every campaign in code order (the Full Export's table of contents; campaigns number thousands, not millions). */
    /**
     * The campaign whose own code (single-code or URL-token) this is, for a code not in code_view
     * yet. A changed single code frees the old one for another campaign: the live one wins.
     */
    public Optional<UUID> withOwnCode(String code) {
        return jdbc.sql("""
                        SELECT id FROM campaign_view WHERE code = ? AND type IN ('SINGLE_CODE', 'URL_TOKEN')
                        ORDER BY archived_at IS NOT NULL, created_at DESC LIMIT 1""")
                .param(code).query(UUID.class).optional();
    }

    public List<CampaignView> all() {
        return jdbc.sql(SELECT + " ORDER BY c.code").param("now", now()).query(CampaignRows::view).list();
    }

    CampaignPage find(Filter filter, PageRequest page) {
        Timestamp now = now();
        long total = jdbc.sql("SELECT count(*) FROM campaign_view c LEFT JOIN discount_rule_view r"
                        + " ON r.id = c.discount_rule_id" + FILTER)
                .params(filterParameters(filter, now)).query(Long.class).single();
        List<CampaignView> items = jdbc.sql(SELECT + FILTER + " ORDER BY c.created_at DESC, c.id LIMIT :limit OFFSET :offset")
                .params(filterParameters(filter, now)).param("limit", page.size()).param("offset", page.offset())
                .query(CampaignRows::view).list();
        return new CampaignPage(items, total, page.page(), page.size());
    }

    /** Streams every matching row in table order; the caller runs this inside a transaction. */
    void forEach(Filter filter, Consumer<CampaignView> consumer) {
        RowCallbackHandler handler = row -> consumer.accept(view(row, 0));
        jdbc.sql(SELECT + FILTER + " ORDER BY c.created_at DESC, c.id")
                .params(filterParameters(filter, now()))
                .withFetchSize(500)
                .query(handler);
    }

    private static Map<String, Object> filterParameters(Filter filter, Timestamp now) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("type", filter.type() == null ? null : filter.type().name());
        parameters.put("status", filter.status() == null ? null : filter.status().name());
        parameters.put("text", filter.text() == null ? null : Like.escape(filter.text()));
        parameters.put("now", now);
        return parameters;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static CampaignView view(ResultSet row, int rowNum) throws SQLException {
        return new CampaignView(row.getObject("id", UUID.class), row.getString("code"),
                CampaignType.valueOf(row.getString("type")), CampaignStatus.valueOf(row.getString("status")),
                row.getObject("discount_rule_id", UUID.class), row.getString("discount_rule_name"),
                (Integer) row.getObject("uses_per_code"), instant(row, "starts_at"), instant(row, "expires_at"),
                row.getString("url_token"), row.getString("created_by"), instant(row, "created_at"),
                instant(row, "archived_at"), instant(row, "updated_at"), row.getLong("version"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
