package io.coupons.bench.peer;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The peer's schema and codes, created on its fresh database while it starts (before its port
 * opens, so the bench's health probe finds them loaded): a pool of distinct one-use codes, a hot
 * code with uses to spare, the exact-N code and an unlimited code ({@code uses_limit} NULL).
 */
@Component
public class PeerCodes implements InitializingBean {

    public static final String POOL_PREFIX = "PEER-";
    public static final String HOT = "HOT1";
    public static final String EXACT = "EXACT1";
    public static final String UNLIMITED = "UNLIMITED1";

    private final JdbcClient jdbc;
    private final int poolCodes;
    private final int exactUses;

    PeerCodes(JdbcClient jdbc, @Value("${peer.pool-codes}") int poolCodes, @Value("${peer.exact-uses}") int exactUses) {
        this.jdbc = jdbc;
        this.poolCodes = poolCodes;
        this.exactUses = exactUses;
    }

    @Override
    public void afterPropertiesSet() {
        jdbc.sql("""
                CREATE TABLE peer_code (code VARCHAR(64) COLLATE "C" PRIMARY KEY,
                    used INTEGER NOT NULL DEFAULT 0, uses_limit INTEGER)""").update();
        jdbc.sql("""
                CREATE TABLE peer_redemption (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    code VARCHAR(64) COLLATE "C" NOT NULL, order_id VARCHAR(100) NOT NULL, account_id VARCHAR(100),
                    subtotal NUMERIC(19, 2), currency CHAR(3), redeemed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
                    UNIQUE (code, order_id))""").update();
        jdbc.sql("INSERT INTO peer_code (code, uses_limit) SELECT ? || lpad(i::text, 8, '0'), 1 "
                + "FROM generate_series(1, ?) i").params(POOL_PREFIX, poolCodes).update();
        jdbc.sql("INSERT INTO peer_code (code, uses_limit) VALUES (?, 1000000000), (?, ?), (?, NULL)")
                .params(HOT, EXACT, exactUses, UNLIMITED).update();
        jdbc.sql("VACUUM ANALYZE peer_code").update(); // as the baseline does its table: fresh statistics
    }
}
