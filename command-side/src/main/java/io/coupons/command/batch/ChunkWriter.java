package io.coupons.command.batch;

import io.coupons.api.batch.BatchCodesGeneratedEvent;
import io.coupons.api.batch.BatchGenerationCompletedEvent;
import io.coupons.api.batch.BatchGenerationFailedEvent;
import io.coupons.api.batch.BatchId;
import io.coupons.api.batch.GenerationBatchState;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.common.AuditMetadata;
import io.coupons.command.code.CodeAlphabet;
import io.coupons.command.code.CouponCodes;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one chunk of a run in one short transaction: lock the run, draw candidates, reserve them
 * in the code registry (colliding candidates are replaced by fresh ones), append the chunk's event
 * and count it. Either all of that commits or none of it, so a crash at any point
 * leaves a run that the next chunk continues exactly.
 */
@Component
public class ChunkWriter {

    /** Rounds of replacement candidates before a chunk gives up (each round replaces the collisions). */
    private static final int MAX_ROUNDS = 50;

    private final GenerationBatches batches;
    private final CouponCodes codes;
    private final EventBus eventBus;
    private final TransactionTemplate transactions;
    private final GenerationProperties properties;
    private final PrefixFilters filters;
    private final SecureRandom random = new SecureRandom();

    public ChunkWriter(GenerationBatches batches, CouponCodes codes, EventBus eventBus,
                       TransactionTemplate transactions, GenerationProperties properties, PrefixFilters filters) {
        this.batches = batches;
        this.codes = codes;
        this.filters = filters;
        this.eventBus = eventBus;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Writes the run's next chunk; answers whether codes remain to be generated. */
    public boolean writeNextChunk(UUID batchId) {
        Boolean more = transactions.execute(status -> {
            GenerationBatches.Run run = batches.lock(batchId).orElse(null);
            if (run == null || run.finished()) {
                return false;
            }
            int size = (int) Math.min(properties.chunkSize(), run.quantity() - run.generated());
            List<String> chunk = reserve(run, size);
            long generated = run.generated() + chunk.size();
            boolean done = generated == run.quantity();
            batches.recordChunk(batchId, generated, done ? GenerationBatchState.COMPLETED : GenerationBatchState.RUNNING);
            List<EventMessage<?>> events = new ArrayList<>();
            events.add(event(run, BatchCodesGeneratedEvent.of(new BatchId(batchId), new CampaignId(run.campaignId()),
                    run.batchNumber(), run.chunks(), run.prefix(), run.randomLength(), chunk, generated)));
            if (done) {
                events.add(event(run, new BatchGenerationCompletedEvent(new BatchId(batchId),
                        new CampaignId(run.campaignId()), run.batchNumber(), generated)));
            }
            eventBus.publish(events);
            return !done;
        });
        return Boolean.TRUE.equals(more);
    }

    /** Counts a failed attempt; after too many in a row the run is marked failed, for good. */
    public void recordFailure(UUID batchId, Exception cause) {
        transactions.executeWithoutResult(status -> {
            if (batches.recordFailure(batchId) < properties.maxFailures()) {
                return;
            }
            GenerationBatches.Run run = batches.lock(batchId).orElseThrow();
            batches.markFailed(batchId);
            eventBus.publish(event(run, new BatchGenerationFailedEvent(new BatchId(batchId),
                    new CampaignId(run.campaignId()), run.batchNumber(), run.generated(),
                    "Stopped after " + run.failures() + " failed attempts: " + cause.getMessage())));
        });
    }

    /**
     * The chunk's codes, reserved in the registry. Fast path: candidates the prefix's Bloom filter
     * has never seen go in with one COPY. Otherwise (no filter for a very large pool, or another
     * instance wrote codes with this prefix meanwhile) each candidate is checked against the
     * registry and the colliding ones are replaced, round after round.
     */
    private List<String> reserve(GenerationBatches.Run run, int size) {
        CampaignId campaign = new CampaignId(run.campaignId());
        BatchId batch = new BatchId(run.batchId());
        PrefixFilter filter = filters.forRun(run);
        List<String> reserved = new ArrayList<>(size);
        if (filter != null) {
            List<String> unseen = unseen(run, size, filter);
            if (unseen.size() == size && codes.reserveAllWithCopy(unseen, campaign, batch)) {
                return unseen;
            }
            reserved.addAll(codes.reserveFree(unseen, campaign, batch));
        }
        for (int round = 0; round < MAX_ROUNDS && reserved.size() < size; round++) {
            List<String> candidates = new ArrayList<>(size - reserved.size());
            CodeAlphabet.fill(random, run.prefix(), run.randomLength(), size - reserved.size(), candidates);
            List<String> fresh = codes.reserveFree(candidates, campaign, batch);
            if (filter != null) {
                fresh.forEach(filter::add);
            }
            reserved.addAll(fresh);
        }
        if (reserved.size() < size) {
            throw new IllegalStateException("Key space of " + run.prefix() + " with random length "
                    + run.randomLength() + " is too full: " + MAX_ROUNDS + " rounds left collisions");
        }
        return reserved;
    }

    /** Up to {@code size} distinct candidates the filter has not seen, each added to it. */
    private List<String> unseen(GenerationBatches.Run run, int size, PrefixFilter filter) {
        List<String> unseen = new ArrayList<>(size);
        List<String> candidates = new ArrayList<>(size);
        for (int round = 0; round < MAX_ROUNDS && unseen.size() < size; round++) {
            candidates.clear();
            CodeAlphabet.fill(random, run.prefix(), run.randomLength(), size - unseen.size(), candidates);
            for (String candidate : candidates) {
                if (!filter.mightContain(candidate)) {
                    filter.add(candidate);
                    unseen.add(candidate);
                }
            }
        }
        return unseen;
    }

    private static EventMessage<?> event(GenerationBatches.Run run, Object payload) {
        Map<String, String> metadata = run.requestedBy() == null ? Map.of()
                : Map.of(AuditMetadata.USER, run.requestedBy());
        return GenericEventMessage.asEventMessage(payload).andMetaData(metadata);
    }
}
