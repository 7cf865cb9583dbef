package io.coupons.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * What a hand-written CRUD service would do with bare JDBC: draw the codes (same alphabet, same
 * cryptographic source, duplicates dropped in memory) and COPY them into one indexed table; export
 * with COPY ... TO STDOUT.
 */
final class Baseline {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    private Baseline() {
    }

    /** Generates and loads {@code quantity} unique codes; answers the elapsed nanoseconds. */
    static long generateAndCopy(Connection connection, String prefix, int length, int quantity)
            throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS baseline_code");
            statement.execute("CREATE TABLE baseline_code (code VARCHAR(64) COLLATE \"C\" PRIMARY KEY, "
                    + "batch_number INTEGER NOT NULL, generated_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
        long start = System.nanoTime();
        SecureRandom random = new SecureRandom();
        Set<String> codes = new HashSet<>(quantity * 2);
        byte[] bytes = new byte[length * 2];
        char[] code = (prefix + "-" + "x".repeat(length)).toCharArray();
        while (codes.size() < quantity) {
            random.nextBytes(bytes);
            int filled = 0;
            for (int i = 0; i < bytes.length && filled < length; i++) {
                int value = bytes[i] & 0xFF;
                if (value < 248) {
                    code[prefix.length() + 1 + filled++] = ALPHABET.charAt(value % 31);
                }
            }
            if (filled == length) {
                codes.add(new String(code));
            }
        }
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        CopyIn in = copy.copyIn("COPY baseline_code (code, batch_number) FROM STDIN");
        StringBuilder block = new StringBuilder(1 << 20);
        for (String c : codes) {
            block.append(c).append("\t1\n");
            if (block.length() > (1 << 20) - 64) {
                byte[] chunk = block.toString().getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(chunk, 0, chunk.length);
                block.setLength(0);
            }
        }
        byte[] rest = block.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(rest, 0, rest.length);
        in.endCopy();
        return System.nanoTime() - start;
    }

    /** COPY of every code to a sink that only counts; answers the elapsed nanoseconds. */
    static long copyOut(Connection connection, long[] bytesOut) throws SQLException, IOException {
        long start = System.nanoTime();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        long[] count = {0};
        copy.copyOut("COPY (SELECT code FROM baseline_code) TO STDOUT WITH (FORMAT csv, HEADER)", new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
            }
        });
        bytesOut[0] = count[0];
        return System.nanoTime() - start;
    }
}
