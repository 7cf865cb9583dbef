package io.coupons.platform.testing;

import static io.coupons.platform.testing.StoredEvents.CODE_REDEEMED_REVISION_1;
import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.redemption.CodeRedeemedEvent;
import io.coupons.platform.testing.StoredEvents.ReadBack;
import java.math.BigDecimal;
import org.axonframework.config.Configuration;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Both sides read stored events through the platform's upcasters: each side's test extends this
 * with its own Spring test annotation, so the check runs on each side's real configuration.
 */
public abstract class StoredEventUpcastingCheck {

    @Autowired
    Configuration axon;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void readsARevisionOneCodeRedeemedEventAsRevisionTwo() {
        ReadBack read = StoredEvents.readBack(axon.upcasterChain(), eventSerializer,
                CodeRedeemedEvent.class.getName(), "1", CODE_REDEEMED_REVISION_1);

        assertThat(read.revision()).isEqualTo("2");
        CodeRedeemedEvent event = (CodeRedeemedEvent) read.payload();
        assertThat(event.orderFingerprint()).isNull();
        assertThat(event.subtotal()).isEqualTo(new BigDecimal("120.00"));
    }
}
