package io.coupons.query.promo;

import io.coupons.api.promo.PromoBatchView;
import io.coupons.api.promo.PromoCodeView;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.query.code.CodeRows;
import io.coupons.query.redemption.PromoUsageRows;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A promo code as shown: its row (code_view), its batch, its override and its usage, each asked of
 * its owner by primary key for the codes at hand, so a page costs the page and not the batch.
 * Remaining usages are computed here, at read time: allowance minus the uses counted in the batch's
 * current Set (nothing per code is written when the inventory changes).
 */
@Component
public class PromoCodeViews {

    private final CodeRows codes;
    private final PromoBatchRows batches;
    private final PromoOverrideRows overrides;
    private final PromoUsageRows usage;

    public PromoCodeViews(CodeRows codes, PromoBatchRows batches, PromoOverrideRows overrides, PromoUsageRows usage) {
        this.codes = codes;
        this.batches = batches;
        this.overrides = overrides;
        this.usage = usage;
    }

    /** A page of Show List: the codes, and each one's position (where a next page would start after it). */
    record Slice(List<PromoCodeView> codes, List<Long> positions) {

        long lastPosition() {
            return positions.get(positions.size() - 1);
        }
    }

    /**
     * Up to {@code limit} codes of a batch (not deleted) after position {@code after} (-1: from the
     * first), in generation order; empty for no such batch.
     */
    Optional<Slice> page(UUID promoBatchId, long after, int limit) {
        return batches.find(promoBatchId).map(batch -> {
            List<CodeRows.PromoCode> rows = codes.promoCodes(promoBatchId, after, limit);
            return new Slice(views(rows, Map.of(promoBatchId, new PromoBatchRows.Batch(batch, false))),
                    rows.stream().map(CodeRows.PromoCode::position).toList());
        });
    }

    /** The promo codes among {@code wanted}, deleted batches' included. */
    List<PromoCodeView> of(List<String> wanted) {
        List<CodeRows.PromoCode> rows = codes.promoCodes(wanted);
        if (rows.isEmpty()) {
            return List.of();
        }
        return views(rows, batches.batches(rows.stream().map(CodeRows.PromoCode::promoBatchId).distinct().toList()));
    }

    private List<PromoCodeView> views(List<CodeRows.PromoCode> rows, Map<UUID, PromoBatchRows.Batch> batchesById) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> page = rows.stream().map(CodeRows.PromoCode::code).toList();
        Map<String, PromoOverrideRows.Override> own = overrides.of(page);
        Map<String, PromoUsageRows.CodeUsage> used = usage.ofCodes(page);
        return rows.stream().filter(row -> batchesById.containsKey(row.promoBatchId()))
                .map(row -> view(row, batchesById.get(row.promoBatchId()), own.get(row.code()), used.get(row.code())))
                .toList();
    }

    private static PromoCodeView view(CodeRows.PromoCode row, PromoBatchRows.Batch batch,
                                      PromoOverrideRows.Override override, PromoUsageRows.CodeUsage usage) {
        PromoBatchView b = batch.view();
        DiscountTerms terms = override != null && override.terms() != null ? override.terms() : b.terms();
        Long remaining = b.inventoryEnabled()
                ? PromoUsageRows.CodeUsage.remaining(Objects.requireNonNullElse(b.allowance(), 0L), b.setNumber(),
                usage) : null;
        return new PromoCodeView(row.code(), b.id(), b.name(), row.runNumber(), row.accountId(), terms,
                override != null && override.terms() != null, b.enabled(), override == null || override.enabled(),
                batch.deleted(), b.inventoryEnabled(), remaining, usage == null ? 0 : usage.inForce(),
                usage == null ? null : usage.lastUsedAt());
    }
}
