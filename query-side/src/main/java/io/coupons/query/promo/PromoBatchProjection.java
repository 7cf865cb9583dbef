package io.coupons.query.promo;

import io.coupons.api.batch.GenerationBatchState;
import io.coupons.api.common.AuditMetadata;
import io.coupons.api.promo.PromoBatchCreatedEvent;
import io.coupons.api.promo.PromoBatchDeletedEvent;
import io.coupons.api.promo.PromoBatchEnabledChangedEvent;
import io.coupons.api.promo.PromoBatchView;
import io.coupons.api.promo.PromoCodeEditedEvent;
import io.coupons.api.promo.PromoCodesCloneRequestedEvent;
import io.coupons.api.promo.PromoCodesGeneratedEvent;
import io.coupons.api.promo.PromoGenerationCompletedEvent;
import io.coupons.api.promo.PromoGenerationFailedEvent;
import io.coupons.api.promo.PromoInventoryModifiedEvent;
import io.coupons.query.code.CodesProjection;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Projects promo batches, their runs and the codes' overrides. In the codes' processing group on
 * purpose, as the campaign generation history is: a chunk's codes (written by
 * {@link CodesProjection}) and the progress and overrides it brings commit together, and one
 * batch's events are handled in order (the codes' sequencing policy keys them by the promo batch).
 */
@Component
@ProcessingGroup(CodesProjection.PROCESSING_GROUP)
public class PromoBatchProjection {

    private final PromoBatchRows batches;
    private final PromoOverrideRows overrides;

    public PromoBatchProjection(PromoBatchRows batches, PromoOverrideRows overrides) {
        this.batches = batches;
        this.overrides = overrides;
    }

    @EventHandler
    void on(PromoBatchCreatedEvent e, @Timestamp Instant at, @MetaDataValue(AuditMetadata.USER) String user,
            @SequenceNumber long version) {
        batches.create(new PromoBatchView(e.promoBatchId().value(), e.name(), e.method(), e.segmentId(),
                e.segmentName(), e.segmentRevision(), at, user, e.enabled(), e.codeLength(), e.quantity(), 0,
                GenerationBatchState.REQUESTED, e.terms(), e.inventoryEnabled(),
                e.inventoryEnabled() ? e.inventory() : null, 0, version), e.runId(), e.quantity());
    }

    @EventHandler
    void on(PromoCodesCloneRequestedEvent e, @Timestamp Instant at, @MetaDataValue(AuditMetadata.USER) String user,
            @SequenceNumber long version) {
        batches.cloneRequested(e.promoBatchId().value(), e.runId(), e.runNumber(), e.sourceCode(), e.quantity(),
                e.codeLength(), e.overrideTerms(), e.enabled(), user, at, version);
    }

    @EventHandler
    void on(PromoCodesGeneratedEvent e) {
        batches.progress(e.promoBatchId().value(), e.runId(), e.generated());
        batches.overrideOf(e.runId()).ifPresent(override -> overrides.set(e.codes(), override.promoBatchId(),
                override.terms(), override.enabled(), override.version()));
    }

    @EventHandler
    void on(PromoGenerationCompletedEvent e, @Timestamp Instant at) {
        batches.finish(e.promoBatchId().value(), e.runId(), GenerationBatchState.COMPLETED, e.generated(), at, null);
    }

    @EventHandler
    void on(PromoGenerationFailedEvent e, @Timestamp Instant at) {
        batches.finish(e.promoBatchId().value(), e.runId(), GenerationBatchState.FAILED, e.generated(), at,
                e.reason());
    }

    @EventHandler
    void on(PromoCodeEditedEvent e, @SequenceNumber long version) {
        overrides.edit(e.code(), e.promoBatchId().value(), e.terms(), e.enabled(), version);
        batches.touch(e.promoBatchId().value(), version);
    }

    @EventHandler
    void on(PromoInventoryModifiedEvent e, @SequenceNumber long version) {
        batches.modifyInventory(e.promoBatchId().value(), e.allowance(), e.setNumber(), version);
    }

    @EventHandler
    void on(PromoBatchEnabledChangedEvent e, @SequenceNumber long version) {
        batches.enable(e.promoBatchId().value(), e.enabled(), version);
    }

    @EventHandler
    void on(PromoBatchDeletedEvent e, @SequenceNumber long version) {
        batches.delete(e.promoBatchId().value(), version);
    }

    @ResetHandler
    void reset() {
        batches.deleteAll();
        overrides.deleteAll();
    }
}
