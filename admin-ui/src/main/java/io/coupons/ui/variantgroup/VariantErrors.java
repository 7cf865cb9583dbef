package io.coupons.ui.variantgroup;

import io.coupons.ui.app.ApiRefusal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API names a bad variant by its place in the list sent ({@code variantIds[3]}); next to the
 * textarea the admin needs to see which one that was, so each error carries the variant as sent.
 *
 * @param field   the API's field name, e.g. {@code variantIds[3]}
 * @param variant what was sent at that place (null if the index is not one the form sent)
 */
public record VariantErrors(String field, int position, String variant, String message) {

    private static final Pattern INDEXED = Pattern.compile("variantIds\\[(\\d+)]");

    static List<VariantErrors> of(ApiRefusal refusal, List<String> sent) {
        List<VariantErrors> errors = new ArrayList<>();
        refusal.fieldErrors().forEach((field, message) -> {
            Matcher indexed = INDEXED.matcher(field);
            if (indexed.matches()) {
                int index = Integer.parseInt(indexed.group(1));
                errors.add(new VariantErrors(field, index + 1, index < sent.size() ? sent.get(index) : null, message));
            }
        });
        errors.sort(java.util.Comparator.comparingInt(VariantErrors::position));
        return errors;
    }
}
