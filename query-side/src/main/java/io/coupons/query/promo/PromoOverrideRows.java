package io.coupons.query.promo;

import io.coupons.api.rule.DiscountTerms;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Owner of promo_code_override_view: a code's own rules and enabled flag. Rule: a row only moves
 * forward in version (the batch event that set it: an Edit, or the Clone request whose run made the
 * code), so a redelivered chunk never undoes a later Edit. Only overridden codes have a row: a batch
 * of ten million codes that nobody edited has none.
 */
@Component
public class PromoOverrideRows {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public PromoOverrideRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A code's override; {@code terms} null: it follows the batch's rules (only its flag is its own). */
    record Override(DiscountTerms terms, boolean enabled) {
    }

    void edit(String code, UUID promoBatchId, DiscountTerms terms, boolean enabled, long version) {
        set(List.of(code), promoBatchId, json.writeValueAsString(terms), enabled, version);
    }

    /** Every code of a clone chunk gets its source's override, at the clone request's version. */
    void set(List<String> codes, UUID promoBatchId, String termsJson, boolean enabled, long version) {
        jdbc.sql("""
                        INSERT INTO promo_code_override_view AS o (code, promo_batch_id, terms, enabled, version)
                        SELECT code, ?, CAST(? AS jsonb), ?, ? FROM unnest(?::varchar[]) AS code
                        ON CONFLICT (code) DO UPDATE SET terms = excluded.terms, enabled = excluded.enabled,
                               version = excluded.version
                        WHERE o.version < excluded.version""")
                .params(promoBatchId, termsJson, enabled, version, codes.toArray(String[]::new)).update();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE promo_code_override_view").update();
    }

    Map<String, Override> of(List<String> codes) {
        return jdbc.sql("SELECT code, terms, enabled FROM promo_code_override_view WHERE code = ANY (?::varchar[])")
                .param(codes.toArray(String[]::new))
                .query((row, i) -> Map.entry(row.getString("code"), new Override(row.getString("terms") == null ? null
                        : json.readValue(row.getString("terms"), DiscountTerms.class), row.getBoolean("enabled"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
