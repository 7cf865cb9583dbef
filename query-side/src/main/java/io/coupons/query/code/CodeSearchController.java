package io.coupons.query.code;

import io.coupons.api.search.CodeDetails;
import io.coupons.api.search.CodePage;
import io.coupons.api.search.FindCodesQuery;
import io.coupons.api.search.GetCodeDetailsQuery;
import io.coupons.platform.web.ApiProblemException;
import io.coupons.query.web.QuerySender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Find Coupon (seed 000) for support staff and auditors: not the throttled checkout path. */
@RestController
@Tag(name = "Find a code")
public class CodeSearchController {

    private final QuerySender queries;

    public CodeSearchController(QuerySender queries) {
        this.queries = queries;
    }

    @GetMapping("/api/codes")
    @Operation(summary = "Find Coupon: codes equal to or starting with the search, in code order, a page at a time",
            description = "Case, surrounding spaces and the dash after a bulk pool's prefix do not matter. "
                    + "\"Load more\" passes back nextCursor unchanged; it is null after the last row. Promo batch "
                    + "codes are found too: their rows name the promo batch and bound account, campaign fields null.")
    public CodePage find(@RequestParam(required = false) String search, @RequestParam(required = false) String cursor,
                         @RequestParam(defaultValue = "" + FindCodesQuery.DEFAULT_SIZE) int size) {
        if (search == null || search.isBlank()) {
            throw ApiProblemException.badParameter("search", "is required: a full code or its beginning");
        }
        SearchText text = new SearchText(CodeParameters.code("search", search));
        if (size < 1 || size > FindCodesQuery.MAX_SIZE) {
            throw ApiProblemException.badParameter("size", "must be between 1 and " + FindCodesQuery.MAX_SIZE);
        }
        if (cursor != null && SearchCursor.lastCode(cursor, text).isEmpty()) {
            throw ApiProblemException.badParameter("cursor",
                    "is not a cursor this search handed out: pass nextCursor back unchanged, with the same search");
        }
        return queries.one(new FindCodesQuery(search, cursor, size), CodePage.class);
    }

    @GetMapping("/api/codes/{code}")
    @Operation(summary = "A code's full details: status, campaign, batch, generated at, rule in force, usage, "
            + "redemptions (used at, used by, order number); for a promo code its batch's rules in force and "
            + "remaining usages (promoCode)")
    public CodeDetails details(@PathVariable String code) {
        String known = CodeParameters.code("code", code);
        return queries.optional(new GetCodeDetailsQuery(known), CodeDetails.class)
                .orElseThrow(() -> CodeParameters.unknownCode(known));
    }
}
