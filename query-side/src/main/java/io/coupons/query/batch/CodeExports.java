package io.coupons.query.batch;

import io.coupons.api.batch.DownloadFormat;
import io.coupons.api.batch.GenerationBatchState;
import io.coupons.api.batch.GenerationBatchView;
import io.coupons.api.campaign.CampaignType;
import io.coupons.api.campaign.CampaignView;
import io.coupons.query.code.CodeRows;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The code downloads of seed 000: one batch, all batches of a campaign, and the Full Export ZIP.
 * Rows stream from a database cursor into the response, so memory stays flat at any size.
 */
@Component
public class CodeExports {

    static final String[] CODES_HEADER = {"code"};
    static final String[] WITH_INFO_HEADER = {"code", "batch_number", "usage_count"};
    static final String[] MANIFEST_HEADER = {"campaign_id", "campaign_code", "type", "status", "url_token", "codes",
            "file"};

    private final CodeRows codes;
    private final GenerationBatchRows batches;
    private final TransactionTemplate readOnly;

    public CodeExports(CodeRows codes, GenerationBatchRows batches, TransactionTemplate transactions) {
        this.codes = codes;
        this.batches = batches;
        this.readOnly = new TransactionTemplate(Objects.requireNonNull(transactions.getTransactionManager()));
        this.readOnly.setReadOnly(true);
    }

    /** Batches whose codes are all there (completed, or failed with what they generated). */
    static boolean finished(GenerationBatchView batch) {
        return batch.state() == GenerationBatchState.COMPLETED || batch.state() == GenerationBatchState.FAILED;
    }

    /** Writes the batches as one CSV; answers how many codes it wrote. */
    long writeCsv(List<GenerationBatchView> batchesToWrite, DownloadFormat format, OutputStream out) throws IOException {
        // 64 KB between the CSV printer and the socket: fewer, larger writes to the response.
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        boolean withInfo = format == DownloadFormat.CODES_WITH_INFO_CSV;
        CSVPrinter csv = new CSVPrinter(writer, csvFormat(withInfo ? WITH_INFO_HEADER : CODES_HEADER));
        long written = 0;
        for (GenerationBatchView batch : batchesToWrite) {
            written += writeBatch(batch.batchId(), csv, withInfo);
        }
        csv.flush();
        return written;
    }

    /**
     * Full Export ZIP: one CSV per campaign (code, batch number, usage count) and manifest.csv with
     * each campaign's count. Answers the batches it included, so they can be marked exported.
     */
    List<GenerationBatchView> writeZip(List<CampaignView> campaigns, OutputStream out) throws IOException {
        List<GenerationBatchView> included = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        List<List<Object>> manifest = new ArrayList<>();
        for (CampaignView campaign : campaigns) {
            String file = campaign.code() + ".csv";
            zip.putNextEntry(new ZipEntry(file));
            CSVPrinter csv = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8),
                    1 << 16), csvFormat(WITH_INFO_HEADER));
            long count = 0;
            if (campaign.type() == CampaignType.BULK_POOL) {
                List<GenerationBatchView> finished = batches.history(campaign.id()).stream()
                        .filter(CodeExports::finished).sorted(Comparator.comparingInt(
                                GenerationBatchView::batchNumber)).toList();
                for (GenerationBatchView batch : finished) {
                    count += writeBatch(batch.batchId(), csv, true);
                }
                included.addAll(finished);
            } else {
                csv.printRecord(campaign.code(), "", codes.usageCount(campaign.code(), campaign.id()));
                count = 1;
            }
            csv.flush();
            zip.closeEntry();
            manifest.add(List.of(campaign.id(), campaign.code(), campaign.type(), campaign.status(),
                    campaign.urlToken() == null ? "" : campaign.urlToken(), count, file));
        }
        zip.putNextEntry(new ZipEntry("manifest.csv"));
        CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), csvFormat(MANIFEST_HEADER));
        for (List<Object> row : manifest) {
            csv.printRecord(row);
        }
        csv.flush();
        zip.closeEntry();
        zip.finish();
        return included;
    }

    /** One batch per read-only transaction: a cursor needs one, and a short one is kinder to the database. */
    private long writeBatch(UUID batchId, CSVPrinter csv, boolean withInfo) {
        long[] written = {0};
        readOnly.executeWithoutResult(status -> codes.forEachOfBatch(batchId, batches.prefixOf(batchId), withInfo, row -> {
            try {
                if (withInfo) {
                    csv.printRecord(row.code(), row.batchNumber(), row.redemptions());
                } else {
                    csv.printRecord(row.code());
                }
                written[0]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the client went away: the download fails, nothing is marked
            }
        }));
        return written[0];
    }

    private static CSVFormat csvFormat(String[] header) {
        return CSVFormat.RFC4180.builder().setHeader(header).get();
    }
}
