package io.coupons.command.promo;

import io.coupons.api.code.CouponCode;
import io.coupons.api.common.AuditMetadata;
import io.coupons.api.common.CommandAccepted;
import io.coupons.api.promo.ClonePromoCodeCommand;
import io.coupons.api.promo.DeletePromoBatchCommand;
import io.coupons.api.promo.EditPromoCodeCommand;
import io.coupons.api.promo.GeneratePromoBatchCommand;
import io.coupons.api.promo.GenerationMethod;
import io.coupons.api.promo.ModifyPromoInventoryCommand;
import io.coupons.api.promo.PromoBatchAccepted;
import io.coupons.api.promo.PromoBatchCreatedEvent;
import io.coupons.api.promo.PromoBatchId;
import io.coupons.api.promo.PromoInventoryModifiedEvent;
import io.coupons.api.promo.SetPromoBatchEnabledCommand;
import io.coupons.api.segment.SegmentId;
import io.coupons.command.batch.BatchGenerationWorker;
import io.coupons.command.batch.GenerationBatches;
import io.coupons.command.batch.GenerationProperties;
import io.coupons.command.code.CodeOwner;
import io.coupons.command.code.CouponCodes;
import io.coupons.command.code.KeySpacePolicy;
import io.coupons.command.common.CommandRejectedException;
import io.coupons.command.common.Violations;
import io.coupons.command.marketing.MarketingCampaigns;
import io.coupons.command.rule.DiscountTermsPolicy;
import io.coupons.command.segment.SegmentMembers;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Every promo batch command. Generate and Clone are accepted in one transaction: the batch's event,
 * the run's working row (and, by segment, the member set's pin) commit together, and the worker is
 * woken once they have; the codes come later, in chunks, through the same machinery as campaign
 * batches. Commands that name a code are checked against the registry of every code first (the
 * aggregate does not hold its codes).
 */
@Component
public class PromoBatchCommandHandler {

    private final Repository<PromoBatch> promoBatches;
    private final GenerationBatches runs;
    private final BatchGenerationWorker worker;
    private final GenerationProperties generation;
    private final SegmentMembers segments;
    private final CouponCodes codes;
    private final PromoTerms terms;
    private final MarketingCampaigns marketingCampaigns;

    public PromoBatchCommandHandler(Repository<PromoBatch> promoBatches, GenerationBatches runs,
                                    BatchGenerationWorker worker, GenerationProperties generation,
                                    SegmentMembers segments, CouponCodes codes, PromoTerms terms,
                                    MarketingCampaigns marketingCampaigns) {
        this.promoBatches = promoBatches;
        this.runs = runs;
        this.worker = worker;
        this.generation = generation;
        this.segments = segments;
        this.codes = codes;
        this.terms = terms;
        this.marketingCampaigns = marketingCampaigns;
    }

