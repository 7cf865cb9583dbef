package io.coupons.command.promo;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.coupons.api.common.CommandAccepted;
import io.coupons.api.promo.InventoryAction;
import io.coupons.api.promo.PromoBatchAccepted;
import io.coupons.api.promo.PromoBatchCreatedEvent;
import io.coupons.api.promo.PromoBatchDeletedEvent;
import io.coupons.api.promo.PromoBatchEnabledChangedEvent;
import io.coupons.api.promo.PromoBatchId;
import io.coupons.api.promo.PromoCodeEditedEvent;
import io.coupons.api.promo.PromoCodesCloneRequestedEvent;
import io.coupons.api.promo.PromoInventoryModifiedEvent;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.command.common.CommandRejectedException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A promo code batch (seed 003): its name, rules, enabled flag, inventory and numbered generation
 * runs. It never holds its codes (ten million of them would make every load read them): the runs
 * write codes outside its stream, and the commands that name a code arrive through
 * {@link PromoBatchCommandHandler}, which checks the code belongs here before calling the deciding
 * methods. The inventory is two numbers (allowance, Set number; see
 * {@link PromoInventoryModifiedEvent}), so Modify Inventory is one event whatever the batch's size.
 */
@Aggregate
public class PromoBatch {

    @AggregateIdentifier
    private PromoBatchId promoBatchId;
    private PromoBatchCreatedEvent creation;
    private boolean enabled;
    private boolean deleted;
    private Long allowance;
    private int setNumber;
    private int lastRunNumber;
    /** Runs by id, so a retried Clone (same Idempotency-Key) answers the run it already created. */
    private final Map<UUID, PromoBatchAccepted> runs = new HashMap<>();

    protected PromoBatch() {
        // for Axon
    }

    /** Created by {@link PromoBatchCommandHandler} once the form, the segment and the key space are checked. */
    PromoBatch(PromoBatchCreatedEvent created) {
        apply(created);
    }

    PromoBatchCreatedEvent creation() {
        return creation;
    }

    PromoBatchAccepted firstRun() {
        return runs.get(creation.runId());
    }

    String name() {
        return creation.name();
    }

    DiscountTerms terms() {
        return creation.terms();
    }

    int codeLength() {
        return creation.codeLength();
    }

    /** The next numbered run, of {@code quantity} clones of {@code sourceCode} with the source's own rules. */
    PromoBatchAccepted requestClone(UUID runId, String sourceCode, long quantity, DiscountTerms overrideTerms,
                                    boolean sourceEnabled) {
        PromoBatchAccepted repeat = runs.get(runId);
        if (repeat != null) {
            if (repeat.quantity() != quantity) {
                throw CommandRejectedException.idempotencyKeyReused("clone run " + repeat.runNumber());
            }
            return repeat;
        }
        requireNotDeleted();
        apply(new PromoCodesCloneRequestedEvent(promoBatchId, runId, lastRunNumber + 1, sourceCode, quantity,
                creation.codeLength(), overrideTerms, sourceEnabled));
        return runs.get(runId);
    }

    CommandAccepted edit(String code, DiscountTerms terms, boolean codeEnabled) {
        requireNotDeleted();
        apply(new PromoCodeEditedEvent(promoBatchId, code, terms, codeEnabled));
        return accepted();
    }

    /** Increment adds to every code's remaining usages; Set makes every code's remaining usages the amount. */
    PromoInventoryModifiedEvent modifyInventory(InventoryAction action, long amount) {
        requireNotDeleted();
        if (!creation.inventoryEnabled()) {
            throw CommandRejectedException.conflict("INVENTORY_NOT_ENABLED", "Batch '" + creation.name()
                    + "' was created without inventory rules: its codes are unlimited, there is no inventory "
                    + "to modify.");
        }
        long next = action == InventoryAction.SET ? amount : allowance + amount;
        if (next > PromoBatchPolicy.MAX_INVENTORY) {
            throw CommandRejectedException.invalid("amount", "would make the remaining usages " + next
                    + ", more than " + PromoBatchPolicy.MAX_INVENTORY);
        }
        PromoInventoryModifiedEvent event = new PromoInventoryModifiedEvent(promoBatchId, action, amount, next,
                action == InventoryAction.SET ? setNumber + 1 : setNumber);
        apply(event);
        return event;
    }

    /** A command that changes nothing (an edit to what the code has already) is answered, not recorded. */
    CommandAccepted unchanged() {
        requireNotDeleted();
        return accepted();
    }

    CommandAccepted setEnabled(boolean enabled) {
        requireNotDeleted();
        if (this.enabled != enabled) {
            apply(new PromoBatchEnabledChangedEvent(promoBatchId, enabled));
        }
        return accepted();
    }

    /** Deleting twice is answered, not refused: the batch is gone either way, and nothing more is recorded. */
    CommandAccepted delete() {
        if (!deleted) {
            apply(new PromoBatchDeletedEvent(promoBatchId));
        }
        return accepted();
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw CommandRejectedException.conflict("PROMO_BATCH_DELETED", "Batch '" + creation.name()
                    + "' was deleted; its codes no longer work and it cannot be changed.");
        }
    }

    private CommandAccepted accepted() {
        return new CommandAccepted(promoBatchId.value(), AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(PromoBatchCreatedEvent event) {
        promoBatchId = event.promoBatchId();
        creation = event;
        enabled = event.enabled();
        allowance = event.inventory();
        lastRunNumber = 1;
        runs.put(event.runId(), new PromoBatchAccepted(event.promoBatchId().value(), event.runId(), 1,
                event.quantity(), event.codeLength()));
    }

    @EventSourcingHandler
    void on(PromoCodesCloneRequestedEvent event) {
        lastRunNumber = event.runNumber();
        runs.put(event.runId(), new PromoBatchAccepted(promoBatchId.value(), event.runId(), event.runNumber(),
                event.quantity(), event.codeLength()));
    }

    @EventSourcingHandler
    void on(PromoInventoryModifiedEvent event) {
        allowance = event.allowance();
        setNumber = event.setNumber();
    }

    @EventSourcingHandler
    void on(PromoBatchEnabledChangedEvent event) {
        enabled = event.enabled();
    }

    @EventSourcingHandler
    void on(PromoBatchDeletedEvent event) {
        deleted = true;
    }
}
