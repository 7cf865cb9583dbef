package io.coupons.query.batch;

import io.coupons.api.batch.BatchDownloadedEvent;
import io.coupons.api.batch.BatchId;
import io.coupons.api.batch.DownloadFormat;
import io.coupons.api.batch.GenerationBatchView;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.common.AuditMetadata;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records that batches were downloaded, as events. This is the one fact the query side records
 * itself: it observed the download (a read), it decides nothing, and the generation history's
 * "Exported" column is projected from these events like everything else.
 */
@Component
public class DownloadRecorder {

    private final EventBus eventBus;
    private final TransactionTemplate transactions;

    public DownloadRecorder(EventBus eventBus, TransactionTemplate transactions) {
        this.eventBus = eventBus;
        this.transactions = transactions;
    }

    void record(List<GenerationBatchView> batches, DownloadFormat format, String user) {
        if (batches.isEmpty()) {
            return;
        }
        List<EventMessage<?>> events = batches.stream()
                .<EventMessage<?>>map(batch -> GenericEventMessage.asEventMessage(new BatchDownloadedEvent(
                                new BatchId(batch.batchId()), new CampaignId(batch.campaignId()), batch.batchNumber(),
                                format))
                        .andMetaData(Map.of(AuditMetadata.USER, user)))
                .toList();
        transactions.executeWithoutResult(status -> eventBus.publish(events));
    }
}
