package io.coupons.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HeadPositionTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger reads = new AtomicInteger();
    private final AtomicLong storeHead = new AtomicLong(41);

    private final HeadPosition head = new HeadPosition(() -> {
        reads.incrementAndGet();
        return storeHead.get();
    }, 250, now::get);

    @Test
    void oneScrapeOfManyGaugesReadsTheStoreOnce() {
        for (int gauge = 0; gauge < 6; gauge++) {
            assertThat(head.get()).isEqualTo(41L);
        }
        assertThat(reads).hasValue(1);
    }

    @Test
    void aLaterScrapeSeesTheNewHead() {
        head.get();
        storeHead.set(99);
        now.addAndGet(249);
        assertThat(head.get()).isEqualTo(41L);
        now.addAndGet(1);
        assertThat(head.get()).isEqualTo(99L);
        assertThat(reads).hasValue(2);
    }

    @Test
    void anEmptyStoreIsRememberedToo() {
        HeadPosition empty = new HeadPosition(() -> {
            reads.incrementAndGet();
            return null;
        }, 250, now::get);
        assertThat(empty.get()).isNull();
        assertThat(empty.get()).isNull();
        assertThat(reads).hasValue(1);
    }
}
