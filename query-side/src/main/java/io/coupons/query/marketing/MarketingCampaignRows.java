package io.coupons.query.marketing;

import io.coupons.api.common.PageRequest;
import io.coupons.api.marketing.MarketingCampaignPage;
import io.coupons.api.marketing.MarketingCampaignView;
import io.coupons.query.sql.Like;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Owner of {@code marketing_campaign_view}. Rule: a row moves forward by version only, so a
 * redelivered event changes nothing; {@code name_folded} is the name as the picker's search
 * compares it, folded in Java ({@link #fold}) for every script, not only ASCII.
 */
@Component
public class MarketingCampaignRows {

    private final JdbcClient jdbc;

    public MarketingCampaignRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The case-insensitive form of a name or a search. In PostgreSQL {@code lower()} under the
     * {@code "C"} collation the names need (exact uniqueness, ordinal order) folds ASCII only, so
     * {@code ÉTÉ} would not find {@code été}; Java's root-locale lower case folds every script.
     */
    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    void define(UUID id, String name, String description, Instant at, String user, long version) {
        jdbc.sql("""
                        INSERT INTO marketing_campaign_view (id, name, name_folded, description, defined_at, defined_by,
                                                             version)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, name, fold(name), description, Timestamp.from(at), user, version)
                .update();
    }

    void describe(UUID id, String description, long version) {
        jdbc.sql("UPDATE marketing_campaign_view SET description = ?, version = ? WHERE id = ? AND version < ?")
                .params(description, version, id, version)
                .update();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE marketing_campaign_view").update();
    }

    Optional<MarketingCampaignView> find(UUID id) {
        return jdbc.sql("SELECT * FROM marketing_campaign_view WHERE id = ?").param(id).query(this::view).optional();
    }

    /** Name order; {@code nameContains} any case (LIKE on the folded name, served by the trigram index). */
    MarketingCampaignPage find(String nameContains, PageRequest page) {
        String where = " WHERE (CAST(:text AS text) IS NULL"
                + " OR name_folded LIKE '%' || CAST(:text AS text) || '%' ESCAPE '\\')";
        String text = nameContains == null ? null : Like.escape(fold(nameContains));
        long total = jdbc.sql("SELECT count(*) FROM marketing_campaign_view" + where).param("text", text)
                .query(Long.class).single();
        List<MarketingCampaignView> items = jdbc.sql("SELECT * FROM marketing_campaign_view" + where
                        + " ORDER BY name, id LIMIT :limit OFFSET :offset")
                .param("text", text).param("limit", page.size()).param("offset", page.offset())
                .query(this::view).list();
        return new MarketingCampaignPage(items, total, page.page(), page.size());
    }

    private MarketingCampaignView view(ResultSet row, int rowNum) throws SQLException {
        return new MarketingCampaignView(row.getObject("id", UUID.class), row.getString("name"),
                row.getString("description"), row.getTimestamp("defined_at").toInstant(), row.getString("defined_by"),
                row.getLong("version"));
    }
}
