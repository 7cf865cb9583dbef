package io.coupons.command.segment;

import io.coupons.command.common.CommandRejectedException;
import io.coupons.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "User segments")
public class SegmentController {

    /** A JSON body is read whole by Jackson, so it stays small; larger sets come as CSV. */
    static final int MAX_JSON_ACCOUNTS = 10_000;
    static final String TEXT_CSV = "text/csv";

    private final SegmentUploads uploads;

    public SegmentController(SegmentUploads uploads) {
        this.uploads = uploads;
    }

    public record SegmentRequest(List<String> accountIds) {
    }

    @PutMapping("/api/segments/{name}")
    @Operation(summary = "Create a user segment or replace its members, from a JSON list",
            description = "The segment's members become exactly accountIds (at most " + MAX_JSON_ACCOUNTS
                    + "; upload larger sets as CSV). Each account id is stripped of surrounding white space; "
                    + "1-200 characters, no control characters, commas or double quotes; repeats are kept once "
                    + "and counted in duplicates. The name is case-sensitive. A bad entry is refused (422, "
                    + "errors[].field = accountIds[i]) and nothing changes.")
    @ApiResponse(responseCode = "200", description = "The upload is the segment's member set now")
    @ApiResponse(responseCode = "409", description = "CONCURRENT_MODIFICATION")
    public SegmentReplacement define(@PathVariable String name, @RequestBody SegmentRequest request)
            throws IOException {
        List<String> accountIds = request.accountIds();
        if (accountIds == null) {
            throw CommandRejectedException.invalid("accountIds", "is required (an empty list empties the segment)");
        }
        if (accountIds.size() > MAX_JSON_ACCOUNTS) {
            throw CommandRejectedException.invalid("accountIds", "at most " + MAX_JSON_ACCOUNTS
                    + " account ids in JSON; upload larger sets to /api/segments/{name}/members.csv");
        }
        return uploads.replace(name, new JsonAccountIds(accountIds));
    }

    @PutMapping(path = "/api/segments/{name}/members.csv", consumes = TEXT_CSV)
    @Operation(summary = "Create a user segment or replace its members, from a CSV upload",
            description = "One account id a line (LF or CRLF, UTF-8, no header, no quoting), up to "
                    + SegmentUploads.MAX_ENTRIES + " lines, streamed: the file is never held in memory whole. "
                    + "The rules of each line are those of the JSON form's account ids. A bad line is refused "
                    + "(422, errors[].field = \"line N\", the first bad line) and nothing of the upload is "
                    + "applied: the members in force stay as they were.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = "string",
                            example = "acc-1\nacc-2\n"))))
    @ApiResponse(responseCode = "200", description = "The upload is the segment's member set now")
    @ApiResponse(responseCode = "409", description = "CONCURRENT_MODIFICATION")
    @ApiResponse(responseCode = "415", description = "UNSUPPORTED_MEDIA_TYPE: send the body as text/csv in UTF-8.")
    public SegmentReplacement upload(@PathVariable String name, HttpServletRequest request) throws IOException {
        String charset = MediaType.parseMediaType(request.getContentType()).getParameter("charset");
        if (charset != null && !charset.replace("\"", "").equalsIgnoreCase(StandardCharsets.UTF_8.name())) {
            throw new ApiProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
                    "CSV uploads are UTF-8; charset " + charset + " is not supported.", List.of());
        }
        return uploads.replace(name, new CsvLines(request.getInputStream()));
    }
}
