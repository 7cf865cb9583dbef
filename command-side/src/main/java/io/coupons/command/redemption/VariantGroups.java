package io.coupons.command.redemption;

import io.coupons.api.variantgroup.VariantGroupDefinedEvent;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Variant targeting group members, kept in the defining command's transaction (subscribing, like
 * {@link RedemptionTermsProjection}). A redemption asks only about the variants on its order, so a
 * large group is never loaded.
 */
@Component
@ProcessingGroup(RedemptionTermsProjection.GROUP)
public class VariantGroups {

    private final JdbcClient jdbc;

    public VariantGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(VariantGroupDefinedEvent event) {
        jdbc.sql("DELETE FROM variant_group_member WHERE group_name = ?").param(event.name()).update();
        jdbc.sql("INSERT INTO variant_group_member (group_name, variant_id) SELECT ?, unnest(?::text[])")
                .params(event.name(), event.variantIds().toArray(String[]::new))
                .update();
    }

    /** The variants among {@code variants} that belong to the group (none when the group is unknown). */
    public Set<String> membersAmong(String group, Collection<String> variants) {
        return new HashSet<>(jdbc.sql("""
                        SELECT variant_id FROM variant_group_member WHERE group_name = ? AND variant_id = ANY (?)""")
                .params(group, variants.toArray(String[]::new))
                .query(String.class).list());
    }
}
