package io.coupons.command.redemption;

import io.coupons.platform.testing.TestHttp;
import java.util.List;

/** Counts the answers of a burst of redemptions (the burst itself: {@code Concurrently.run}). */
final class Hammer {

    private Hammer() {
    }

    static long count(List<TestHttp.Response> responses, int status) {
        return responses.stream().filter(r -> r.status() == status).count();
    }

    static long countReason(List<TestHttp.Response> responses, String reason) {
        return responses.stream().filter(r -> r.status() >= 400 && reason.equals(Shop.reason(r))).count();
    }
}
