package io.coupons.query.batch;

import io.coupons.api.batch.BatchCodesGeneratedEvent;
import io.coupons.api.batch.BatchDownloadedEvent;
import io.coupons.api.batch.BatchGenerationCompletedEvent;
import io.coupons.api.batch.BatchGenerationFailedEvent;
import io.coupons.api.batch.BatchGenerationRequestedEvent;
import io.coupons.api.batch.GenerationBatchState;
import io.coupons.api.common.AuditMetadata;
import io.coupons.query.code.CodesProjection;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Projects generation into the history and its downloads. In the codes' processing group on
 * purpose: the processor gives a chunk's event to both projections in one transaction, so the
 * progress counted here commits with the codes {@link CodesProjection} makes searchable.
 */
@Component
@ProcessingGroup(CodesProjection.PROCESSING_GROUP)
public class GenerationHistoryProjection {

    private final GenerationBatchRows batches;

    public GenerationHistoryProjection(GenerationBatchRows batches) {
        this.batches = batches;
    }

    @EventHandler
    void on(BatchGenerationRequestedEvent event, @Timestamp Instant at, @MetaDataValue(AuditMetadata.USER) String user) {
        batches.insert(event.batchId().value(), event.campaignId().value(), event.batchNumber(), event.prefix(), user,
                at, event.quantity(), event.randomLength());
    }

    @EventHandler
    void on(BatchCodesGeneratedEvent event) {
        batches.progress(event.batchId().value(), event.generated());
    }

    @EventHandler
    void on(BatchGenerationCompletedEvent event, @Timestamp Instant at) {
        batches.finish(event.batchId().value(), GenerationBatchState.COMPLETED, event.generated(), at, null);
    }

    @EventHandler
    void on(BatchGenerationFailedEvent event, @Timestamp Instant at) {
        batches.finish(event.batchId().value(), GenerationBatchState.FAILED, event.generated(), at, event.reason());
    }

    @EventHandler
    void on(BatchDownloadedEvent event, EventMessage<?> message, @MetaDataValue(AuditMetadata.USER) String user) {
        batches.downloaded(message.getIdentifier(), event.batchId().value(), user, message.getTimestamp(),
                event.format());
    }

    @ResetHandler
    void reset() {
        batches.deleteAll();
    }
}
