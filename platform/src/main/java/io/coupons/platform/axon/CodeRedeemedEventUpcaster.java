package io.coupons.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coupons.api.redemption.CodeRedeemedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link CodeRedeemedEvent} revision 1 to 2: revision 2 adds {@code orderFingerprint}; events
 * recorded before it have none, so it is set to null, which tells the command side to compare the
 * fields a revision-1 event does hold (account and subtotal). Both sides read this event (the
 * {@code Redemption} aggregate, the usage projection), and both get this upcaster from the
 * platform (an {@code EventUpcaster} bean, which Axon's Spring configuration registers, and
 * {@link EventStoreConfig} hands the chain to the storage engine).
 *
 * <p>The payload is edited as bytes with a mapper of its own that keeps decimals exact: Axon's
 * conversion to a {@code JsonNode} reads {@code 12.00} as the double {@code 12.0}, and amounts
 * must come back at the scale they were recorded at.
 */
public class CodeRedeemedEventUpcaster extends SingleEventUpcaster {

    static final SerializedType REVISION_1 = new SimpleSerializedType(CodeRedeemedEvent.class.getName(), "1");
    static final SerializedType REVISION_2 = new SimpleSerializedType(CodeRedeemedEvent.class.getName(), "2");

    private static final ObjectMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return REVISION_1.equals(intermediateRepresentation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation intermediateRepresentation) {
        return intermediateRepresentation.upcastPayload(REVISION_2, byte[].class,
                CodeRedeemedEventUpcaster::addFingerprint);
    }

    private static byte[] addFingerprint(byte[] payload) {
        try {
            ObjectNode event = (ObjectNode) EXACT.readTree(payload);
            event.putNull("orderFingerprint");
            return EXACT.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored CodeRedeemedEvent (revision 1) is not a JSON object", e);
        }
    }
}
