package io.coupons.bench.peer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Redemption as a CRUD service writes it: one transaction records the redemption (unique per code
 * and order) and counts the use with a guarded update. 201 redeemed, 200 a repeated order, 422
 * {@code {"code": "EXHAUSTED"}} or {@code UNKNOWN_CODE}: what the bench's HTTP checkout maps.
 */
@RestController
class RedeemController {

    /** The body our checkout sends to our service, parsed in full as ours parses it. */
    record RedeemRequest(String code, Order order) {
    }

    record Order(String orderId, String accountId, BigDecimal subtotal, String currency, List<Line> lines) {
    }

    record Line(String variantId, int quantity, BigDecimal unitPrice) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    RedeemController(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /**
     * The redemption row first: a repeat is answered before the limit is looked at (a repeated order
     * takes no second use, even of a code used up since), and the code's row lock is then held only
     * from the update to the commit. A refused use rolls the row back with it.
     */
    @PostMapping("/redeem")
    ResponseEntity<Map<String, Object>> redeem(@RequestBody RedeemRequest request) {
        return transaction.execute(status -> {
            Optional<Long> id = jdbc.sql("""
                    INSERT INTO peer_redemption (code, order_id, account_id, subtotal, currency) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (code, order_id) DO NOTHING RETURNING id""")
                    .params(request.code(), request.order().orderId(), request.order().accountId(),
                            request.order().subtotal(), request.order().currency())
                    .query(Long.class).optional();
            if (id.isEmpty()) {
                return ResponseEntity.ok(Map.of("repeated", true));
            }
            int counted = jdbc.sql("UPDATE peer_code SET used = used + 1 "
                    + "WHERE code = ? AND (uses_limit IS NULL OR used < uses_limit)").param(request.code()).update();
            if (counted == 1) {
                return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id.get()));
            }
            status.setRollbackOnly();
            boolean known = jdbc.sql("SELECT count(*) FROM peer_code WHERE code = ?").param(request.code())
                    .query(Long.class).single() > 0;
            return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT)
                    .body(Map.of("code", known ? "EXHAUSTED" : "UNKNOWN_CODE"));
        });
    }

    /** The HTTP floor: the same authenticated request and JSON parsing, no database. */
    @PostMapping("/floor")
    Map<String, Object> floor(@RequestBody RedeemRequest request) {
        return Map.of();
    }
}
