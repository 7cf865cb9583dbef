package io.coupons.command.batch;

import io.coupons.api.batch.BatchCodesGeneratedEvent;
import io.coupons.api.batch.BatchGenerationCompletedEvent;
import io.coupons.api.batch.BatchGenerationFailedEvent;
import io.coupons.api.batch.BatchId;
import io.coupons.api.batch.GenerationBatchState;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.common.AuditMetadata;
import io.coupons.api.promo.PromoBatchId;
import io.coupons.api.promo.PromoCodesGeneratedEvent;
import io.coupons.api.promo.PromoGenerationCompletedEvent;
import io.coupons.api.promo.PromoGenerationFailedEvent;
import io.coupons.command.code.CodeAlphabet;
import io.coupons.command.code.CodeOwner;
import io.coupons.command.code.CouponCodes;
import io.coupons.command.segment.SegmentMembers;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one chunk of a run (of a campaign or of a promo batch) in one short transaction: lock the
 * run, draw candidates (for a segment run, one per next member of its pinned upload), reserve them
 * in the code registry (colliding candidates are replaced by fresh ones), append the chunk's event
 * and count it. Either all of that commits or none of it, so a crash at any point
 * leaves a run that the next chunk continues exactly.
 */
@Component
public class ChunkWriter {

    /** Rounds of replacement candidates before a chunk gives up (each round replaces the collisions). */
    private static final int MAX_ROUNDS = 50;
    /** Account ids per chunk event at most (about 1 MB of UTF-8), far under Axon Server's 4 MB. */
    private static final long MAX_ACCOUNT_BYTES = 1_000_000;

    private final GenerationBatches batches;
    private final CouponCodes codes;
    private final EventBus eventBus;
    private final TransactionTemplate transactions;
    private final GenerationProperties properties;
    private final PrefixFilters filters;
    private final SegmentMembers members;
    private final SecureRandom random = new SecureRandom();

