package io.coupons.query.batch;

import io.coupons.api.batch.BatchCodesGeneratedEvent;
import io.coupons.api.batch.BatchDownloadedEvent;
import io.coupons.api.batch.BatchGenerationCompletedEvent;
import io.coupons.api.batch.BatchGenerationFailedEvent;
import io.coupons.api.batch.BatchGenerationRequestedEvent;
import io.coupons.api.batch.GenerationBatchState;
import io.coupons.api.campaign.CampaignCodeChangedEvent;
import io.coupons.api.campaign.CampaignCreatedEvent;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.common.AuditMetadata;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Projects every code into code_view (searchable: generated codes, and the code of each single-code
 * and URL-token campaign) and generation into the history, in one processing group: a chunk's codes
 * and the progress they add commit together, so "generated" in the history never counts a code that
 * cannot be found yet.
 */
@Component
@ProcessingGroup(CodesProjection.PROCESSING_GROUP)
public class CodesProjection {

    public static final String PROCESSING_GROUP = "codes";

    private final CodeRows codes;
    private final GenerationBatchRows batches;

    public CodesProjection(CodeRows codes, GenerationBatchRows batches) {
        this.codes = codes;
        this.batches = batches;
    }

    @EventHandler
    void on(CampaignCreatedEvent event, @Timestamp Instant at) {
        // A bulk pool's code is only the prefix of its codes; the codes come with generation.
        if (event.type() != CampaignType.BULK_POOL) {
            codes.claimCampaignCode(event.code(), event.campaignId().value(), at);
        }
    }

    @EventHandler
    void on(CampaignCodeChangedEvent event, @Timestamp Instant at) {
        codes.deleteCampaignCode(event.previousCode(), event.campaignId().value(), at);
        codes.claimCampaignCode(event.code(), event.campaignId().value(), at);
    }

    @EventHandler
    void on(BatchGenerationRequestedEvent event, @Timestamp Instant at, @MetaDataValue(AuditMetadata.USER) String user) {
        batches.insert(event.batchId().value(), event.campaignId().value(), event.batchNumber(), event.prefix(), user,
                at, event.quantity(), event.randomLength());
    }

    @EventHandler
    void on(BatchCodesGeneratedEvent event, @Timestamp Instant at) {
        codes.insert(event.codes(), event.campaignId().value(), event.batchId().value(), event.batchNumber(), at);
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
        codes.deleteAll();
        batches.deleteAll();
    }
}
