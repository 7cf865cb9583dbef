package io.coupons.platform.axon;

import static io.coupons.platform.testing.StoredEvents.CODE_REDEEMED_REVISION_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.api.redemption.Discount;
import io.coupons.api.redemption.LineDiscount;
import io.coupons.platform.testing.StoredEvents;
import io.coupons.platform.testing.StoredEvents.ReadBack;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

/** CodeRedeemedEvent as stored at revision 1 (before the order fingerprint) reads back as revision 2. */
class CodeRedeemedEventUpcasterTest {

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(new AxonSerializationConfig().axonObjectMapper()).build();

    @Test
    void readsARevisionOneEventAsRevisionTwoWithoutFingerprint() {
        ReadBack read = StoredEvents.readBack(new EventUpcasterChain(new CodeRedeemedEventUpcaster()), serializer,
                CodeRedeemedEvent.class.getName(), "1", CODE_REDEEMED_REVISION_1);

        assertThat(read.revision()).isEqualTo("2");
        CodeRedeemedEvent event = (CodeRedeemedEvent) read.payload();
        assertThat(event.redemptionId().value()).isEqualTo(UUID.fromString("0b6f3e5c-1d2a-3b4c-8d9e-0f1a2b3c4d5e"));
        assertThat(event.code()).isEqualTo("SUMMER10");
        assertThat(event.orderId()).isEqualTo("order-1");
        assertThat(event.accountId()).isEqualTo("acct-1");
        assertThat(event.redeemedAt()).isEqualTo(Instant.parse("2026-06-15T12:00:00Z"));
        assertThat(event.countedAgainstLimit()).isTrue();
        assertThat(event.subtotal()).isEqualTo(new BigDecimal("120.00")); // scale kept: not read as a double
        assertThat(event.discount()).isEqualTo(new Discount("USD",
                List.of(new LineDiscount(0, "V1", new BigDecimal("12.00"))), new BigDecimal("12.00"), false,
                new BigDecimal("0.00"), new BigDecimal("0.00"), new BigDecimal("12.00"), "Summer"));
        assertThat(event.orderFingerprint()).isNull();
    }

    @Test
    void leavesARevisionTwoEventAsItIs() {
        String revision1 = CODE_REDEEMED_REVISION_1;
        String revision2 = revision1.substring(0, revision1.length() - 1) + ",\"orderFingerprint\":\"ab12\"}";

        ReadBack read = StoredEvents.readBack(new EventUpcasterChain(new CodeRedeemedEventUpcaster()), serializer,
                CodeRedeemedEvent.class.getName(), "2", revision2);

        assertThat(read.revision()).isEqualTo("2");
        assertThat(((CodeRedeemedEvent) read.payload()).orderFingerprint()).isEqualTo("ab12");
    }
}