    public ChunkWriter(GenerationBatches batches, CouponCodes codes, EventBus eventBus,
                       TransactionTemplate transactions, GenerationProperties properties, PrefixFilters filters,
                       SegmentMembers members) {
        this.batches = batches;
        this.members = members;
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
            List<String> accounts = run.segmentUploadId() == null ? null : nextMembers(run, size);
            Reserved chunk = reserve(run, accounts == null ? size : accounts.size(), accounts);
            long generated = run.generated() + chunk.codes().size();
            boolean done = generated == run.quantity();
            String after = accounts == null ? null : accounts.get(accounts.size() - 1);
            batches.recordChunk(batchId, generated, done ? GenerationBatchState.COMPLETED : GenerationBatchState.RUNNING,
                    after);
            eventBus.publish(run.promo() ? promoEvents(run, chunk, generated, done) : campaignEvents(run, chunk, generated,
                    done));
            if (done && run.segmentUploadId() != null) {
                members.unpin(batchId);
            }
            return !done;
        });
        return Boolean.TRUE.equals(more);
    }

    /**
     * The next members of a segment run's pinned upload, at most {@code size} and at most
     * {@link #MAX_ACCOUNT_BYTES} of account ids, so the chunk's event stays small whatever the ids.
     */
    private List<String> nextMembers(GenerationBatches.Run run, int size) {
        List<String> page = members.members(run.segmentUploadId(), run.segmentAfter(), size);
        if (page.isEmpty()) {
            throw new IllegalStateException("Segment upload " + run.segmentUploadId() + " has no members after "
                    + run.generated() + "; the run needs " + run.quantity());
        }
        long bytes = 0;
        for (int i = 0; i < page.size(); i++) {
            bytes += page.get(i).length() * 3L + 8;
            if (bytes > MAX_ACCOUNT_BYTES) {
                return page.subList(0, i);
            }
        }
        return page;
    }

    private static List<EventMessage<?>> campaignEvents(GenerationBatches.Run run, Reserved chunk, long generated,
                                                        boolean done) {
        BatchId batch = new BatchId(run.batchId());
        CampaignId campaign = new CampaignId(run.campaignId());
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(event(run, BatchCodesGeneratedEvent.of(batch, campaign, run.batchNumber(), run.chunks(),
                run.prefix(), run.randomLength(), chunk.codes(), generated)));
        if (done) {
            events.add(event(run, new BatchGenerationCompletedEvent(batch, campaign, run.batchNumber(), generated)));
        }
        return events;
    }

    private static List<EventMessage<?>> promoEvents(GenerationBatches.Run run, Reserved chunk, long generated,
                                                     boolean done) {
        PromoBatchId promoBatch = new PromoBatchId(run.promoBatchId());
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(event(run, PromoCodesGeneratedEvent.of(promoBatch, run.batchId(), run.batchNumber(), run.chunks(),
                run.randomLength(), chunk.codes(), chunk.accounts(), generated)));
        if (done) {
            events.add(event(run, new PromoGenerationCompletedEvent(promoBatch, run.batchId(), run.batchNumber(),
                    generated)));
        }
        return events;
    }

    /** Counts a failed attempt; after too many in a row the run is marked failed, for good. */
    public void recordFailure(UUID batchId, Exception cause) {
        transactions.executeWithoutResult(status -> {
            if (batches.recordFailure(batchId) < properties.maxFailures()) {
                return;
            }
            GenerationBatches.Run run = batches.lock(batchId).orElseThrow();
            batches.markFailed(batchId);
            String reason = "Stopped after " + run.failures() + " failed attempts: " + cause.getMessage();
            if (run.promo()) {
                members.unpin(batchId);
                eventBus.publish(event(run, new PromoGenerationFailedEvent(new PromoBatchId(run.promoBatchId()),
                        run.batchId(), run.batchNumber(), run.generated(), reason)));
            } else {
                eventBus.publish(event(run, new BatchGenerationFailedEvent(new BatchId(batchId),
                        new CampaignId(run.campaignId()), run.batchNumber(), run.generated(), reason)));
            }
        });
    }

    /** A chunk's codes and, by position, the accounts they are bound to (null: none). */
    private record Reserved(List<String> codes, List<String> accounts) {
    }

    /**
     * The chunk's codes, reserved in the registry. Fast path: candidates the Bloom filter of the
     * run's code space has never seen go in with one COPY. Otherwise (no filter for a very large
     * pool, or another instance wrote codes in this space meanwhile) each candidate is checked
     * against the registry and the colliding ones are replaced, round after round; a replaced
     * code's account waits for the next round, so every account gets exactly one code.
     *
     * @param accounts the accounts to bind, one code each (null: {@code size} unbound codes)
     */
    private Reserved reserve(GenerationBatches.Run run, int size, List<String> accounts) {
        CodeOwner owner = run.promo() ? CodeOwner.promo(new PromoBatchId(run.promoBatchId()), run.batchId())
                : CodeOwner.campaign(new CampaignId(run.campaignId()), new BatchId(run.batchId()));
        PrefixFilter filter = filters.forRun(run);
        List<String> candidates = null;
        if (filter != null) {
            candidates = unseen(run, size, filter);
            if (candidates.size() == size && codes.reserveAllWithCopy(candidates, accounts, owner)) {
                return new Reserved(candidates, accounts);
            }
        }
        List<String> reserved = new ArrayList<>(size);
        List<String> bound = accounts == null ? null : new ArrayList<>(size);
        List<String> waiting = accounts == null ? null : new ArrayList<>(accounts);
        for (int round = 0; round < MAX_ROUNDS && reserved.size() < size; round++) {
            if (candidates == null) {
                candidates = new ArrayList<>(size - reserved.size());
                CodeAlphabet.fill(random, run.prefix(), run.randomLength(), size - reserved.size(), candidates);
            }
            List<String> forAccounts = waiting == null ? null : List.copyOf(waiting.subList(0, candidates.size()));
            Set<String> fresh = new HashSet<>(codes.reserveFree(candidates, forAccounts, owner));
            List<String> stillWaiting = new ArrayList<>();
            for (int i = 0; i < candidates.size(); i++) {
                // remove: a candidate drawn twice in one round is reserved once, its second slot waits
                if (fresh.remove(candidates.get(i))) {
                    reserved.add(candidates.get(i));
                    if (filter != null) {
                        filter.add(candidates.get(i));
                    }
                    if (bound != null) {
                        bound.add(forAccounts.get(i));
                    }
                } else if (forAccounts != null) {
                    stillWaiting.add(forAccounts.get(i));
                }
            }
            if (waiting != null) {
                stillWaiting.addAll(waiting.subList(candidates.size(), waiting.size()));
                waiting = stillWaiting;
            }
            candidates = null;
        }
        if (reserved.size() < size) {
            throw new IllegalStateException("Key space of " + (run.promo() ? "promo codes" : run.prefix())
                    + " with random length " + run.randomLength() + " is too full: " + MAX_ROUNDS
                    + " rounds left collisions");
        }
        return new Reserved(reserved, bound);
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
