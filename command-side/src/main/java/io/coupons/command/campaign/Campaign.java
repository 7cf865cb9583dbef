package io.coupons.command.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.coupons.api.batch.BatchAccepted;
import io.coupons.api.batch.BatchGenerationRequestedEvent;
import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.ArchiveCampaignCommand;
import io.coupons.api.campaign.CampaignArchivedEvent;
import io.coupons.api.campaign.CampaignCodeChangedEvent;
import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignDiscountRuleLinkedEvent;
import io.coupons.api.campaign.CampaignDiscountRuleUnlinkedEvent;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignRescheduledEvent;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.campaign.RescheduleCampaignCommand;
import io.coupons.api.campaign.UnlinkDiscountRuleCommand;
import io.coupons.api.common.CommandAccepted;
import io.coupons.api.rule.DiscountRuleId;
import io.coupons.command.code.KeySpacePolicy;
import io.coupons.command.common.CommandRejectedException;
import io.coupons.command.common.Violations;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A campaign: the code customers type, its type, the linked rule and shared settings. Commands
 * that need the code registry or another aggregate arrive through {@link CampaignCommandHandler},
 * which does that I/O and then calls the deciding methods here.
 */
@Aggregate
public class Campaign {

    @AggregateIdentifier
    private CampaignId campaignId;
    private String code;
    private CampaignType type;
    private DiscountRuleId discountRuleId;
    private Instant startsAt;
    private Instant expiresAt;
    private boolean archived;
    /** What the creation asked for, to tell a repeat of it from another request with the same id. */
    private CampaignCreatedEvent creation;
    private int lastBatchNumber;
    /** Batches by id, so a retried request answers the batch it already created. */
    private final Map<BatchId, BatchAccepted> batches = new HashMap<>();
    /** Codes requested per random-part length: the used part of each key space. */
    private final Map<Integer, Long> requestedByLength = new HashMap<>();

    protected Campaign() {
        // for Axon
    }

    /** Created by {@link CampaignCommandHandler} once the code is claimed; the event is already checked. */
    Campaign(CampaignCreatedEvent created) {
        apply(created);
    }

    /**
     * The creation arrived again for this id (a retry with the same Idempotency-Key). The same
     * request (code, type, rule, uses per code, start and expiry as first created; the URL token is
     * ours, not the client's) answers this campaign; any other request is refused, never applied.
     */
    CommandAccepted repeatCreation(CampaignCreatedEvent requested) {
        boolean same = creation.code().equals(requested.code()) && creation.type() == requested.type()
                && Objects.equals(creation.discountRuleId(), requested.discountRuleId())
                && Objects.equals(creation.usesPerCode(), requested.usesPerCode())
                && Objects.equals(creation.startsAt(), requested.startsAt())
                && Objects.equals(creation.expiresAt(), requested.expiresAt());
        if (!same) {
            throw CommandRejectedException.idempotencyKeyReused("campaign " + creation.code());
        }
        return accepted();
    }

    CommandAccepted changeCode(String newCode) {
        requireNotArchived();
        if (type != CampaignType.SINGLE_CODE) {
            throw CommandRejectedException.conflict("CODE_CHANGE_NOT_ALLOWED",
                    "Only a single-code campaign's code can change; this one is " + type + ".");
        }
        if (!newCode.equals(code)) {
            apply(new CampaignCodeChangedEvent(campaignId, code, newCode));
        }
        return accepted();
    }

    CommandAccepted linkDiscountRule(DiscountRuleId ruleId) {
        requireNotArchived();
        if (!ruleId.equals(discountRuleId)) {
            apply(new CampaignDiscountRuleLinkedEvent(campaignId, ruleId));
        }
        return accepted();
    }

