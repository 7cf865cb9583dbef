package io.coupons.query.variantgroup;

import io.coupons.api.common.AuditMetadata;
import io.coupons.api.variantgroup.VariantGroupDefinedEvent;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * Projects promo variant targeting groups into variant_group_view, for the admin list and the terms
 * form's group suggestions. Each event holds the whole group, so it replaces the row's variants.
 */
@Component
@ProcessingGroup(VariantGroupProjection.PROCESSING_GROUP)
public class VariantGroupProjection {

    public static final String PROCESSING_GROUP = "variant-groups";

    private final VariantGroupRows rows;

    public VariantGroupProjection(VariantGroupRows rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(VariantGroupDefinedEvent event, @Timestamp Instant at, @MetaDataValue(AuditMetadata.USER) String user,
            @SequenceNumber long version) {
        rows.define(event.groupId().value(), event.name(), event.variantIds(), at, user, version);
    }

    @ResetHandler
    void reset() {
        rows.deleteAll();
    }
}