    /**
     * A batch id that exists already is a retry (ids come from the Idempotency-Key): the same form
     * answers its first run, another form is refused; nothing is checked or written again.
     */
    @CommandHandler
    public PromoBatchAccepted handle(GeneratePromoBatchCommand command, @MetaDataValue(AuditMetadata.USER) String user)
            throws Exception {
        if (command.promoBatchId() == null) {
            throw CommandRejectedException.invalid("promoBatchId", "is required");
        }
        Optional<Aggregate<PromoBatch>> existing = find(command.promoBatchId());
        if (existing.isPresent()) {
            return existing.get().invoke(batch -> repeat(batch, command));
        }
        Violations violations = PromoBatchPolicy.check(command);
        DiscountTermsPolicy.checkMarketingCampaign(violations, command.terms(), null, marketingCampaigns);
        violations.throwIfAny();
        UUID runId = firstRunId(command.promoBatchId());
        int length = PromoBatchPolicy.codeLength(command);
        SegmentMembers.Membership membership = null;
        if (command.method() == GenerationMethod.TARGET_USER_SEGMENT) {
            membership = segments.pinCurrent(SegmentId.of(command.targetUserSegment()), runId)
                    .orElseThrow(() -> CommandRejectedException.invalid("targetUserSegment",
                            "names no user segment: '" + command.targetUserSegment() + "' (names are exact)"));
            if (membership.members() == 0) {
                throw CommandRejectedException.invalid("targetUserSegment",
                        "'" + command.targetUserSegment() + "' has no members");
            }
        }
        long quantity = membership == null ? command.numberOfCodes() : membership.members();
        checkKeySpace(length, quantity, "codeLength");
        PromoBatchCreatedEvent created = new PromoBatchCreatedEvent(command.promoBatchId(), command.name().strip(),
                command.method(), membership == null ? null : SegmentId.of(command.targetUserSegment()).value(),
                membership == null ? null : command.targetUserSegment(),
                membership == null ? null : membership.revision(), runId, quantity, length, command.enabled(),
                command.terms(), command.inventoryEnabled(), command.inventory());
        promoBatches.newInstance(() -> new PromoBatch(created));
        runs.register(new GenerationBatches.PromoRun(runId, command.promoBatchId().value(), 1, quantity, length,
                membership == null ? null : membership.uploadId(), user));
        wakeWorkerAfterCommit();
        return new PromoBatchAccepted(command.promoBatchId().value(), runId, 1, quantity, length);
    }

    /** Clone: {@code quantity} new codes with the source's exact rules, as the batch's next run. */
    @CommandHandler
    public PromoBatchAccepted handle(ClonePromoCodeCommand command, @MetaDataValue(AuditMetadata.USER) String user) {
        Violations violations = new Violations();
        PromoBatchPolicy.checkQuantity(violations, "quantity", command.quantity());
        violations.addIf(command.runId() == null, "runId", "is required");
        violations.throwIfAny();
        Aggregate<PromoBatch> batch = load(command.promoBatchId());
        CodeOwner source = codeOf(batch, command.promoBatchId(), command.code());
        String code = CouponCode.normalise(command.code());
        Optional<PromoTerms.OwnRules> own = terms.ownRules(code, source.runId());
        int length = batch.invoke(PromoBatch::codeLength);
        boolean repeat = runs.exists(command.runId());
        if (!repeat) {
            checkKeySpace(length, command.quantity(), "quantity");  // the batch's length is fixed: fewer clones fit
        }
        PromoBatchAccepted accepted = batch.invoke(b -> b.requestClone(command.runId(), code, command.quantity(),
                own.map(PromoTerms.OwnRules::terms).orElse(null), own.map(PromoTerms.OwnRules::enabled).orElse(true)));
        if (!repeat) {
            runs.register(new GenerationBatches.PromoRun(accepted.runId(), command.promoBatchId().value(),
                    accepted.runNumber(), accepted.quantity(), length, null, user));
            wakeWorkerAfterCommit();
        }
        return accepted;
    }

    /** Edit one code: its own rules and enabled flag; the same again records nothing. */
    @CommandHandler
    public CommandAccepted handle(EditPromoCodeCommand command) {
        Aggregate<PromoBatch> batch = load(command.promoBatchId());
        CodeOwner owner = codeOf(batch, command.promoBatchId(), command.code());
        String code = CouponCode.normalise(command.code());
        Optional<PromoTerms.OwnRules> own = terms.ownRules(code, owner.runId());
        String keptLabel = own.map(PromoTerms.OwnRules::terms).orElse(batch.invoke(PromoBatch::terms))
                .marketingCampaign();
        Violations violations = DiscountTermsPolicy.checkTerms(new Violations(), command.terms());
        DiscountTermsPolicy.checkMarketingCampaign(violations, command.terms(), keptLabel, marketingCampaigns)
                .throwIfAny();
        boolean unchanged = own.isPresent() && Objects.equals(own.get().terms(), command.terms())
                && own.get().enabled() == command.enabled();
        if (unchanged) {
            return batch.invoke(PromoBatch::unchanged);
        }
        return batch.invoke(b -> b.edit(code, command.terms(), command.enabled()));
    }

