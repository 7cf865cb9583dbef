package io.coupons.command.batch;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Generates the codes of accepted runs in the background, one chunk per run in turn (a 10-code
 * batch does not wait behind a 10-million one). Unfinished runs are found in the database, so a
 * run interrupted by a crash (or left by another instance) is continued by the next poll.
 */
@Component
public class BatchGenerationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BatchGenerationWorker.class);

    private final GenerationBatches batches;
    private final ChunkWriter chunks;
    private final GenerationProperties properties;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public BatchGenerationWorker(GenerationBatches batches, ChunkWriter chunks, GenerationProperties properties) {
        this.batches = batches;
        this.chunks = chunks;
        this.properties = properties;
    }

    /** Something was requested: look now rather than at the next poll. */
    public void wake() {
        if (running) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            List<UUID> unfinished = batches.unfinished();
            while (running && !unfinished.isEmpty()) {
                for (UUID batchId : unfinished) {
                    if (!writeChunk(batchId)) {
                        return; // back off until the next poll rather than burn the attempts at once
                    }
                }
                unfinished = batches.unfinished();
            }
        } catch (RuntimeException e) {
            log.warn("Generation paused until the next poll: {}", e.toString());
        }
    }

    /** Writes one chunk of the run; false when it failed. */
    private boolean writeChunk(UUID batchId) {
        if (!running) {
            return true;
        }
        try {
            chunks.writeNextChunk(batchId);
            return true;
        } catch (RuntimeException e) {
            log.warn("Chunk of batch {} failed; it will be retried at the next poll", batchId, e);
            chunks.recordFailure(batchId, e);
            return false;
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "batch-generation");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        long interval = properties.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::drain, interval, interval, TimeUnit.MILLISECONDS);
        executor.execute(this::drain);
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdown();
        try {
            // The chunk in flight commits or rolls back as a whole either way; waiting just lets it finish.
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