    /**
     * Accepts a generation run as the next numbered batch. Numbers come from this aggregate's own
     * event stream, so concurrent requests get 1, 2, 3... with no gap and no repeat.
     */
    public BatchAccepted requestBatch(BatchId batchId, long quantity, int randomLength, BigDecimal maxFill) {
        BatchAccepted known = batches.get(batchId);
        if (known != null) {
            // A retry (same Idempotency-Key): the same quantity and length answer the batch, others are refused.
            if (known.quantity() != quantity || known.randomLength() != randomLength) {
                throw CommandRejectedException.idempotencyKeyReused("batch " + known.batchNumber() + " (" + known.quantity()
                        + " codes, random length " + known.randomLength() + ")");
            }
            return known;
        }
        requireNotArchived();
        if (type != CampaignType.BULK_POOL) {
            throw CommandRejectedException.conflict("NOT_A_BULK_POOL",
                    "Codes are generated for bulk-pool campaigns; " + code + " is " + type + ".");
        }
        String keySpaceProblem = KeySpacePolicy.problem(randomLength,
                requestedByLength.getOrDefault(randomLength, 0L), quantity, maxFill);
        if (keySpaceProblem != null) {
            throw CommandRejectedException.invalid("randomLength", keySpaceProblem);
        }
        apply(new BatchGenerationRequestedEvent(campaignId, batchId, lastBatchNumber + 1, code, quantity,
                randomLength));
        return batches.get(batchId);
    }

    @CommandHandler
    public CommandAccepted handle(UnlinkDiscountRuleCommand command) {
        requireNotArchived();
        if (discountRuleId != null) {
            apply(new CampaignDiscountRuleUnlinkedEvent(campaignId, discountRuleId));
        }
        return accepted();
    }

    @CommandHandler
    public CommandAccepted handle(RescheduleCampaignCommand command, Clock clock) {
        requireNotArchived();
        Violations violations = new Violations();
        CampaignPolicy.checkSchedule(violations, command.startsAt(), command.expiresAt(), clock.instant());
        violations.throwIfAny();
        if (!Objects.equals(startsAt, command.startsAt()) || !Objects.equals(expiresAt, command.expiresAt())) {
            apply(new CampaignRescheduledEvent(campaignId, command.startsAt(), command.expiresAt()));
        }
        return accepted();
    }

    /** Archiving twice is not an error: the second time changes nothing. */
    @CommandHandler
    public CommandAccepted handle(ArchiveCampaignCommand command) {
        if (!archived) {
            apply(new CampaignArchivedEvent(campaignId));
        }
        return accepted();
    }

    public String code() {
        return code;
    }

    CommandAccepted accepted() {
        return new CommandAccepted(campaignId.value(), AggregateLifecycle.getVersion());
    }

    private void requireNotArchived() {
        if (archived) {
            throw CommandRejectedException.conflict("CAMPAIGN_ARCHIVED",
                    "Campaign " + code + " is archived and can no longer change.");
        }
    }

    @EventSourcingHandler
    void on(CampaignCreatedEvent event) {
        creation = event;
        campaignId = event.campaignId();
        code = event.code();
        type = event.type();
        discountRuleId = event.discountRuleId();
        startsAt = event.startsAt();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(CampaignCodeChangedEvent event) {
        code = event.code();
    }

    @EventSourcingHandler
    void on(CampaignDiscountRuleLinkedEvent event) {
        discountRuleId = event.discountRuleId();
    }

    @EventSourcingHandler
    void on(CampaignDiscountRuleUnlinkedEvent event) {
        discountRuleId = null;
    }

    @EventSourcingHandler
    void on(CampaignRescheduledEvent event) {
        startsAt = event.startsAt();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(CampaignArchivedEvent event) {
        archived = true;
    }

    @EventSourcingHandler
    void on(BatchGenerationRequestedEvent event) {
        lastBatchNumber = event.batchNumber();
        batches.put(event.batchId(), new BatchAccepted(campaignId.value(), event.batchId().value(),
                event.batchNumber(), event.quantity(), event.randomLength()));
        requestedByLength.merge(event.randomLength(), event.quantity(), Long::sum);
    }
}
