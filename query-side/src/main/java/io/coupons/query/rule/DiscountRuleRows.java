package io.coupons.query.rule;

import io.coupons.api.rule.DiscountRulePage;
import io.coupons.api.rule.DiscountRuleView;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.api.rule.FindDiscountRulesQuery;
import io.coupons.query.sql.Like;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The discount_rule_view table. Writes only move a row forward in version: replays are safe. */
@Component
public class DiscountRuleRows {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public DiscountRuleRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(UUID id, String name, DiscountTerms terms, String createdBy, Instant at, long version) {
        jdbc.sql("""
                        INSERT INTO discount_rule_view (id, name, terms, created_by, created_at, updated_at, version)
                        VALUES (?, ?, ?::jsonb, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""")
                .params(id, name, json.writeValueAsString(terms), createdBy, Timestamp.from(at), Timestamp.from(at),
                        version)
                .update();
    }

    void revise(UUID id, String name, DiscountTerms terms, Instant at, long version) {
        jdbc.sql("""
                        UPDATE discount_rule_view SET name = ?, terms = ?::jsonb, updated_at = ?, version = ?
                        WHERE id = ? AND version < ?""")
                .params(name, json.writeValueAsString(terms), Timestamp.from(at), version, id, version)
                .update();
    }

    void retire(UUID id, Instant at, long version) {
        jdbc.sql("UPDATE discount_rule_view SET retired = true, updated_at = ?, version = ? WHERE id = ? AND version < ?")
                .params(Timestamp.from(at), version, id, version)
                .update();
    }

    void deleteAll() {
        jdbc.sql("DELETE FROM discount_rule_view").update();
    }

    public Optional<DiscountRuleView> find(UUID id) {
        return jdbc.sql("SELECT * FROM discount_rule_view WHERE id = ?").param(id).query(this::view).optional();
    }

    DiscountRulePage find(FindDiscountRulesQuery query) {
        String where = " WHERE (CAST(:text AS text) IS NULL OR name ILIKE '%' || CAST(:text AS text) || '%' ESCAPE '\\')"
                + " AND (:includeRetired OR NOT retired)";
        String text = query.text() == null ? null : Like.escape(query.text());
        long total = jdbc.sql("SELECT count(*) FROM discount_rule_view" + where)
                .param("text", text).param("includeRetired", query.includeRetired())
                .query(Long.class).single();
        List<DiscountRuleView> items = jdbc.sql("SELECT * FROM discount_rule_view" + where
                        + " ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
                .param("text", text).param("includeRetired", query.includeRetired())
                .param("limit", query.page().size()).param("offset", query.page().offset())
                .query(this::view).list();
        return new DiscountRulePage(items, total, query.page().page(), query.page().size());
    }

    private DiscountRuleView view(ResultSet row, int rowNum) throws SQLException {
        return new DiscountRuleView(row.getObject("id", UUID.class), row.getString("name"),
                json.readValue(row.getString("terms"), DiscountTerms.class), row.getBoolean("retired"),
                row.getString("created_by"), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(), row.getLong("version"));
    }
}
