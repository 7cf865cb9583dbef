package io.coupons.query.variantgroup;

import io.coupons.api.variantgroup.FindVariantGroupsQuery;
import io.coupons.api.variantgroup.GetVariantGroupQuery;
import io.coupons.api.variantgroup.VariantGroupPage;
import io.coupons.api.variantgroup.VariantGroupView;
import io.coupons.platform.web.ApiProblemException;
import io.coupons.query.web.PagingParameters;
import io.coupons.query.web.QuerySender;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/variant-groups")
@Tag(name = "Variant targeting groups")
public class VariantGroupController {

    private final QuerySender queries;

    public VariantGroupController(QuerySender queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "List promo variant targeting groups in name order, searchable by name",
            description = "Each group with its variant count (its variants are in the details): q is a part of the "
                    + "name in any case (shoes finds Summer Shoes). Name order is ordinal: upper case before lower "
                    + "case.")
    public VariantGroupPage list(@RequestParam(required = false) String q,
                                 @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "" + PagingParameters.DEFAULT_SIZE) int size) {
        return queries.one(new FindVariantGroupsQuery(PagingParameters.text("q", q), PagingParameters.of(page, size)),
                VariantGroupPage.class);
    }

    @GetMapping("/{variantGroupId}")
    @Operation(summary = "One promo variant targeting group with its variants",
            description = "404 until its definition is projected. The id is derived from the name; the command "
                    + "side's answer carries it.")
    public VariantGroupView get(@PathVariable UUID variantGroupId) {
        return queries.optional(new GetVariantGroupQuery(variantGroupId), VariantGroupView.class)
                .orElseThrow(() -> ApiProblemException.notFound("variant group", variantGroupId));
    }
}
