package io.coupons.platform.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Loads codes with COPY, PostgreSQL's fast path, inside the caller's transaction and behind a
 * savepoint: when a code is already in the table the unique constraint refuses the whole COPY, the
 * transaction returns to before it, and the caller takes its slower per-row path.
 */
public final class CodeCopy {

    private static final String UNIQUE_VIOLATION = "23505";

    private CodeCopy() {
    }

    /**
     * @param copyStatement e.g. {@code COPY coupon_code (code, campaign_id, batch_id) FROM STDIN}
     * @param rowTail       the other columns, the same for every code, in COPY text format with a
     *                      leading tab and a trailing newline
     * @return false when a code already existed: then nothing was written
     */
    public static boolean copyUnlessAnyExists(DataSource dataSource, String copyStatement, List<String> codes,
                                              String rowTail) {
        StringBuilder rows = new StringBuilder(codes.size() * (24 + rowTail.length()));
        codes.forEach(code -> rows.append(escape(code)).append(rowTail));
        return copy(dataSource, copyStatement, rows);
    }

    /**
     * The same for rows whose columns differ row by row: each row is complete in COPY's text format
     * (cells escaped with {@link #escape}, tab-separated, {@code \N} for null), without its newline.
     */
    public static boolean copyRowsUnlessAnyExists(DataSource dataSource, String copyStatement, List<String> rows) {
        StringBuilder text = new StringBuilder(rows.size() * 64);
        rows.forEach(row -> text.append(row).append('\n'));
        return copy(dataSource, copyStatement, text);
    }

    private static boolean copy(DataSource dataSource, String copyStatement, CharSequence rows) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint beforeCopy = connection.setSavepoint();
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyStatement);
            try {
                in.writeToCopy(bytes, 0, bytes.length);
                in.endCopy();
                connection.releaseSavepoint(beforeCopy);
                return true;
            } catch (SQLException e) {
                if (in.isActive()) {
                    in.cancelCopy();
                }
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(beforeCopy);
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed: " + copyStatement, e);
        }
    }

    /** COPY's text format treats backslash, tab and line breaks specially (codes never hold them; be safe). */
    public static String escape(String code) {
        return code.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
