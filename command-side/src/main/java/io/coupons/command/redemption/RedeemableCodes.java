package io.coupons.command.redemption;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.code.CouponCode;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.command.code.CouponCodes;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds a code (or a URL token) with its campaign and rule in one indexed query. Codes are looked up
 * by primary key only, so an unknown code costs the same whether or not its prefix exists. The same
 * statement reads whether the client looking is blocked ({@link LookupThrottle#blockColumns}): one
 * row always, so every instance sees a block on the client's first request without a second round
 * trip.
 */
@Component
public class RedeemableCodes {

    private static final String SELECT = """
            SELECT %s AS code, t.campaign_id, %s AS batch_id, t.type, t.archived, t.starts_at, t.expires_at,
                   t.uses_per_code, r.rule_id, r.revision, r.terms::text AS terms
            FROM %s
            LEFT JOIN redemption_rule r ON r.rule_id = t.discount_rule_id
            WHERE %s""";
    /** The client's block state, with the code's row when there is one (else nulls). */
    private static final String FOR_CLIENT = """
            SELECT found.*, blocks.*
            FROM (SELECT %s) blocks
            LEFT JOIN (%%s) found ON true""".formatted(LookupThrottle.blockColumns(":accountKey", ":callerKey"));
    /** Codes from the registry of every code, with their campaigns' terms. */
    private static final String CODES = CouponCodes.table("c")
            + " JOIN redemption_campaign t ON t.campaign_id = c.campaign_id";
    private static final String BY_CODE = FOR_CLIENT.formatted(SELECT.formatted("c.code", "c.batch_id", CODES,
            "c.code = :key"));
    private static final String BY_CODES = SELECT.formatted("c.code", "c.batch_id", CODES, "c.code = ANY (?)");
    private static final String BY_TOKEN = FOR_CLIENT.formatted(SELECT.formatted("t.code", "NULL::uuid",
            "redemption_campaign t", "t.url_token = :key AND t.type = 'URL_TOKEN'"));

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    /** Parsed terms by rule and revision: a revision is immutable, so the copy never goes stale. */
    private final Map<RuleRevision, DiscountTerms> parsedTerms = new ConcurrentHashMap<>();

    public RedeemableCodes(JdbcClient jdbc, @Qualifier("axonObjectMapper") ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A code looked up for a client: the code, if it exists, and the client's blocks, read together. */
    public record Lookup(Optional<RedeemableCode> code, LookupThrottle.Blocks blocks) {
    }

    public Lookup byCode(CouponCode code, LookupClient client) {
        return lookUp(BY_CODE, code.value(), client);
    }

    public Lookup byUrlToken(String token, LookupClient client) {
        return lookUp(BY_TOKEN, token, client);
    }

    private Lookup lookUp(String statement, String key, LookupClient client) {
        return jdbc.sql(statement).param("key", key).param("accountKey", client.accountKey())
                .param("callerKey", client.callerKey())
                .query((rs, row) -> new Lookup(rs.getString("code") == null ? Optional.empty()
                        : Optional.of(map(rs, row)), LookupThrottle.blocks(rs)))
                .single();
    }

    /** The codes among {@code codes} that exist; unknown ones are simply not in the answer. */
    public List<RedeemableCode> byCodes(Collection<String> codes) {
        return jdbc.sql(BY_CODES).param(codes.toArray(String[]::new)).query(this::map).list();
    }

    private RedeemableCode map(ResultSet rs, int row) throws SQLException {
        UUID batchId = rs.getObject("batch_id", UUID.class);
        int uses = rs.getInt("uses_per_code");
        Integer usesPerCode = rs.wasNull() ? null : uses;
        UUID ruleId = rs.getObject("rule_id", UUID.class);
        DiscountTerms terms = ruleId == null ? null
                : parsedTerms.computeIfAbsent(new RuleRevision(ruleId, rs.getInt("revision")),
                        key -> parse(rs, key));
        // Campaigns have no enabled flag, delete or account binding (promo code batches will).
        return new RedeemableCode(rs.getString("code"), new CampaignId(rs.getObject("campaign_id", UUID.class)),
                batchId == null ? null : new BatchId(batchId), CampaignType.valueOf(rs.getString("type")),
                rs.getBoolean("archived"), instant(rs.getTimestamp("starts_at")),
                instant(rs.getTimestamp("expires_at")), usesPerCode, terms, true, false, null);
    }

    private DiscountTerms parse(ResultSet rs, RuleRevision key) {
        try {
            return json.readValue(rs.getString("terms"), DiscountTerms.class);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Terms of discount rule " + key.ruleId() + " cannot be read", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record RuleRevision(UUID ruleId, int revision) {
    }
}
