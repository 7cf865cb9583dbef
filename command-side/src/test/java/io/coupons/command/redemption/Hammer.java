package io.coupons.command.redemption;

import io.coupons.platform.testing.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Many threads released at once, each sending its requests: the shape of a flash sale. */
final class Hammer {

    private Hammer() {
    }

    /** Runs {@code attempts} requests on {@code threads} threads; answers the responses in attempt order. */
    static List<TestHttp.Response> run(int threads, int attempts, IntFunction<TestHttp.Response> attempt)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<TestHttp.Response>> futures = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                int n = i;
                Callable<TestHttp.Response> task = () -> {
                    start.await();
                    return attempt.apply(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<TestHttp.Response> responses = new ArrayList<>();
            for (Future<TestHttp.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    static long count(List<TestHttp.Response> responses, int status) {
        return responses.stream().filter(r -> r.status() == status).count();
    }

    static long countReason(List<TestHttp.Response> responses, String reason) {
        return responses.stream().filter(r -> r.status() >= 400 && reason.equals(Shop.reason(r))).count();
    }
}
