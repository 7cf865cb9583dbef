package io.coupons.query.projection;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins' replay of one projection ({@link ProcessorReplay}). */
@RestController
@RequestMapping("/api/admin/processors")
@Tag(name = "Operations")
public class ProcessorController {

    private final ProcessorReplay replay;

    public ProcessorController(ProcessorReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/{processor}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Rebuild a projection from the first event, in the background",
            description = "Clears the processor's tables and dead-letter queue and replays every event; the readiness "
                    + "details show replaying until it has caught up (its tables are incomplete meanwhile). 409 "
                    + "PROCESSOR_RUNNING_ELSEWHERE, with nothing reset, while another query-side instance runs the "
                    + "processor; 404 UNKNOWN_PROCESSOR.")
    public ReplayStarted replay(@PathVariable String processor) {
        return new ReplayStarted(processor, replay.replay(processor));
    }

    /**
     * The replay is under way: every one of the processor's segments now replays from the first
     * event. Follow it in the readiness details ({@code replaying}).
     */
    public record ReplayStarted(String processor, int segments) {
    }
}
