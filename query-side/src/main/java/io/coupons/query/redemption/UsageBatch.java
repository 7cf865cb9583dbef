package io.coupons.query.redemption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The usage events of one processing batch (one transaction), in event order, written together
 * when the transaction commits. A redemption delivered twice within the batch is kept once.
 */
final class UsageBatch {

    private final Map<UUID, RedemptionRows.Redeemed> redeemed = new LinkedHashMap<>();
    private final Map<UUID, RedemptionRows.Reversal> reversals = new LinkedHashMap<>();

    void add(RedemptionRows.Redeemed redemption) {
        redeemed.putIfAbsent(redemption.redemptionId(), redemption);
    }

    void add(RedemptionRows.Reversal reversal) {
        reversals.putIfAbsent(reversal.redemptionId(), reversal);
    }

    List<RedemptionRows.Redeemed> redeemed() {
        return new ArrayList<>(redeemed.values());
    }

    List<RedemptionRows.Reversal> reversals() {
        return new ArrayList<>(reversals.values());
    }
}
