package io.coupons.query.promo;

import io.coupons.api.promo.PromoCodeView;
import io.coupons.api.promo.PromoReporting;
import io.coupons.api.promo.PromoReportingRow;
import io.coupons.query.sql.CsvCells;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * Export to CSV: every code of a batch, streamed a keyset page at a time (the partial index on
 * (promo_batch_id, code)), so memory holds one page whatever the batch's size. Pages rather than one
 * cursor: a cursor over ten million codes holds one snapshot (and a connection) for the whole
 * download, which keeps VACUUM from cleaning the tables the projections write meanwhile; each page
 * is a few primary-key statements in autocommit. A code generated during the download appears if it
 * sorts after the page being read.
 */
@Component
public class PromoCodesCsv {

    static final String[] CODES_HEADER = {"code", "bound_account", "remaining_usages", "redemptions", "last_used_at",
            "run_number", "enabled", "rules"};
    static final String[] REPORTING_HEADER = {"pnl_allocation", "transaction_type", "currency", "batches",
            "redemptions", "reversals", "discount_given"};
    static final int PAGE = 2_000;

    private final PromoCodeViews codes;

    public PromoCodesCsv(PromoCodeViews codes) {
        this.codes = codes;
    }

    /** Answers how many codes it wrote. */
    long write(UUID promoBatchId, OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(CODES_HEADER).get());
        long written = 0;
        long after = -1;
        while (true) {
            PromoCodeViews.Slice slice = codes.page(promoBatchId, after, PAGE).orElse(null);
            List<PromoCodeView> page = slice == null ? List.of() : slice.codes();
            if (page.isEmpty()) {
                break;
            }
            for (PromoCodeView code : page) {
                csv.printRecord(code.code(), CsvCells.text(code.accountId()), code.remainingUses(),
                        code.redemptions(), code.lastUsedAt(), code.runNumber(),
                        code.batchEnabled() && code.codeEnabled(), CsvCells.text(RulesSummary.of(code.terms())));
            }
            written += page.size();
            if (page.size() < PAGE) {
                break;
            }
            after = slice.lastPosition();
        }
        csv.flush();
        return written;
    }

    static void write(PromoReporting report, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(REPORTING_HEADER).get());
        for (PromoReportingRow row : report.rows()) {
            csv.printRecord(CsvCells.text(row.pnlAllocation()), CsvCells.text(row.transactionType()), row.currency(),
                    row.batches(), row.redemptions(), row.reversals(), row.discountGiven().toPlainString());
        }
        csv.flush();
    }
}
