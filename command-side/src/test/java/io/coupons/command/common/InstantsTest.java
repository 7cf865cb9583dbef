package io.coupons.command.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The supported range of instants, at its edges. */
class InstantsTest {

    @Test
    void acceptsFromTheYear2000UpToTheEndOfTheYear9999() {
        assertThat(Instants.supported(null)).isTrue();
        assertThat(Instants.supported(Instant.parse("2000-01-01T00:00:00Z"))).isTrue();
        assertThat(Instants.supported(Instant.parse("9999-12-31T23:59:59.999999999Z"))).isTrue();
    }

    @Test
    void refusesInstantsOutsideTheSupportedRange() {
        assertThat(Instants.supported(Instant.parse("1999-12-31T23:59:59.999999999Z"))).isFalse();
        assertThat(Instants.supported(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
        assertThat(Instants.supported(Instant.MIN)).isFalse();
        assertThat(Instants.supported(Instant.MAX)).isFalse();

        Violations violations = new Violations();
        Instants.check(violations, "startsAt", Instant.MAX);
        assertThat(violations.list()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("startsAt");
            assertThat(v.message()).isEqualTo(
                    "must be from 2000-01-01T00:00:00Z up to (not including) +10000-01-01T00:00:00Z");
        });
    }
}
