package io.coupons.query.projection;

import io.coupons.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins' view of events the projections could not handle ({@link DeadLetterConfig}), and the way
 * to hand them back once the cause is fixed. There is deliberately no "delete": an event dropped
 * from a projection leaves it different from a rebuild for good; fix the cause and retry, or replay
 * the projection (deploy/README.md).
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@Tag(name = "Operations")
public class DeadLetterController {

    static final int MAX_SEQUENCES_SHOWN = 100;

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Every projection's dead-letter queue in figures: parked sequences and events")
    public List<DeadLetterViews.Summary> summaries() {
        return deadLetters.summaries();
    }

    @GetMapping("/{processor}")
    @Operation(summary = "A projection's parked events by sequence, least recently tried first, with each failure's cause",
            description = "limit: sequences shown, 1 to 100 (default 20); at most 100 events are shown per sequence. "
                    + "404 UNKNOWN_PROCESSOR for a name that is not one of this side's processors.")
    public DeadLetterViews.Queue queue(@PathVariable String processor, @RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > MAX_SEQUENCES_SHOWN) {
            throw ApiProblemException.badParameter("limit", "must be between 1 and " + MAX_SEQUENCES_SHOWN);
        }
        return deadLetters.queue(processor, limit);
    }

    @PostMapping("/{processor}/retry")
    @Operation(summary = "Hand parked events back to the projection: every sequence once, or the one named",
            description = "Each sequence's events are handled again in order until one fails; that one stays parked "
                    + "with its new cause and the count of attempts, with the events behind it. Answers what was tried, "
                    + "what is now projected and what is still parked. 404 UNKNOWN_DEAD_LETTER_SEQUENCE when the named "
                    + "sequence is not parked.")
    public DeadLetterViews.Retry retry(@PathVariable String processor,
                                       @RequestParam(required = false) String sequence) {
        return deadLetters.retry(processor, sequence == null || sequence.isEmpty() ? null : sequence);
    }
}
