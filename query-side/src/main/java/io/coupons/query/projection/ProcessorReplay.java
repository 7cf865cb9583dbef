package io.coupons.query.projection;

import io.coupons.platform.web.ApiProblemException;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Rebuilds one projection from the first event: the processor stops here, its reset handlers
 * clear its tables and its dead-letter queue, every segment's token becomes a replay token, and it
 * starts again, rebuilding in the background ({@code replaying} in the readiness details until it
 * has caught up). Resetting needs every segment's token, so no other instance may be running the
 * processor: Axon claims each token before clearing anything, all in one transaction, and when
 * another instance holds one nothing is cleared, the processor starts again as it was and the
 * answer is 409 {@code PROCESSOR_RUNNING_ELSEWHERE}. Scale the query side to one instance, replay,
 * scale back (deploy/README.md).
 */
@Component
public class ProcessorReplay {

    private static final Logger log = LoggerFactory.getLogger(ProcessorReplay.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final TransactionOperations transactions;

    public ProcessorReplay(EventProcessingConfiguration processing, TokenStore tokens,
                           TransactionOperations transactions) {
        this.processing = processing;
        this.tokens = tokens;
        this.transactions = transactions;
    }

    /**
     * One replay at a time on this instance: a second would find the processor already stopped.
     *
     * @return the segments reset
     */
    public synchronized int replay(String name) {
        EventProcessor found = processing.eventProcessors().get(name);
        if (!(found instanceof StreamingEventProcessor processor)) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "UNKNOWN_PROCESSOR",
                    "No streaming event processor is called " + name + ".", List.of());
        }
        if (!processor.supportsReset()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "PROCESSOR_CANNOT_REPLAY",
                    "Processor " + name + " has handlers that do not support a replay.", List.of());
        }
        processor.shutDown();
        try {
            processor.resetTokens();
            log.info("Processor [{}] reset by an admin: it rebuilds its projection from the first event", name);
            return transactions.execute(status -> tokens.fetchSegments(name).length);
        } catch (UnableToClaimTokenException claimedElsewhere) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "PROCESSOR_RUNNING_ELSEWHERE",
                    "Another instance holds segments of " + name + "; nothing was reset. Stop the other "
                            + "query-side instances (or wait for their claims to expire), then replay again.",
                    List.of());
        } finally {
            processor.start();
        }
    }
}
