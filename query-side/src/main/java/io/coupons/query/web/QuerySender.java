package io.coupons.query.web;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends the shared-api queries through Axon's query bus, the same way another Axon service would,
 * and waits a bounded time for the answer.
 */
@Component
public class QuerySender {

    private final QueryGateway gateway;
    private final Duration timeout;

    public QuerySender(QueryGateway gateway, @Value("${coupons.queries.timeout:10s}") Duration timeout) {
        this.gateway = gateway;
        this.timeout = timeout;
    }

    public <R> R one(Object query, Class<R> answer) {
        return await(gateway.query(query, ResponseTypes.instanceOf(answer)).thenApply(r -> r));
    }

    public <R> Optional<R> optional(Object query, Class<R> answer) {
        return await(gateway.query(query, ResponseTypes.optionalInstanceOf(answer)).thenApply(r -> r));
    }

    private <R> R await(CompletableFuture<R> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a query", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Query timed out after " + timeout, e);
        }
    }
}
