package io.coupons.api.variantgroup;

import io.coupons.api.common.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * Variant groups in name order, for the admin list and the terms form's Promo Variant Targeting
 * Group suggestions. Answers {@link VariantGroupPage}.
 *
 * @param nameContains a part of the name, <b>case-insensitive</b> ({@code shoes} finds
 *                     {@code Summer Shoes}); null: every group
 */
public record FindVariantGroupsQuery(@Nullable String nameContains, PageRequest page) {
}
