package dev.kept.export;

import dev.kept.people.Caller;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.PageLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A person's exports of their own data over the API. */
@RestController
@Tag(name = "Your data")
class ExportApi {

    private final Exports exports;

    ExportApi(Exports exports) {
        this.exports = exports;
    }

    @PostMapping("/api/v1/me/exports")
    @Operation(
            summary = "Ask for an export of all your data",
            description = "Answers 202 with the export, pending; it is built in the background and you are told in"
                    + " your inbox when it is ready. While one is pending, asking again answers that one.")
    ResponseEntity<ExportView> request(@AuthenticationPrincipal Caller caller) {
        ExportView export = exports.request(caller);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/me/exports/" + export.id()))
                .body(export);
    }

    @GetMapping("/api/v1/me/exports")
    @Operation(summary = "Your exports, newest first, a page at a time")
    ResponseEntity<PageAnswer<ExportView>> list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @PageLimit Integer limit,
            @RequestParam(required = false) String cursor) {
        return PageAnswer.of(exports.page(caller, cursor, Page.limitOr(limit)), limit);
    }

    @GetMapping("/api/v1/me/exports/{id}")
    @Operation(summary = "One of your exports: its status, and the address to download it from when ready")
    ExportView one(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return exports.one(caller, id);
    }

    @GetMapping("/api/v1/me/exports/{id}/download")
    @Operation(
            summary = "Download your export, once (a ZIP)",
            description = "The archive is deleted as it is handed out: a second download, or one after it"
                    + " expired, answers 410.")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return attachment(exports.download(caller, id));
    }

    static ResponseEntity<byte[]> attachment(Exports.Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(download.fileName())
                                .build()
                                .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(download.archive());
    }
}