    @CommandHandler
    public PromoInventoryModifiedEvent handle(ModifyPromoInventoryCommand command) {
        PromoBatchPolicy.checkModification(command.action(), command.amount()).throwIfAny();
        return load(command.promoBatchId()).invoke(b -> b.modifyInventory(command.action(), command.amount()));
    }

    @CommandHandler
    public CommandAccepted handle(SetPromoBatchEnabledCommand command) {
        return load(command.promoBatchId()).invoke(b -> b.setEnabled(command.enabled()));
    }

    @CommandHandler
    public CommandAccepted handle(DeletePromoBatchCommand command) {
        return load(command.promoBatchId()).invoke(PromoBatch::delete);
    }

    private static PromoBatchAccepted repeat(PromoBatch batch, GeneratePromoBatchCommand command) {
        PromoBatchCreatedEvent first = batch.creation();
        boolean same = first.method() == command.method()
                && first.name().equals(command.name() == null ? null : command.name().strip())
                && Objects.equals(first.segmentName(), command.targetUserSegment())
                && (command.method() != GenerationMethod.NUMBER_OF_CODES
                        || Objects.equals(first.quantity(), command.numberOfCodes()))
                && first.codeLength() == PromoBatchPolicy.codeLength(command)
                && first.enabled() == command.enabled() && Objects.equals(first.terms(), command.terms())
                && first.inventoryEnabled() == command.inventoryEnabled()
                && Objects.equals(first.inventory(), command.inventory());
        if (!same) {
            throw CommandRejectedException.idempotencyKeyReused("promo batch '" + first.name() + "'");
        }
        return batch.firstRun();
    }

    /**
     * Keeps every promo code length's space at most {@code maxFill} full. The space is shared by all
     * batches, so the check and the run's registration are serialized per length across instances.
     */
    private void checkKeySpace(int length, long quantity, String field) {
        runs.lockPromoSpace(length);
        String problem = KeySpacePolicy.promoProblem(length, runs.requestedForPromoLength(length), quantity,
                generation.maxFill());
        if (problem != null) {
            throw CommandRejectedException.invalid(field, problem);
        }
    }

    /** The code's registry row, when it is a code of this batch; 404 otherwise (also for malformed codes). */
    private CodeOwner codeOf(Aggregate<PromoBatch> batch, PromoBatchId batchId, String typed) {
        Optional<CouponCode> code = typed == null ? Optional.empty() : CouponCode.parse(typed);
        return code.flatMap(c -> codes.ownerOf(c.value()))
                .filter(owner -> batchId.value().equals(owner.promoBatchId()))
                .orElseThrow(() -> CommandRejectedException.notFound("PROMO_CODE_NOT_FOUND", "Batch '"
                        + batch.invoke(PromoBatch::name) + "' has no code " + typed + "."));
    }

    private Aggregate<PromoBatch> load(PromoBatchId id) {
        return find(id).orElseThrow(() -> CommandRejectedException.notFound("PROMO_BATCH_NOT_FOUND",
                "No promo batch " + id + "."));
    }

    private Optional<Aggregate<PromoBatch>> find(PromoBatchId id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(promoBatches.load(id.toString()));
        } catch (AggregateNotFoundException e) {
            return Optional.empty();
        }
    }

    private void wakeWorkerAfterCommit() {
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> worker.wake());
    }

    /** Run 1's id follows from the batch's, so a retried Generate finds the same run. */
    static UUID firstRunId(PromoBatchId batch) {
        return UUID.nameUUIDFromBytes(("promo-run\n" + batch.value() + "\n1").getBytes(StandardCharsets.UTF_8));
    }
}
