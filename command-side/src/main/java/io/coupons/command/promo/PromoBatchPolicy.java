package io.coupons.command.promo;

import io.coupons.api.promo.GeneratePromoBatchCommand;
import io.coupons.api.promo.GenerationMethod;
import io.coupons.api.promo.InventoryAction;
import io.coupons.command.code.KeySpacePolicy;
import io.coupons.command.common.Texts;
import io.coupons.command.common.Violations;
import io.coupons.command.rule.DiscountTermsPolicy;

/**
 * The Generate Batch form's own rules, field by field, on top of the rule set's
 * ({@link DiscountTermsPolicy}): every violation is named at once. Pure, so each rule has its test.
 */
final class PromoBatchPolicy {

    static final int MAX_NAME = 120;
    static final int MAX_SEGMENT_NAME = 200;
    static final int DEFAULT_CODE_LENGTH = 8;
    /** Remaining usages per code at most; far above any real offer, far below overflow. */
    static final long MAX_INVENTORY = 1_000_000_000L;

    private PromoBatchPolicy() {
    }

    static int codeLength(GeneratePromoBatchCommand command) {
        return command.codeLength() == null ? DEFAULT_CODE_LENGTH : command.codeLength();
    }

    static Violations check(GeneratePromoBatchCommand command) {
        Violations violations = new Violations();
        Texts.required(violations, "name", command.name(), MAX_NAME);
        if (command.method() == null) {
            violations.add("method", "is required: NUMBER_OF_CODES or TARGET_USER_SEGMENT");
        } else if (command.method() == GenerationMethod.NUMBER_OF_CODES) {
            checkQuantity(violations, "numberOfCodes", command.numberOfCodes());
            violations.addIf(command.targetUserSegment() != null, "targetUserSegment",
                    "is only for the TARGET_USER_SEGMENT method");
        } else {
            Texts.required(violations, "targetUserSegment", command.targetUserSegment(), MAX_SEGMENT_NAME);
            violations.addIf(command.numberOfCodes() != null, "numberOfCodes",
                    "is only for the NUMBER_OF_CODES method: a segment batch has one code per member");
        }
        int length = codeLength(command);
        violations.addIf(length < KeySpacePolicy.MIN_LENGTH || length > KeySpacePolicy.MAX_LENGTH, "codeLength",
                "must be between " + KeySpacePolicy.MIN_LENGTH + " and " + KeySpacePolicy.MAX_LENGTH);
        checkInventory(violations, command.inventoryEnabled(), command.inventory());
        return DiscountTermsPolicy.checkTerms(violations, command.terms());
    }

    static void checkQuantity(Violations violations, String field, Long quantity) {
        violations.addIf(quantity == null || quantity < 1 || quantity > KeySpacePolicy.MAX_QUANTITY, field,
                "must be between 1 and " + KeySpacePolicy.MAX_QUANTITY);
    }

    /** "Enabled must be checked in order to apply remaining usage rules": no inventory without it. */
    static void checkInventory(Violations violations, boolean enabled, Long inventory) {
        if (!enabled) {
            violations.addIf(inventory != null, "inventory",
                    "needs inventoryEnabled: without it the codes are unlimited");
            return;
        }
        violations.addIf(inventory == null, "inventory", "is required when inventoryEnabled is true");
        violations.addIf(inventory != null && (inventory < 0 || inventory > MAX_INVENTORY), "inventory",
                "must be between 0 and " + MAX_INVENTORY);
    }

    /** Modify Inventory's action and amount. */
    static Violations checkModification(InventoryAction action, Long amount) {
        Violations violations = new Violations();
        violations.addIf(action == null, "action", "is required: INCREMENT or SET");
        long min = action == InventoryAction.INCREMENT ? 1 : 0;
        violations.addIf(amount == null || amount < min || amount > MAX_INVENTORY, "amount",
                "must be between " + min + " and " + MAX_INVENTORY);
        return violations;
    }
}
