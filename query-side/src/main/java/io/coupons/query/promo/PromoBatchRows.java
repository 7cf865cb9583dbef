package io.coupons.query.promo;

import io.coupons.api.batch.GenerationBatchState;
import io.coupons.api.common.PageRequest;
import io.coupons.api.promo.GenerationMethod;
import io.coupons.api.promo.PromoBatchPage;
import io.coupons.api.promo.PromoBatchView;
import io.coupons.api.promo.PromoRunKind;
import io.coupons.api.promo.PromoRunView;
import io.coupons.api.rule.DiscountTerms;
import io.coupons.query.sql.Like;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Owner of promo_batch_view and promo_run_view. Rules: a batch row moves forward only by the
 * version of its aggregate events; a run's progress only grows; the batch's requested, generated
 * and state are recomputed from its runs whenever one moves, so they never disagree with the
 * history. A deleted batch keeps its rows (Find Coupon explains its codes) but is not listed.
 */
@Component
public class PromoBatchRows {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public PromoBatchRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A batch as the code views need it, deleted ones included. */
    record Batch(PromoBatchView view, boolean deleted) {
    }

    /** What each code of a clone run gets as its own override (terms null: the batch's). */
    record RunOverride(UUID promoBatchId, String terms, boolean enabled, long version) {
    }

    void create(PromoBatchView batch, UUID runId, long quantity) {
        jdbc.sql("""
                        INSERT INTO promo_batch_view (id, name, method, segment_id, segment_name, segment_revision,
                                                      created_at, created_by, enabled, code_length, terms,
                                                      inventory_enabled, allowance, set_number, version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, 0, ?) ON CONFLICT (id) DO NOTHING""")
                .params(batch.id(), batch.name(), batch.method().name(), batch.segmentId(), batch.segmentName(),
                        batch.segmentRevision(), Timestamp.from(batch.createdAt()), batch.createdBy(), batch.enabled(),
                        batch.codeLength(), json.writeValueAsString(batch.terms()), batch.inventoryEnabled(),
                        batch.allowance(), batch.version())
                .update();
        insertRun(batch.id(), runId, 1, PromoRunKind.GENERATE, null, quantity, batch.codeLength(), batch.createdBy(),
                batch.createdAt(), null, true, null);
        refresh(batch.id());
    }

    void cloneRequested(UUID batchId, UUID runId, int runNumber, String sourceCode, long quantity, int codeLength,
                        DiscountTerms overrideTerms, boolean enabled, String user, Instant at, long version) {
        boolean overrides = overrideTerms != null || !enabled;
        insertRun(batchId, runId, runNumber, PromoRunKind.CLONE, sourceCode, quantity, codeLength, user, at,
                overrideTerms == null ? null : json.writeValueAsString(overrideTerms), enabled,
                overrides ? version : null);
        touch(batchId, version);
        refresh(batchId);
    }

    private void insertRun(UUID batchId, UUID runId, int runNumber, PromoRunKind kind, String sourceCode,
                           long quantity, int codeLength, String user, Instant at, String overrideTerms,
                           boolean overrideEnabled, Long overrideVersion) {
        jdbc.sql("""
                        INSERT INTO promo_run_view (run_id, batch_id, run_number, kind, source_code, quantity, code_length,
                                                    state, requested_by, requested_at, override_terms,
                                                    override_enabled, override_version)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?::jsonb, ?, ?) ON CONFLICT (run_id) DO NOTHING""")
                .params(runId, batchId, runNumber, kind.name(), sourceCode, quantity, codeLength, user,
                        Timestamp.from(at), overrideTerms, overrideVersion == null ? null : overrideEnabled,
                        overrideVersion)
                .update();
    }

    /** Progress only moves forward, so a chunk delivered again changes nothing. */
    void progress(UUID batchId, UUID runId, long generated) {
        jdbc.sql("""
                        UPDATE promo_run_view SET generated = GREATEST(generated, ?),
                               state = CASE WHEN state = 'REQUESTED' THEN 'RUNNING' ELSE state END
                        WHERE run_id = ?""")
                .params(generated, runId).update();
        refresh(batchId);
    }

    void finish(UUID batchId, UUID runId, GenerationBatchState state, long generated, Instant at, String reason) {
        jdbc.sql("""
                        UPDATE promo_run_view SET state = ?, generated = GREATEST(generated, ?), completed_at = ?,
                               failure_reason = ?
                        WHERE run_id = ?""")
                .params(state.name(), generated, Timestamp.from(at), reason, runId).update();
        refresh(batchId);
    }

    /**
     * The batch's sums and state from its runs: RUNNING while a run is unfinished (REQUESTED while
     * none has started), else FAILED if a run failed, else COMPLETED.
     */
    private void refresh(UUID batchId) {
        jdbc.sql("""
                        UPDATE promo_batch_view b SET requested = r.requested, generated = r.generated,
                               state = CASE WHEN r.none_started THEN 'REQUESTED' WHEN r.unfinished THEN 'RUNNING'
                                            WHEN r.failed THEN 'FAILED' ELSE 'COMPLETED' END
                        FROM (SELECT sum(quantity) AS requested, sum(generated) AS generated,
                                     bool_and(state = 'REQUESTED') AS none_started,
                                     bool_or(state IN ('REQUESTED', 'RUNNING')) AS unfinished,
                                     bool_or(state = 'FAILED') AS failed
                              FROM promo_run_view WHERE batch_id = :id) r
                        WHERE b.id = :id AND r.requested IS NOT NULL""")
                .param("id", batchId).update();
    }

