package io.coupons.command.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.coupons.api.segment.SegmentId;
import io.coupons.api.segment.SegmentMembersStagedEvent;
import io.coupons.command.CommandSideTest;
import io.coupons.platform.testing.TestHttp;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A million-line CSV upload goes through as a stream: the test body is generated line by line
 * while it is sent (never built as a whole), and the service reads it line by line (its memory is
 * one line plus a block of ten thousand ids); the members arrive as bounded chunk events.
 */
@CommandSideTest
class SegmentCsvStreamingTest {

    private static final int LINES = 1_000_000;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SegmentMembers members;

    @Test
    void replacesASegmentWithAMillionLineUploadStreamed() {
        String name = SegmentCommandsTest.unique("Million");
        TestHttp admin = TestHttp.at(port).as("admin");
        long started = System.nanoTime();

        TestHttp.Response answer = admin.send(admin.request(SegmentCommandsTest.path(name) + "/members.csv")
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "text/csv")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new Lines(LINES))));

        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(answer.status()).as(answer::toString).isEqualTo(200);
        assertThat(answer.json().get("members").asLong()).isEqualTo(LINES);
        assertThat(answer.json().get("duplicates").asLong()).isZero();
        SegmentMembers.Membership current = members.current(SegmentId.of(name)).orElseThrow();
        assertThat(current.members()).isEqualTo(LINES);
        assertThat(members.members(current.uploadId(), null, 2)).containsExactly("acc-0000000", "acc-0000001");
        assertThat(members.members(current.uploadId(), "acc-0999998", 5)).containsExactly("acc-0999999");
        List<Integer> chunkSizes = jdbc.sql("""
                        SELECT jsonb_array_length(convert_from(payload, 'UTF8')::jsonb -> 'accountIds')
                        FROM domain_event_entry
                        WHERE payload_type = 'io.coupons.api.segment.SegmentMembersStagedEvent'
                          AND convert_from(payload, 'UTF8')::jsonb -> 'segmentId' ->> 'value' = ?""")
                .param(SegmentId.of(name).toString()).query(Integer.class).list();
        assertThat(chunkSizes).hasSize(LINES / SegmentMembersStagedEvent.MAX_ACCOUNTS)
                .allSatisfy(size -> assertThat(size).isEqualTo(SegmentMembersStagedEvent.MAX_ACCOUNTS));
        System.out.printf("1,000,000-line segment upload took %d ms%n", millis);
    }

    /** {@code acc-0000000\n} … generated on demand: the body never exists as a whole. */
    static final class Lines extends InputStream {

        private final int lines;
        private int line;
        private byte[] current = new byte[0];
        private int position;

        Lines(int lines) {
            this.lines = lines;
        }

        @Override
        public int read() {
            if (position == current.length) {
                if (line == lines) {
                    return -1;
                }
                current = String.format("acc-%07d\n", line++).getBytes(StandardCharsets.US_ASCII);
                position = 0;
            }
            return current[position++];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = 0;
            while (n < length) {
                int b = read();
                if (b < 0) {
                    return n == 0 ? -1 : n;
                }
                buffer[offset + n++] = (byte) b;
            }
            return n;
        }
    }
}
