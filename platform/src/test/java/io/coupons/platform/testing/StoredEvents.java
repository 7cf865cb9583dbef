package io.coupons.platform.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;

/**
 * Reads an event back as the event store would: its stored JSON and revision through an upcaster
 * chain, then the serializer. For upcaster tests, with a payload written as an older version stored it.
 */
public final class StoredEvents {

    /**
     * A {@code CodeRedeemedEvent} as the command side stored it at revision 1, before the order
     * fingerprint (the shape of its payload column then).
     */
    public static final String CODE_REDEEMED_REVISION_1 = """
            {"redemptionId":{"value":"0b6f3e5c-1d2a-3b4c-8d9e-0f1a2b3c4d5e"},"code":"SUMMER10",\
            "campaignId":{"value":"6f1c2a0e-3b7d-4e55-9a1f-2c8d7e4b9a10"},"batchId":null,"orderId":"order-1",\
            "accountId":"acct-1","redeemedAt":"2026-06-15T12:00:00Z","viaUrlToken":false,\
            "countedAgainstLimit":true,"heldAccountUse":false,"subtotal":120.00,\
            "discount":{"currency":"USD","lines":[{"line":0,"variantId":"V1","amount":12.00}],"linesTotal":12.00,\
            "freeShipping":false,"shippingDiscount":0.00,"credit":0.00,"total":12.00,"displayMessage":"Summer"}}""";

    private StoredEvents() {
    }

    /** The event as read back, and the revision it was read as. */
    public record ReadBack(String revision, Object payload) {
    }

    public static ReadBack readBack(EventUpcaster upcasters, Serializer serializer, String payloadType,
                                    String revision, String payloadJson) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Aggregate", UUID.randomUUID().toString(),
                0, UUID.randomUUID().toString(), Instant.parse("2026-06-15T12:00:00Z"), payloadType, revision,
                payloadJson.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcast =
                upcasters.upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        if (upcast.size() != 1) {
            throw new AssertionError("expected one event after upcasting, got " + upcast.size());
        }
        IntermediateEventRepresentation event = upcast.get(0);
        return new ReadBack(event.getType().getRevision(), serializer.deserialize(event.getData()));
    }
}