    Optional<RunOverride> overrideOf(UUID runId) {
        return jdbc.sql("""
                        SELECT batch_id, override_terms, override_enabled, override_version FROM promo_run_view
                        WHERE run_id = ? AND override_version IS NOT NULL""")
                .param(runId)
                .query((row, i) -> new RunOverride(row.getObject("batch_id", UUID.class),
                        row.getString("override_terms"), row.getBoolean("override_enabled"),
                        row.getLong("override_version")))
                .optional();
    }

    void enable(UUID batchId, boolean enabled, long version) {
        jdbc.sql("UPDATE promo_batch_view SET enabled = ?, version = ? WHERE id = ? AND version < ?")
                .params(enabled, version, batchId, version).update();
    }

    /** One row whatever the batch's size: every code's remaining usages follow from allowance and Set. */
    void modifyInventory(UUID batchId, long allowance, int setNumber, long version) {
        jdbc.sql("""
                        UPDATE promo_batch_view SET inventory_enabled = true, allowance = ?, set_number = ?, version = ?
                        WHERE id = ? AND version < ?""")
                .params(allowance, setNumber, version, batchId, version).update();
    }

    void delete(UUID batchId, long version) {
        jdbc.sql("UPDATE promo_batch_view SET deleted = true, version = ? WHERE id = ? AND version < ?")
                .params(version, batchId, version).update();
    }

    /** An event that changes nothing here (a code's edit, a clone) still moves the batch's version. */
    void touch(UUID batchId, long version) {
        jdbc.sql("UPDATE promo_batch_view SET version = ? WHERE id = ? AND version < ?")
                .params(version, batchId, version).update();
    }

    void deleteAll() {
        jdbc.sql("TRUNCATE promo_batch_view, promo_run_view").update();
    }

    /** A batch that is not deleted. */
    Optional<PromoBatchView> find(UUID id) {
        return jdbc.sql("SELECT * FROM promo_batch_view WHERE id = ? AND NOT deleted").param(id).query(this::view)
                .optional();
    }

    /** Deleted ones included: Find Coupon shows their codes as DELETED. */
    Map<UUID, Batch> batches(Collection<UUID> ids) {
        return jdbc.sql("SELECT * FROM promo_batch_view WHERE id = ANY (?::uuid[])")
                .param(ids.stream().map(UUID::toString).toArray(String[]::new))
                .query((row, i) -> new Batch(view(row, i), row.getBoolean("deleted"))).list().stream()
                .collect(Collectors.toMap(batch -> batch.view().id(), Function.identity()));
    }

    /** Newest first. */
    List<PromoRunView> runs(UUID batchId) {
        return jdbc.sql("SELECT * FROM promo_run_view WHERE batch_id = ? ORDER BY run_number DESC").param(batchId)
                .query(PromoBatchRows::run).list();
    }

    /**
     * Newest first; both filters case-sensitive substrings (LIKE on "C" columns, wildcards escaped,
     * served by the trigram indexes: their trigrams are case-folded, the recheck keeps the exact case).
     */
    PromoBatchPage find(String nameContains, String segmentContains, PageRequest page) {
        String where = " " + """
                WHERE NOT deleted
                   AND (CAST(:name AS text) IS NULL OR name LIKE '%' || CAST(:name AS text) || '%' ESCAPE '\\')
                   AND (CAST(:segment AS text) IS NULL
                        OR segment_name LIKE '%' || CAST(:segment AS text) || '%' ESCAPE '\\')""";
        String name = nameContains == null ? null : Like.escape(nameContains);
        String segment = segmentContains == null ? null : Like.escape(segmentContains);
        long total = jdbc.sql("SELECT count(*) FROM promo_batch_view" + where).param("name", name)
                .param("segment", segment).query(Long.class).single();
        List<PromoBatchView> items = jdbc.sql("SELECT * FROM promo_batch_view" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("name", name).param("segment", segment).param("limit", page.size())
                .param("offset", page.offset()).query(this::view).list();
        return new PromoBatchPage(items, total, page.page(), page.size());
    }

    private PromoBatchView view(ResultSet row, int rowNum) throws SQLException {
        return new PromoBatchView(row.getObject("id", UUID.class), row.getString("name"),
                GenerationMethod.valueOf(row.getString("method")), row.getObject("segment_id", UUID.class),
                row.getString("segment_name"), (Integer) row.getObject("segment_revision"),
                row.getTimestamp("created_at").toInstant(), row.getString("created_by"), row.getBoolean("enabled"),
                row.getInt("code_length"), row.getLong("requested"), row.getLong("generated"),
                GenerationBatchState.valueOf(row.getString("state")),
                json.readValue(row.getString("terms"), DiscountTerms.class), row.getBoolean("inventory_enabled"),
                (Long) row.getObject("allowance"), row.getInt("set_number"), row.getLong("version"));
    }

    private static PromoRunView run(ResultSet row, int rowNum) throws SQLException {
        Timestamp completed = row.getTimestamp("completed_at");
        return new PromoRunView(row.getObject("run_id", UUID.class), row.getInt("run_number"),
                PromoRunKind.valueOf(row.getString("kind")), row.getString("source_code"), row.getLong("quantity"),
                row.getInt("code_length"), row.getLong("generated"),
                GenerationBatchState.valueOf(row.getString("state")), row.getString("failure_reason"),
                row.getString("requested_by"), row.getTimestamp("requested_at").toInstant(),
                completed == null ? null : completed.toInstant());
    }
}
