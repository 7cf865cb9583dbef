package io.coupons.query.code;

import io.coupons.platform.persistence.CodeCopy;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The code_view table: one row per code, generated, a campaign's own code, or a promo batch's code
 * (campaign_id null, promo_batch_id set; batch_id and batch_number are then the promo generation
 * run). Written only here, from {@link CodesProjection}; Find Coupon ({@link CodeTable}) reads it
 * with the campaign and usage tables, and the other features ask this class: downloads for a batch's
 * rows, usage tracking for a code's campaign and batch, promo batches for their codes.
 */
@Component
public class CodeRows {

    private static final DateTimeFormatter COPY_TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSXXX")
            .withZone(ZoneOffset.UTC);

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    public CodeRows(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Adds a chunk's codes with COPY, PostgreSQL's fast path: codes are unique by construction, so
     * it only fails if the chunk is already there (a replay); then, back at a savepoint, the slower
     * insert that skips existing codes does it. Runs in the projection's transaction.
     */
    void insert(List<String> codes, UUID campaignId, UUID batchId, int batchNumber, Instant generatedAt) {
        String rowTail = "\t" + campaignId + "\t" + batchId + "\t" + batchNumber + "\t"
                + COPY_TIMESTAMP.format(generatedAt) + "\n";
        if (!CodeCopy.copyUnlessAnyExists(dataSource,
                "COPY code_view (code, campaign_id, batch_id, batch_number, generated_at) FROM STDIN", codes, rowTail)) {
            insertSkippingExisting(codes, campaignId, batchId, batchNumber, generatedAt);
        }
    }

    private void insertSkippingExisting(List<String> codes, UUID campaignId, UUID batchId, int batchNumber,
                                        Instant generatedAt) {
        jdbc.sql("""
                        INSERT INTO code_view (code, campaign_id, batch_id, batch_number, generated_at)
                        SELECT code, ?, ?, ?, ? FROM unnest(?::varchar[]) AS code
                        ON CONFLICT (code) DO NOTHING""")
                .params(campaignId, batchId, batchNumber, Timestamp.from(generatedAt), codes.toArray(String[]::new))
                .update();
    }

    /**
     * Adds a promo chunk's codes with COPY, each with its bound account (segment runs) and its
     * position in the batch ({@link #promoPosition}). A chunk delivered again adds nothing: the
     * COPY fails on the first code and the insert that follows skips the existing ones.
     */
    void insertPromo(List<String> codes, List<String> accountIds, UUID promoBatchId, UUID runId, int runNumber,
                     int chunk, Instant generatedAt) {
        String tail = "\t" + promoBatchId + "\t" + runId + "\t" + runNumber + "\t" + COPY_TIMESTAMP.format(generatedAt);
        List<String> rows = new ArrayList<>(codes.size());
        Long[] positions = new Long[codes.size()];
        for (int i = 0; i < codes.size(); i++) {
            positions[i] = promoPosition(runNumber, chunk, i);
            String account = accountIds == null ? null : accountIds.get(i);
            rows.add(CodeCopy.escape(codes.get(i)) + tail + "\t" + positions[i] + "\t"
                    + (account == null ? "\\N" : CodeCopy.escape(account)));
        }
        if (CodeCopy.copyRowsUnlessAnyExists(dataSource, "COPY code_view (code, promo_batch_id, batch_id, batch_number, "
                + "generated_at, promo_position, account_id) FROM STDIN", rows)) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO code_view (code, account_id, promo_position, promo_batch_id, batch_id, batch_number,
                                               generated_at)
                        SELECT code, account, position, ?, ?, ?, ?
                        FROM unnest(?::varchar[], ?::varchar[], ?::bigint[]) AS c (code, account, position)
                        ON CONFLICT (code) DO NOTHING""")
                .params(promoBatchId, runId, runNumber, Timestamp.from(generatedAt), codes.toArray(String[]::new),
                        accountIds == null ? new String[codes.size()] : accountIds.toArray(String[]::new), positions)
                .update();
    }

    /**
     * Where a promo code stands in its batch's Show List: run, then chunk, then place in the chunk
     * (19, 20 and 24 bits), so the order is the order of generation and never changes on replay.
     */
    static long promoPosition(int runNumber, int chunk, int index) {
        return ((long) runNumber << 44) | ((long) chunk << 24) | index;
    }

    /**
     * A single-code or URL-token campaign's code. The code may have belonged to another campaign
     * before (a single code changed away frees it): the newer claim wins, whatever order the two
     * campaigns' events are projected in (they may be in different segments).
     */
    void claimCampaignCode(String code, UUID campaignId, Instant at) {
        jdbc.sql("""
                        INSERT INTO code_view AS c (code, campaign_id, generated_at) VALUES (?, ?, ?)
                        ON CONFLICT (code) DO UPDATE SET campaign_id = excluded.campaign_id, batch_id = NULL,
                               batch_number = NULL, generated_at = excluded.generated_at, deleted_at = NULL
                        WHERE coalesce(c.deleted_at, c.generated_at) <= excluded.generated_at""")
                .params(code, campaignId, Timestamp.from(at)).update();
    }

    /** The campaign's code changed: the old one stays findable, deleted, unless claimed again since. */
    void deleteCampaignCode(String code, UUID campaignId, Instant at) {
        jdbc.sql("UPDATE code_view SET deleted_at = ? WHERE code = ? AND campaign_id = ? AND generated_at <= ?")
                .params(Timestamp.from(at), code, campaignId, Timestamp.from(at)).update();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE code_view").update();
    }

    /**
     * Which campaign has the code, and its batch when generated (a code changed away: still its old
     * campaign's). A promo code has no campaign: {@code promoBatchId} instead.
     */
    public record Origin(UUID campaignId, UUID batchId, UUID promoBatchId) {
    }

    public Optional<Origin> origin(String code) {
        return jdbc.sql("SELECT campaign_id, batch_id, promo_batch_id FROM code_view WHERE code = ?").param(code)
                .query((row, i) -> new Origin(row.getObject("campaign_id", UUID.class),
                        row.getObject("batch_id", UUID.class), row.getObject("promo_batch_id", UUID.class)))
                .optional();
    }

    /**
     * A promo batch's code as stored here: which run made it, the account it is bound to, and its
     * place in the batch's Show List.
     */
    public record PromoCode(String code, UUID promoBatchId, int runNumber, String accountId, long position) {
    }

    /**
     * Up to {@code limit} codes of a promo batch after position {@code after} (-1: from the first),
     * in generation order (the partial index).
     */
    public List<PromoCode> promoCodes(UUID promoBatchId, long after, int limit) {
        return jdbc.sql("""
                        SELECT code, promo_batch_id, batch_number, account_id, promo_position FROM code_view
                        WHERE promo_batch_id = ? AND promo_position > ? ORDER BY promo_position LIMIT ?""")
                .params(promoBatchId, after, limit).query(CodeRows::promoCode).list();
    }

    /** The promo codes among {@code codes}, in code order. */
    public List<PromoCode> promoCodes(List<String> codes) {
        return jdbc.sql("""
                        SELECT code, promo_batch_id, batch_number, account_id, promo_position FROM code_view
                        WHERE code = ANY (?::varchar[]) AND promo_batch_id IS NOT NULL ORDER BY code""")
                .param(codes.toArray(String[]::new)).query(CodeRows::promoCode).list();
    }

    private static PromoCode promoCode(java.sql.ResultSet row, int i) throws java.sql.SQLException {
        return new PromoCode(row.getString("code"), row.getObject("promo_batch_id", UUID.class),
                row.getInt("batch_number"), row.getString("account_id"), row.getLong("promo_position"));
    }

    /** A code as a download row: code, batch number, usage count. */
    public record ExportRow(String code, int batchNumber, long redemptions) {
    }

    /**
     * Streams a batch's codes from a cursor: every code of the batch lies in the primary-key range
     * of its prefix ({@code PREFIX-...}, and '.' follows '-' in "C" order). No ORDER BY: in
     * generation order PostgreSQL reads the heap sequentially (a bitmap scan) instead of jumping to
     * each row from the index, about twice as fast for a million codes. The usage count comes from
     * usage tracking, which holds only codes ever redeemed: PostgreSQL hashes those of the prefix
     * range once and streams the codes past it (EXPLAIN on 2 million codes, 50,000 of them used).
     * Its rows are per code and campaign: only this campaign's uses of the code count. Run inside
     * a transaction.
     */
    public void forEachOfBatch(UUID batchId, String prefix, boolean withInfo, Consumer<ExportRow> consumer) {
        if (!withInfo) {
            jdbc.sql("SELECT code FROM code_view WHERE code >= ? AND code < ? AND batch_id = ?")
                    .params(prefix + "-", prefix + ".", batchId).withFetchSize(10_000)
                    .query((RowCallbackHandler) row -> consumer.accept(new ExportRow(row.getString(1), 0, 0)));
            return;
        }
        jdbc.sql("""
                        SELECT c.code, c.batch_number, coalesce(u.recorded - u.reversals, 0)
                        FROM code_view c LEFT JOIN code_usage_view u
                             ON u.code = c.code AND u.campaign_id = c.campaign_id
                                AND u.code >= :from AND u.code < :to
                        WHERE c.code >= :from AND c.code < :to AND c.batch_id = :batch""")
                .param("from", prefix + "-").param("to", prefix + ".").param("batch", batchId)
                .withFetchSize(10_000)
                .query((RowCallbackHandler) row -> consumer.accept(new ExportRow(row.getString(1), row.getInt(2),
                        row.getLong(3))));
    }

    /**
     * Redemptions in force of a campaign's own code (a single-code or URL-token campaign's row in the
     * Full Export): only this campaign's, since a code changed away may be another campaign's later.
     */
    public long usageCount(String code, UUID campaignId) {
        return jdbc.sql("""
                        SELECT coalesce((SELECT recorded - reversals FROM code_usage_view
                                         WHERE code = ? AND campaign_id = ?), 0)""")
                .params(code, campaignId).query(Long.class).single();
    }
}
