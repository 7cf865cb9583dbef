package io.coupons.query.variantgroup;

import io.coupons.api.common.PageRequest;
import io.coupons.api.variantgroup.VariantGroupPage;
import io.coupons.api.variantgroup.VariantGroupSummary;
import io.coupons.api.variantgroup.VariantGroupView;
import io.coupons.query.sql.Like;
import java.sql.Array;
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
 * Owner of {@code variant_group_view}. Rule: a row moves forward by version only, so a redelivered
 * event changes nothing; the first definition's time and person stay, a replacement moves
 * {@code updated_*}. {@code name_folded} is the name as the search compares it, folded in Java
 * ({@link #fold}) for every script, as for marketing campaigns.
 */
@Component
public class VariantGroupRows {

    /** Every column but the variants themselves: the list shows only how many there are. */
    private static final String SUMMARY_COLUMNS =
            "id, name, variant_count, defined_at, defined_by, updated_at, updated_by, version";

    private final JdbcClient jdbc;

    public VariantGroupRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case-insensitive form of a name or a search, in every script (see the migration). */
    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** The group as the event defines it: created on its first event, its variants replaced on later ones. */
    void define(UUID id, String name, List<String> variantIds, Instant at, String user, long version) {
        jdbc.sql("""
                        INSERT INTO variant_group_view (id, name, name_folded, variant_ids, variant_count, defined_at,
                                                        defined_by, updated_at, updated_by, version)
                        VALUES (:id, :name, :folded, :variants, :count, :at, :user, :at, :user, :version)
                        ON CONFLICT (id) DO UPDATE SET variant_ids = excluded.variant_ids,
                               variant_count = excluded.variant_count, updated_at = excluded.updated_at,
                               updated_by = excluded.updated_by, version = excluded.version
                        WHERE variant_group_view.version < excluded.version""")
                .param("id", id).param("name", name).param("folded", fold(name))
                .param("variants", variantIds.toArray(String[]::new)).param("count", variantIds.size())
                .param("at", Timestamp.from(at)).param("user", user).param("version", version)
                .update();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE variant_group_view").update();
    }

    Optional<VariantGroupView> find(UUID id) {
        return jdbc.sql("SELECT * FROM variant_group_view WHERE id = ?").param(id).query(this::view).optional();
    }

    /** Name order; {@code nameContains} any case (LIKE on the folded name, served by the trigram index). */
    VariantGroupPage find(String nameContains, PageRequest page) {
        String where = " WHERE (CAST(:text AS text) IS NULL"
                + " OR name_folded LIKE '%' || CAST(:text AS text) || '%' ESCAPE '\\')";
        String text = nameContains == null ? null : Like.escape(fold(nameContains));
        long total = jdbc.sql("SELECT count(*) FROM variant_group_view" + where).param("text", text)
                .query(Long.class).single();
        List<VariantGroupSummary> items = jdbc.sql("SELECT " + SUMMARY_COLUMNS + " FROM variant_group_view" + where
                        + " ORDER BY name, id LIMIT :limit OFFSET :offset")
                .param("text", text).param("limit", page.size()).param("offset", page.offset())
                .query(this::summary).list();
        return new VariantGroupPage(items, total, page.page(), page.size());
    }

    private VariantGroupSummary summary(ResultSet row, int rowNum) throws SQLException {
        return new VariantGroupSummary(row.getObject("id", UUID.class), row.getString("name"),
                row.getInt("variant_count"), row.getTimestamp("defined_at").toInstant(), row.getString("defined_by"),
                row.getTimestamp("updated_at").toInstant(), row.getString("updated_by"), row.getLong("version"));
    }

    private VariantGroupView view(ResultSet row, int rowNum) throws SQLException {
        Array variants = row.getArray("variant_ids");
        List<String> variantIds = List.of((String[]) variants.getArray());
        variants.free();
        return new VariantGroupView(row.getObject("id", UUID.class), row.getString("name"), variantIds,
                row.getInt("variant_count"), row.getTimestamp("defined_at").toInstant(), row.getString("defined_by"),
                row.getTimestamp("updated_at").toInstant(), row.getString("updated_by"), row.getLong("version"));
    }
}
