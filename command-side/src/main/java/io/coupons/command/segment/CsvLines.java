package io.coupons.command.segment;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A CSV upload read line by line straight from the request's stream: one account id a line, LF or
 * CRLF, UTF-8 (a leading byte order mark is skipped), a last line with or without a line break.
 * Lines are cut and decoded as bytes, one at a time, so a refusal names the exact line (a decoder
 * reading ahead would report a broken byte lines later) and memory is one line however long the
 * file or the line: a line over {@link #MAX_LINE_BYTES} is refused without reading it whole.
 */
final class CsvLines implements AccountIdSource {

    /** Room for 200 characters of four bytes each, and white space around them. */
    static final int MAX_LINE_BYTES = 1_000;

    private final InputStream in;
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private long number;
    private String current;

    CsvLines(InputStream in) {
        this.in = new BufferedInputStream(in, 64 * 1024);
    }

    @Override
    public boolean next() throws IOException {
        int length = 0;
        int b = in.read();
        if (b < 0) {
            return false;
        }
        number++;
        while (b >= 0 && b != '\n') {
            if (length == MAX_LINE_BYTES) {
                throw new RefusedEntry(name(), "is longer than " + MAX_LINE_BYTES + " bytes (an account id is at most "
                        + SegmentRules.MAX_ACCOUNT_ID_LENGTH + " characters)");
            }
            line[length++] = (byte) b;
            b = in.read();
        }
        int start = number == 1 && length >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB
                && (line[2] & 0xFF) == 0xBF ? 3 : 0;
        int end = length > start && line[length - 1] == '\r' ? length - 1 : length;
        try {
            current = utf8.reset().decode(ByteBuffer.wrap(line, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            throw new RefusedEntry(name(), "is not valid UTF-8");
        }
        return true;
    }

    @Override
    public String current() {
        return current;
    }

    @Override
    public String name() {
        return "line " + number;
    }

    @Override
    public void drain(long maxBytes) throws IOException {
        long left = maxBytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0 && in.read() < 0) {
                return;
            }
            left -= Math.max(skipped, 1);
        }
    }
}
