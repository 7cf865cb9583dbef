package io.coupons.command.redemption;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupons.api.batch.BatchId;
import io.coupons.api.campaign.CampaignId;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.code.CouponCode;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.api.promo.PromoBatchId;
import io.coupons.command.code.CouponCodes;
import io.coupons.command.promo.PromoTerms;
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
                   t.uses_per_code, r.rule_id, r.revision, r.terms::text AS terms, %s
            FROM %s
            LEFT JOIN redemption_rule r ON r.rule_id = t.discount_rule_id
            WHERE %s""";
    /** The client's block state, with the code's row when there is one (else nulls). */
    private static final String FOR_CLIENT = """
            SELECT found.*, blocks.*
            FROM (SELECT %s) blocks
            LEFT JOIN (%%s) found ON true""".formatted(LookupThrottle.blockColumns(":accountKey", ":callerKey"));
    /**
     * Codes from the registry of every code, with their campaigns' terms, or their promo batches'
     * (a promo code has no campaign: the campaign join finds nothing and the promo joins find its
     * batch, its run's and its own rules).
     */
    /** A campaign code counts once its campaign's lookup row exists (written in the same transaction). */
    private static final String HAS_TERMS = " AND (c.promo_batch_id IS NOT NULL OR t.campaign_id IS NOT NULL)";
    private static final String CODES = CouponCodes.table("c")
            + " LEFT JOIN redemption_campaign t ON t.campaign_id = c.campaign_id\n" + PromoTerms.lookupJoins();
    private static final String BY_CODE = FOR_CLIENT.formatted(SELECT.formatted("c.code", "c.batch_id",
            PromoTerms.lookupColumns(), CODES, "c.code = :key" + HAS_TERMS));
    private static final String BY_CODES = SELECT.formatted("c.code", "c.batch_id", PromoTerms.lookupColumns(),
            CODES, "c.code = ANY (?)" + HAS_TERMS);
    private static final String BY_TOKEN = FOR_CLIENT.formatted(SELECT.formatted("t.code", "NULL::uuid",
            PromoTerms.nullColumns(), "redemption_campaign t", "t.url_token = :key AND t.type = 'URL_TOKEN'"));

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    /** Parsed terms by rule and revision: a revision is immutable, so the copy never goes stale. */
    private final Map<RuleRevision, DiscountTerms> parsedTerms = new ConcurrentHashMap<>();
    /** Parsed terms of promo batches, which never change after creation. */
    private final Map<UUID, DiscountTerms> promoBatchTerms = new ConcurrentHashMap<>();
    private final PromoTerms promoTerms;

    public RedeemableCodes(JdbcClient jdbc, @Qualifier("axonObjectMapper") ObjectMapper json, PromoTerms promoTerms) {
        this.jdbc = jdbc;
        this.json = json;
        this.promoTerms = promoTerms;
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
        UUID promoBatchId = rs.getObject("promo_batch_id", UUID.class);
        if (promoBatchId != null) {
            return promoCode(rs, new PromoBatchId(promoBatchId));
        }
        UUID batchId = rs.getObject("batch_id", UUID.class);
        int uses = rs.getInt("uses_per_code");
        Integer usesPerCode = rs.wasNull() ? null : uses;
        UUID ruleId = rs.getObject("rule_id", UUID.class);
        DiscountTerms terms = ruleId == null ? null
                : parsedTerms.computeIfAbsent(new RuleRevision(ruleId, rs.getInt("revision")),
                        key -> parse(rs, key));
        // Campaigns have no enabled flag, delete or account binding (promo code batches have).
        return new RedeemableCode(rs.getString("code"), new CampaignId(rs.getObject("campaign_id", UUID.class)),
                batchId == null ? null : new BatchId(batchId), CampaignType.valueOf(rs.getString("type")),
                rs.getBoolean("archived"), instant(rs.getTimestamp("starts_at")),
                instant(rs.getTimestamp("expires_at")), usesPerCode, terms, true, false, null);
    }

    /**
     * A promo code: the rules in force are its own (edited), else its Clone run's, else its batch's
     * (never revised after creation, so parsed once per batch); it works only while the batch and,
     * when it has its own flag, the code itself are enabled.
     */
    private RedeemableCode promoCode(ResultSet rs, PromoBatchId batch) throws SQLException {
        String own = rs.getString("code_terms");
        String run = rs.getString("run_terms");
        DiscountTerms terms = own != null ? promoTerms.parse(own) : run != null ? promoTerms.parse(run)
                : promoBatchTerms.computeIfAbsent(batch.value(), id -> parseBatchTerms(rs));
        boolean codeEnabled = own != null ? rs.getBoolean("code_enabled")
                : rs.getObject("run_enabled") == null || rs.getBoolean("run_enabled");
        UUID runId = rs.getObject("batch_id", UUID.class);
        return new RedeemableCode(rs.getString("code"), null, new BatchId(runId), null, false, null, null, null,
                terms, rs.getBoolean("promo_enabled") && codeEnabled, rs.getBoolean("promo_deleted"),
                rs.getString("account_id"), batch, rs.getBoolean("promo_limited"));
    }

    private DiscountTerms parseBatchTerms(ResultSet rs) {
        try {
            return promoTerms.parse(rs.getString("promo_terms"));
        } catch (SQLException e) {
            throw new IllegalStateException("Terms of a promo batch cannot be read", e);
        }
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
