package dev.kept.insights;

import dev.kept.people.Caller;
import dev.kept.shared.BadCursorException;
import dev.kept.shared.MorePages;
import dev.kept.shared.Notices;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The organization insights page (the effect study with its charts and tables), its CSV, and the
 * admins' list of the people allowed to see it.
 */
@Controller
class OrganizationInsightsPages {

    /** When an answer kept for a while was counted, as the insight pages say it. */
    static final DateTimeFormatter COUNTED_AT =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final OrganizationInsights insights;
    private final InsightViewers viewers;
    private final InsightProperties properties;

    OrganizationInsightsPages(OrganizationInsights insights, InsightViewers viewers, InsightProperties properties) {
        this.insights = insights;
        this.viewers = viewers;
        this.properties = properties;
    }

    /** The page; with htmx and a teams cursor, only the next teams' section. */
    @GetMapping("/insights/organization")
    String study(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String teams,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        EffectStudy study;
        try {
            study = insights.study(caller, from, to, teams);
        } catch (BadPeriodException bad) {
            model.addAttribute("problem", bad.detail());
            model.addAttribute("askedFrom", from);
            model.addAttribute("askedTo", to);
            study = insights.study(caller, null, null, null);
        } catch (BadCursorException stale) {
            study = insights.study(caller, from, to, null);
        }
        model.addAttribute("study", study);
        model.addAttribute("charts", StudyCharts.of(study));
        model.addAttribute("manages", viewers.manages(caller));
        model.addAttribute("fewestCommitments", EffectStudy.FEWEST_COMMITMENTS);
        model.addAttribute("fewestOwners", EffectStudy.FEWEST_OWNERS);
        model.addAttribute("fewestToCompare", Proportion.FEWEST_TO_SAY);
        model.addAttribute("programsListed", OrganizationInsights.PROGRAMS_LISTED);
        model.addAttribute("moreTeams", moreTeams(study));
        model.addAttribute("countedAt", COUNTED_AT.format(study.countedAt()));
        model.addAttribute(
                "freshMinutes", Math.max(1, properties.studyFreshFor().toMinutes()));
        model.addAttribute(
                "csvHref",
                UriComponentsBuilder.fromPath("/insights/organization.csv")
                        .queryParam("from", study.from())
                        .queryParam("to", study.to())
                        .toUriString());
        return htmx != null && teams != null ? "insights/organization :: teams" : "insights/organization";
    }

    @GetMapping("/insights/organization.csv")
    ResponseEntity<String> csv(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        String csv = insights.csv(caller, from, to);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("organization-insights.csv")
                                .build()
                                .toString())
                .body(csv);
    }

    @GetMapping("/insights/organization/viewers")
    String viewers(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        MorePages.show(model, "viewers", from -> viewers.viewers(caller, from, Page.DEFAULT), cursor);
        if (htmx != null) {
            model.addAttribute("htmx", true);
            return "insights/viewers :: more-viewers";
        }
        return "insights/viewers";
    }

    @PostMapping("/insights/organization/viewers")
    String allow(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String email,
            Model model,
            RedirectAttributes redirect) {
        try {
            viewers.allow(caller, email == null ? null : email.strip());
            Notices.flash(redirect, "insight.viewers.allowed", email.strip());
            return "redirect:/insights/organization/viewers";
        } catch (RuleViolationException unknown) {
            model.addAttribute("problem", unknown.detail());
            model.addAttribute("email", email);
            return viewers(caller, null, null, model);
        }
    }

    @PostMapping("/insights/organization/viewers/{personId}/remove")
    String remove(@AuthenticationPrincipal Caller caller, @PathVariable UUID personId, RedirectAttributes redirect) {
        viewers.remove(caller, personId);
        Notices.flash(redirect, "insight.viewers.removed");
        return "redirect:/insights/organization/viewers";
    }

    private static String moreTeams(EffectStudy study) {
        if (study.byTeam().next() == null) {
            return null;
        }
        return UriComponentsBuilder.fromPath("/insights/organization")
                .queryParam("from", study.from())
                .queryParam("to", study.to())
                .queryParam("teams", study.byTeam().next())
                .toUriString();
    }
}
