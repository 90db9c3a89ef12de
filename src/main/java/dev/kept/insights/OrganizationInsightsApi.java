package dev.kept.insights;

import dev.kept.people.Caller;
import dev.kept.shared.Answers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The organization's effect study over the API. */
@RestController
@Tag(name = "Insights")
class OrganizationInsightsApi {

    private final OrganizationInsights insights;

    OrganizationInsightsApi(OrganizationInsights insights) {
        this.insights = insights;
    }

    @Answers(status = 404, description = "The caller is neither an admin nor someone an admin allowed to see the study")
    @Answers(
            status = 400,
            description = "from or to is not a date such as 2026-01-31, to is before from, the period is longer than"
                    + " 5 years, or teams is not a cursor this study gave out (the field is named under errors)")
    @GetMapping("/api/v1/insights/organization")
    @Operation(
            summary = "The organization's effect study: how often the commitments closed from 'from' to 'to' (ISO"
                    + " dates, both included, UTC; default the last 12 months) were kept, in three disjoint groups:"
                    + " ALONE (shared with no partner and made to no one), SHARED (shared with a partner or made to"
                    + " someone, with fewer than two check-ins held) and MET (shared with a partner with at least two"
                    + " check-ins held by the partnerships it is shared with between its making and its closing)."
                    + " Each with its count, kept count, kept rate (KEPT over all closed; partly kept, not kept and"
                    + " dropped count as not kept) and 95 % Wilson interval, its ratio to ALONE (when both groups"
                    + " have at least 10) and a plain sentence. Then the same by month of closing, by the owner's"
                    + " current team (20 a page, the largest first; byTeam.next continues), for commitments serving"
                    + " a goal or not, and the matching programs' outcome: the kept rate of the people they matched,"
                    + " before and after their first match, and in matching.byProgram the same for each program"
                    + " (by the first match in that program; the most people matched first, at most "
                    + OrganizationInsights.PROGRAMS_LISTED
                    + ", matching.programsNotListed counts any past them). Only counts and rates: a cell with fewer"
                    + " than 5"
                    + " commitments or from fewer than 3 different owners has tooFew true and no numbers, and so"
                    + " do as many of the smallest cells beside it as it takes for no sum of shown cells to give it"
                    + " back (rules.hiddenTogether). For admins and the people they allow.")
    EffectStudy study(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String teams) {
        EffectStudy study = insights.study(caller, from, to, teams);
        String next = study.byTeam().next();
        if (next == null) {
            return study;
        }
        String link = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/insights/organization")
                .queryParam("from", study.from())
                .queryParam("to", study.to())
                .queryParam("teams", next)
                .toUriString();
        return study.withNextTeams(link);
    }
}
