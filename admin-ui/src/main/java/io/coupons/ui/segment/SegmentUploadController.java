package io.coupons.ui.segment;

import io.coupons.ui.app.Api;
import io.coupons.ui.app.ApiRefusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;

/**
 * Create or replace a segment from a CSV file. ui.js's {@code data-raw-upload} form PUTs the file as
 * the raw request body (showing upload progress); this streams that body on to the command side's
 * {@code PUT /api/segments/{name}/members.csv} as it arrives (the UI has multipart off on purpose:
 * a ten-million-line file must never sit in its memory or on its disk), then answers a small HTML
 * result for the form's {@code [data-upload-result]}: members, entries and duplicates, or the API's
 * refusal ("line 3: is blank").
 */
@Controller
public class SegmentUploadController {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Api api;

    public SegmentUploadController(Api api) {
        this.api = api;
    }

    @PutMapping("/segments/{name}/members.csv")
    public String upload(@PathVariable String name, HttpServletRequest request, HttpServletResponse response,
                         Model model) throws IOException {
        model.addAttribute("name", name);
        try (InputStream body = request.getInputStream()) {
            Map<String, Object> replaced = api.upload("/api/segments/{name}/members.csv", CSV, body, name);
            // The list and the segment's page read the query side: wait until the new members show there.
            api.awaitProjected(Api.versionAtLeast(replaced.get("version")), "/api/segments/{id}", replaced.get("id"));
            model.addAttribute("replaced", replaced);
        } catch (ApiRefusal refusal) {
            response.setStatus(422);
            model.addAttribute("refusal", refusal);
        }
        return "segment/list :: uploadResult";
    }
}
