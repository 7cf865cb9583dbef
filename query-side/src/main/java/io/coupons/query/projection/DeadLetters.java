package io.coupons.query.projection;

import io.coupons.platform.web.ApiProblemException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jpa.JpaDeadLetter;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Reads and retries the projections' dead-letter queues. The queues live in the database, so any
 * query-side instance answers for all; two instances retrying at once never take the same
 * sequence (Axon claims a sequence before processing it).
 */
@Component
public class DeadLetters {

    static final int MAX_LETTERS_SHOWN = 100;

    private final EventProcessingConfiguration processing;
    private final TransactionOperations transactions;

    public DeadLetters(EventProcessingConfiguration processing, TransactionOperations transactions) {
        this.processing = processing;
        this.transactions = transactions;
    }

    public List<DeadLetterViews.Summary> summaries() {
        return processing.eventProcessors().keySet().stream().sorted()
                .flatMap(name -> processing.deadLetterQueue(name).stream().map(queue -> transactions.execute(
                        status -> new DeadLetterViews.Summary(name, queue.amountOfSequences(), queue.size()))))
                .toList();
    }

    public DeadLetterViews.Queue queue(String processor, int limit) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(processor);
        return transactions.execute(status -> {
            List<DeadLetterViews.Sequence> items = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                if (items.size() == limit) {
                    break;
                }
                items.add(sequence(queue, sequence));
            }
            return new DeadLetterViews.Queue(processor, queue.amountOfSequences(), queue.size(), items);
        });
    }

    /**
     * Tries every parked sequence once (or the one named), oldest-touched first: each sequence's
     * events are handled again in order until one fails, which stays parked with its new cause.
     */
    public DeadLetterViews.Retry retry(String processor, String sequence) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queueOf(processor);
        SequencedDeadLetterProcessor<EventMessage<?>> retrier = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> unknownProcessor(processor));
        int attempted = 0;
        int resolved = 0;
        if (sequence != null) {
            if (!Boolean.TRUE.equals(transactions.execute(status -> queue.contains(sequence)))) {
                throw new ApiProblemException(HttpStatus.NOT_FOUND, "UNKNOWN_DEAD_LETTER_SEQUENCE",
                        "Processor " + processor + " has no parked sequence " + sequence + ".", List.of());
            }
            attempted = 1;
            resolved = retrier.process(letter -> sequence.equals(sequenceOf(letter))) ? 1 : 0;
        } else {
            // Bounded by the count at the start: a sequence that fails again is touched, so it goes to
            // the back and is not tried twice; events parked meanwhile wait for the next retry.
            long parked = transactions.execute(status -> queue.amountOfSequences());
            for (; attempted < parked; attempted++) {
                if (retrier.processAny()) {
                    resolved++;
                }
            }
        }
        int tried = attempted;
        int projected = resolved;
        return transactions.execute(status -> new DeadLetterViews.Retry(processor, tried, projected,
                queue.amountOfSequences(), queue.size()));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queueOf(String processor) {
        if (!processing.eventProcessors().containsKey(processor)) {
            throw unknownProcessor(processor);
        }
        return processing.deadLetterQueue(processor).orElseThrow(() -> unknownProcessor(processor));
    }

    private static ApiProblemException unknownProcessor(String processor) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "UNKNOWN_PROCESSOR",
                "No event processor with a dead-letter queue is called " + processor + ".", List.of());
    }

    private static DeadLetterViews.Sequence sequence(SequencedDeadLetterQueue<EventMessage<?>> queue,
                                                     Iterable<DeadLetter<? extends EventMessage<?>>> letters) {
        String id = null;
        List<DeadLetterViews.Letter> shown = new ArrayList<>();
        for (DeadLetter<? extends EventMessage<?>> letter : letters) {
            id = id == null ? sequenceOf(letter) : id;
            if (shown.size() == MAX_LETTERS_SHOWN) {
                break;
            }
            shown.add(letter(letter));
        }
        return new DeadLetterViews.Sequence(id, id == null ? 0 : queue.sequenceSize(id), shown);
    }

    private static DeadLetterViews.Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> event = letter.message();
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        Object attempts = letter.diagnostics().get(ProjectionEnqueuePolicy.ATTEMPTS);
        return new DeadLetterViews.Letter(event.getIdentifier(), event.getPayloadType().getName(),
                domain == null ? null : domain.getType(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), event.getTimestamp(), letter.enqueuedAt(),
                letter.lastTouched(), letter.cause().map(Cause::type).orElse(null),
                letter.cause().map(Cause::message).orElse(null),
                attempts instanceof Number n ? n.longValue() : 0);
    }

    private static String sequenceOf(DeadLetter<?> letter) {
        return letter instanceof JpaDeadLetter<?> jpa ? jpa.getSequenceIdentifier() : null;
    }
}
