package dev.kept.insights;

import dev.kept.people.Caller;
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
import org.springframework.web.bind.annotation.RequestParam;

/** The insight pages of a person (their own) and of a team, and their CSV downloads. */
@Controller
class TrackRecordPages {

    static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final TrackRecords records;
    private final TrackRecordCharts charts;
    private final InsightProperties properties;

    TrackRecordPages(TrackRecords records, TrackRecordCharts charts, InsightProperties properties) {
        this.records = records;
        this.charts = charts;
        this.properties = properties;
    }

    @GetMapping("/insights")
    String mine(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) Integer months, Model model) {
        PersonRecord record = records.person(caller, months);
        model.addAttribute("record", record);
        model.addAttribute("keptChart", charts.keptByMonth(record.byMonth()));
        model.addAttribute("onTimeChart", charts.onTimeByMonth(record.byMonth()));
        model.addAttribute("teamId", records.teamOf(caller));
        model.addAttribute("mostMonths", Period.MOST_MONTHS);
        return "insights/person";
    }

    @GetMapping("/insights/teams/{id}")
    String team(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer months,
            Model model) {
        TeamRecord record = records.team(caller, id, months);
        model.addAttribute("record", record);
        model.addAttribute("keptChart", charts.keptByMonth(record.byMonth()));
        model.addAttribute("onTimeChart", charts.onTimeByMonth(record.byMonth()));
        model.addAttribute("movesChart", charts.movesByWeek(record.moves()));
        model.addAttribute("fewestMembers", TeamRecord.FEWEST_MEMBERS);
        model.addAttribute("countedAt", OrganizationInsightsPages.COUNTED_AT.format(record.countedAt()));
        model.addAttribute("freshSeconds", Math.max(1, properties.teamFreshFor().toSeconds()));
        model.addAttribute("mostMonths", Period.MOST_MONTHS);
        return "insights/team";
    }

    @GetMapping("/insights/me.csv")
    ResponseEntity<String> mineCsv(
            @AuthenticationPrincipal Caller caller, @RequestParam(required = false) Integer months) {
        return download("kept-insights.csv", TrackRecordCsv.person(records.person(caller, months)));
    }

    @GetMapping("/insights/teams/{id}.csv")
    ResponseEntity<String> teamCsv(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestParam(required = false) Integer months) {
        return download("kept-team-insights.csv", TrackRecordCsv.team(records.team(caller, id, months)));
    }

    static ResponseEntity<String> download(String name, String csv) {
        return ResponseEntity.ok()
                .contentType(CSV)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(csv);
    }
}
