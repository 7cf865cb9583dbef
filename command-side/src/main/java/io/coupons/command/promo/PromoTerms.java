package io.coupons.command.promo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupons.api.promo.PromoBatchCreatedEvent;
import io.coupons.api.promo.PromoBatchDeletedEvent;
import io.coupons.api.promo.PromoBatchEnabledChangedEvent;
import io.coupons.api.promo.PromoCodeEditedEvent;
import io.coupons.api.promo.PromoCodesCloneRequestedEvent;
import io.coupons.api.promo.PromoInventoryModifiedEvent;
import io.coupons.api.rule.DiscountTerms;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What promo batches let their codes do, on the command side: {@code promo_batch_terms} (rules,
 * enabled, deleted, inventory), {@code promo_run_terms} (a Clone run's rules) and
 * {@code promo_code_override} (an edited code's rules). A subscribing processor ({@link PromoConfig})
 * writes them in the transaction of the batch's own events, as {@code RedemptionTermsProjection}
 * does for campaigns, so a delete, a disable or a Modify Inventory committed on any instance is in
 * force for the next redemption on every instance. Redemption reads them in its one lookup
 * statement through {@link #lookupColumns} and {@link #lookupJoins}.
 */
@Component
@ProcessingGroup(PromoTerms.GROUP)
public class PromoTerms {

    public static final String GROUP = "promo-terms";

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final PromoInventory inventory;

    PromoTerms(JdbcClient jdbc, @Qualifier("axonObjectMapper") ObjectMapper json, PromoInventory inventory) {
        this.jdbc = jdbc;
        this.json = json;
        this.inventory = inventory;
    }

    /**
     * The promo columns of the redemption lookup, for a registry row aliased {@code c}: the batch
     * (promo_batch_id, null for campaign codes), bound account, the batch's terms, flags and
     * inventory switch, and the run's and the code's own rules and flags when they have them.
     */
    public static String lookupColumns() {
        return """
                c.promo_batch_id, c.account_id, pb.terms::text AS promo_terms, pb.enabled AS promo_enabled,
                pb.deleted AS promo_deleted, pb.inventory_enabled AS promo_limited,
                pr.terms::text AS run_terms, pr.enabled AS run_enabled,
                po.terms::text AS code_terms, po.enabled AS code_enabled""";
    }

    /** The joins those columns need; for a campaign code each is one index probe that finds nothing. */
    public static String lookupJoins() {
        return """
                LEFT JOIN promo_batch_terms pb ON pb.promo_batch_id = c.promo_batch_id
                LEFT JOIN promo_run_terms pr ON c.promo_batch_id IS NOT NULL AND pr.run_id = c.batch_id
                LEFT JOIN promo_code_override po ON c.promo_batch_id IS NOT NULL AND po.code = c.code""";
    }

    /** The same columns as nulls, for lookups that cannot be promo codes (URL tokens). */
    public static String nullColumns() {
        return """
                NULL::uuid AS promo_batch_id, NULL::text AS account_id, NULL::text AS promo_terms,
                NULL::boolean AS promo_enabled, NULL::boolean AS promo_deleted, NULL::boolean AS promo_limited,
                NULL::text AS run_terms, NULL::boolean AS run_enabled, NULL::text AS code_terms,
                NULL::boolean AS code_enabled""";
    }

    /** A code's own rules, or those its Clone run gave it: what a clone of it copies. */
    public record OwnRules(DiscountTerms terms, boolean enabled) {
    }

    /** The code's rules that are not the batch's (edited, or cloned from an edited code), if any. */
    Optional<OwnRules> ownRules(String code, UUID runId) {
        Optional<OwnRules> edited = jdbc.sql("SELECT terms::text, enabled FROM promo_code_override WHERE code = ?")
                .param(code).query((row, i) -> new OwnRules(parse(row.getString(1)), row.getBoolean(2))).optional();
        if (edited.isPresent() || runId == null) {
            return edited;
        }
        return jdbc.sql("SELECT terms::text, enabled FROM promo_run_terms WHERE run_id = ?").param(runId)
                .query((row, i) -> new OwnRules(row.getString(1) == null ? null : parse(row.getString(1)),
                        row.getBoolean(2)))
                .optional();
    }

    @EventHandler
    void on(PromoBatchCreatedEvent event, @SequenceNumber long version) {
        jdbc.sql("""
                        INSERT INTO promo_batch_terms (promo_batch_id, terms, enabled, inventory_enabled, allowance,
                                                       set_number, version)
                        VALUES (?, ?::jsonb, ?, ?, ?, 0, ?) ON CONFLICT (promo_batch_id) DO NOTHING""")
                .params(event.promoBatchId().value(), write(event.terms()), event.enabled(),
                        event.inventoryEnabled(), event.inventory(), version)
                .update();
    }

    @EventHandler
    void on(PromoBatchEnabledChangedEvent event, @SequenceNumber long version) {
        update("enabled = ?", event.promoBatchId().value(), version, event.enabled());
    }

    @EventHandler
    void on(PromoBatchDeletedEvent event, @SequenceNumber long version) {
        update("deleted = ?", event.promoBatchId().value(), version, true);
    }

    /** Waits for the redemptions in flight on this batch, then changes every code's inventory at once. */
    @EventHandler
    void on(PromoInventoryModifiedEvent event, @SequenceNumber long version) {
        inventory.lockExclusive(event.promoBatchId());
        update("allowance = ?, set_number = ?", event.promoBatchId().value(), version, event.allowance(),
                event.setNumber());
    }

    @EventHandler
    void on(PromoCodesCloneRequestedEvent event) {
        if (event.overrideTerms() == null && event.enabled()) {
            return; // the clones follow the batch's rules, as their source did
        }
        jdbc.sql("INSERT INTO promo_run_terms (run_id, terms, enabled) VALUES (?, ?::jsonb, ?) "
                        + "ON CONFLICT (run_id) DO NOTHING")
                .params(event.runId(), event.overrideTerms() == null ? null : write(event.overrideTerms()),
                        event.enabled())
                .update();
    }

    @EventHandler
    void on(PromoCodeEditedEvent event) {
        jdbc.sql("""
                        INSERT INTO promo_code_override (code, terms, enabled, revision) VALUES (?, ?::jsonb, ?, 1)
                        ON CONFLICT (code) DO UPDATE
                            SET terms = excluded.terms, enabled = excluded.enabled,
                                revision = promo_code_override.revision + 1""")
                .params(event.code(), write(event.terms()), event.enabled())
                .update();
    }

    private void update(String assignments, UUID batchId, long version, Object... values) {
        Object[] params = new Object[values.length + 2];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = version;
        params[values.length + 1] = batchId;
        int updated = jdbc.sql("UPDATE promo_batch_terms SET " + assignments + ", version = ? WHERE promo_batch_id = ?")
                .params(params).update();
        if (updated != 1) {
            throw new IllegalStateException("Promo batch " + batchId + " has no terms row here");
        }
    }

    public DiscountTerms parse(String text) {
        try {
            return json.readValue(text, DiscountTerms.class);
        } catch (IOException e) {
            throw new IllegalStateException("Stored promo terms cannot be read", e);
        }
    }

    private String write(DiscountTerms terms) {
        try {
            return json.writeValueAsString(terms);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Promo terms cannot be written", e);
        }
    }
}
