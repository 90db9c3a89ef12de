package dev.kept.export;

import dev.kept.people.Caller;
import dev.kept.shared.GoneException;
import dev.kept.shared.MorePages;
import dev.kept.shared.Notices;
import dev.kept.shared.Page;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "Your data": ask for an export of everything of one's own, see where it stands, download it once. */
@Controller
class ExportPages {

    private final Exports exports;

    ExportPages(Exports exports) {
        this.exports = exports;
    }

    @GetMapping("/settings/data")
    String page(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        MorePages.show(model, "exports", from -> exports.page(caller, from, Page.DEFAULT), cursor);
        if (htmx != null) {
            model.addAttribute("htmx", true);
            return "export/data :: more-exports";
        }
        return "export/data";
    }

    @PostMapping("/settings/data")
    String request(@AuthenticationPrincipal Caller caller, RedirectAttributes redirect) {
        exports.request(caller);
        Notices.flash(redirect, "export.asked");
        return "redirect:/settings/data";
    }

    @GetMapping("/settings/data/{id}/download")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal Caller caller, @PathVariable UUID id) {
        return ExportApi.attachment(exports.download(caller, id));
    }

    /** A link already used or expired: a page that says so and offers a new export. */
    @ExceptionHandler(GoneException.class)
    @ResponseStatus(HttpStatus.GONE)
    String gone(GoneException gone, Model model) {
        model.addAttribute("detail", gone.getBody().getDetail());
        return "export/gone";
    }
}
