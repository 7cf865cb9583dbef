package io.coupons.command.variantgroup;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.coupons.api.common.CommandAccepted;
import io.coupons.api.variantgroup.DefineVariantGroupCommand;
import io.coupons.api.variantgroup.VariantGroupDefinedEvent;
import io.coupons.api.variantgroup.VariantGroupId;
import io.coupons.command.common.Violations;
import java.util.LinkedHashSet;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/** A named set of variants that rules target. Defining it again replaces its variants. */
@Aggregate
public class VariantGroup {

    static final int MAX_ID_LENGTH = 200;
    /**
     * UTF-8 bytes of all variant ids together at most. 10,000 ids of 200 characters of up to 4
     * bytes would be 8 MB: over Axon Server's 4 MB gRPC message limit for the command and its
     * event, which answered 500. A characters limit cannot bound bytes; this can.
     */
    static final int MAX_TOTAL_BYTES = 1_000_000;

    /** The size rule, asked before dispatch too (a command over the limit cannot even reach Axon Server). */
    static void checkSize(Violations violations, List<String> variantIds) {
        long bytes = 0;
        for (String variant : variantIds) {
            bytes += variant == null ? 0 : variant.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        violations.addIf(bytes > MAX_TOTAL_BYTES, "variantIds", "take " + bytes + " bytes of UTF-8 together; at most "
                + MAX_TOTAL_BYTES + " (about 4,000 ids of 200 non-Latin characters)");
    }

    @AggregateIdentifier
    private VariantGroupId groupId;
    private List<String> variantIds = List.of();

    protected VariantGroup() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public CommandAccepted handle(DefineVariantGroupCommand command) {
        Violations violations = new Violations();
        violations.addIf(command.name() == null || command.name().isBlank(), "name", "is required");
        violations.addIf(command.name() != null && command.name().length() > MAX_ID_LENGTH, "name",
                "is at most " + MAX_ID_LENGTH + " characters");
        violations.addIf(command.variantIds().size() > DefineVariantGroupCommand.MAX_VARIANTS, "variantIds",
                "at most " + DefineVariantGroupCommand.MAX_VARIANTS + " variants");
        for (int i = 0; i < command.variantIds().size() && i < DefineVariantGroupCommand.MAX_VARIANTS; i++) {
            String variant = command.variantIds().get(i);
            violations.addIf(variant == null || variant.isBlank() || variant.length() > MAX_ID_LENGTH,
                    "variantIds[" + i + "]", "must be 1 to " + MAX_ID_LENGTH + " characters");
        }
        checkSize(violations, command.variantIds());
        violations.throwIfAny();
        List<String> distinct = List.copyOf(new LinkedHashSet<>(command.variantIds()));
        if (groupId == null || !distinct.equals(variantIds)) {
            apply(new VariantGroupDefinedEvent(command.groupId(), command.name(), distinct));
        }
        return new CommandAccepted(command.groupId().value(), AggregateLifecycle.getVersion());
    }

    @EventSourcingHandler
    void on(VariantGroupDefinedEvent event) {
        groupId = event.groupId();
        variantIds = event.variantIds();
    }
}
