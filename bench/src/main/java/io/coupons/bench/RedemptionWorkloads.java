package io.coupons.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The redemption workloads, the same for every contestant (the service over HTTP, the service's
 * command bus in-process, the plain-PostgreSQL baseline): 16 closed-loop clients, every attempt a
 * new order id.
 */
final class RedemptionWorkloads {

    static final int CLIENTS = 16;

    /** One redemption attempt by one contestant; answers {@code accepted} or the rejection reason. */
    interface Redeemer {
        String redeem(int client, String code, String orderId) throws Exception;
    }

    private RedemptionWorkloads() {
    }

    /** Each attempt takes the next unused code of the pool (each has one use), so no two touch one row. */
    static Load.Result distinct(Redeemer redeemer, List<String> codes, Duration warmup, Duration measured,
                                String run) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        return Load.timed(CLIENTS, warmup, measured, (client, sequence) -> {
            int i = next.getAndIncrement();
            return i >= codes.size() ? null : redeemer.redeem(client, codes.get(i), run + "-d-" + i);
        });
    }

    /** Every attempt redeems the same code (with uses to spare), for a new order. */
    static Load.Result hot(Redeemer redeemer, String code, Duration warmup, Duration measured, String run)
            throws InterruptedException {
        return Load.timed(CLIENTS, warmup, measured,
                (client, sequence) -> redeemer.redeem(client, code, run + "-h-" + client + "-" + sequence));
    }

    /** {@code attempts} attempts on a code with fewer uses: exactly its uses must be accepted. */
    static Load.Result exact(Redeemer redeemer, String code, int attempts, String run) throws InterruptedException {
        return Load.fixed(CLIENTS, attempts,
                (client, sequence) -> redeemer.redeem(client, code, run + "-x-" + client + "-" + sequence));
    }
}
