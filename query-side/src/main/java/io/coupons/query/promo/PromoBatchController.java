package io.coupons.query.promo;

import io.coupons.api.promo.FindPromoBatchesQuery;
import io.coupons.api.promo.FindPromoCodesQuery;
import io.coupons.api.promo.GetPromoBatchQuery;
import io.coupons.api.promo.GetPromoBatchUsageQuery;
import io.coupons.api.promo.GetPromoReportingQuery;
import io.coupons.api.promo.PromoBatchDetails;
import io.coupons.api.promo.PromoBatchPage;
import io.coupons.api.promo.PromoBatchUsage;
import io.coupons.api.promo.PromoCodePage;
import io.coupons.api.promo.PromoReporting;
import io.coupons.platform.web.ApiProblemException;
import io.coupons.query.web.PagingParameters;
import io.coupons.query.web.QuerySender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Promo code batches (seed 003): list view, details, Show List, Export to CSV, usage and reporting. */
@RestController
@RequestMapping("/api/promo-batches")
@Tag(name = "Promo code batches")
public class PromoBatchController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final QuerySender queries;
    private final PromoCodesCsv csv;

    public PromoBatchController(QuerySender queries, PromoCodesCsv csv) {
        this.queries = queries;
        this.csv = csv;
    }

    @GetMapping
    @Operation(summary = "List view: every promo batch that is not deleted, newest first",
            description = "name and segment filter by a part of the Batch Name and of the Target User Segment, "
                    + "case-sensitive (Summer does not find summer); % and _ match themselves.")
    public PromoBatchPage list(@RequestParam(required = false) String name,
                               @RequestParam(required = false) String segment,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "" + PagingParameters.DEFAULT_SIZE) int size) {
        return queries.one(new FindPromoBatchesQuery(PagingParameters.text("name", name),
                PagingParameters.text("segment", segment), PagingParameters.of(page, size)), PromoBatchPage.class);
    }

    @GetMapping("/{promoBatchId}")
    @Operation(summary = "A promo batch: its rules, inventory and generation runs (newest first) with progress",
            description = "404 PROMO_BATCH_NOT_FOUND for an unknown or deleted batch (its history stays in the events).")
    public PromoBatchDetails details(@PathVariable UUID promoBatchId) {
        return queries.optional(new GetPromoBatchQuery(promoBatchId), PromoBatchDetails.class)
                .orElseThrow(() -> notFound(promoBatchId));
    }

    @GetMapping("/{promoBatchId}/codes")
    @Operation(summary = "Show List: the batch's codes in generation order, with rules in force, remaining usages and use",
            description = "Keyset paging: pass nextCursor back as after, unchanged (null after the last page); limit 1 to "
                    + "50. Order: run 1's codes as generated, then each Clone run's.")
    public PromoCodePage codes(@PathVariable UUID promoBatchId, @RequestParam(required = false) String after,
                               @RequestParam(defaultValue = "" + FindPromoCodesQuery.MAX_LIMIT) int limit) {
        if (limit < 1 || limit > FindPromoCodesQuery.MAX_LIMIT) {
            throw ApiProblemException.badParameter("limit", "must be between 1 and " + FindPromoCodesQuery.MAX_LIMIT);
        }
        String cursor = after == null || after.isEmpty() ? null : after;
        if (cursor != null && !PromoCursor.isValid(cursor)) {
            throw ApiProblemException.badParameter("after", "is not a cursor this list gave (pass nextCursor back)");
        }
        return queries.optional(new FindPromoCodesQuery(promoBatchId, cursor, limit), PromoCodePage.class)
                .orElseThrow(() -> notFound(promoBatchId));
    }

    @GetMapping(value = "/{promoBatchId}/codes.csv", produces = "text/csv")
    @Operation(summary = "Export to CSV: every code of the batch with bound account, remaining usages, redemptions, "
            + "last used and a rules summary, streamed (admins only)")
    public ResponseEntity<StreamingResponseBody> export(@PathVariable UUID promoBatchId) {
        details(promoBatchId); // the 404 before the 200 starts streaming
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"promo-batch-" + promoBatchId + ".csv\"")
                .body(out -> csv.write(promoBatchId, out));
    }

    @GetMapping("/{promoBatchId}/usage")
    @Operation(summary = "A promo batch's usage: codes redeemed, redemptions, reversals, discount given per currency, "
            + "per UTC day")
    public PromoBatchUsage usage(@PathVariable UUID promoBatchId) {
        details(promoBatchId);
        return queries.one(new GetPromoBatchUsageQuery(promoBatchId), PromoBatchUsage.class);
    }

    @GetMapping("/reporting")
    @Operation(summary = "Reporting: promo usage from one UTC day to another by P&L Allocation and Transaction Type",
            description = "from and to are ISO dates (both included, at most 366 days). A redemption counts under "
                    + "its batch's allocation and type, also for a code with rules of its own.")
    public PromoReporting reporting(@RequestParam(required = false) String from,
                                    @RequestParam(required = false) String to) {
        return queries.one(reportingQuery(from, to), PromoReporting.class);
    }

    @GetMapping(value = "/reporting.csv", produces = "text/csv")
    @Operation(summary = "Reporting as CSV, the same rows")
    public ResponseEntity<StreamingResponseBody> reportingCsv(@RequestParam(required = false) String from,
                                                              @RequestParam(required = false) String to) {
        PromoReporting report = queries.one(reportingQuery(from, to), PromoReporting.class);
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"promo-reporting-" + report.from()
                        + "-" + report.to() + ".csv\"")
                .body(out -> PromoCodesCsv.write(report, out));
    }

    private static GetPromoReportingQuery reportingQuery(String from, String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (first.isAfter(last)) {
            throw ApiProblemException.badParameter("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) >= GetPromoReportingQuery.MAX_DAYS) {
            throw ApiProblemException.badParameter("to", "must be at most " + GetPromoReportingQuery.MAX_DAYS
                    + " days after from");
        }
        return new GetPromoReportingQuery(first, last);
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblemException.badParameter(parameter, "is required: an ISO date such as 2026-06-01");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblemException.badParameter(parameter, "must be an ISO date such as 2026-06-01");
        }
    }

    static ApiProblemException notFound(UUID promoBatchId) {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "PROMO_BATCH_NOT_FOUND",
                "No promo batch with id " + promoBatchId + " (or it was deleted).", List.of());
    }
}
