package io.coupons.api.variantgroup;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A variant targeting group now holds exactly these variants (bounded by the command's maximum). */
@Revision("1")
public record VariantGroupDefinedEvent(VariantGroupId groupId, String name, List<String> variantIds) {
}
