package io.coupons.query.campaign;

import io.coupons.api.campaign.CampaignView;
import io.coupons.query.sql.CsvCells;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Export Table CSV": the campaigns of the current filtered view, streamed from a database cursor
 * straight to the response, so memory does not grow with the table.
 */
@Component
public class CampaignCsvExport {

    static final String[] HEADER = {"id", "code", "type", "status", "discount_rule_id", "discount_rule_name",
            "uses_per_code", "starts_at", "expires_at", "url_token", "created_by", "created_at", "archived_at"};

    private final CampaignRows rows;
    private final TransactionTemplate readOnly;

    public CampaignCsvExport(CampaignRows rows, TransactionTemplate transactions) {
        this.rows = rows;
        this.readOnly = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
        this.readOnly.setReadOnly(true);
    }

    public void write(CampaignRows.Filter filter, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        try {
            // A cursor needs a transaction in PostgreSQL; without one the driver reads every row first.
            readOnly.executeWithoutResult(status -> rows.forEach(filter, campaign -> print(csv, campaign)));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    private static void print(CSVPrinter csv, CampaignView c) {
        try {
            csv.printRecord(c.id(), c.code(), c.type(), c.status(), c.discountRuleId(),
                    CsvCells.text(c.discountRuleName()), c.usesPerCode(), c.startsAt(), c.expiresAt(), c.urlToken(),
                    CsvCells.text(c.createdBy()), c.createdAt(), c.archivedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
