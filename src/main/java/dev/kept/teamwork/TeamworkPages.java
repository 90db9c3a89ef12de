package dev.kept.teamwork;

import dev.kept.people.Caller;
import dev.kept.shared.NotFoundException;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * The teamwork panel of a commitment, expectation or goal: its open and recent flags and the help
 * accepted on it, as the viewer may see them. An htmx request gets the panel alone (the detail
 * pages load it), anyone else a page around it.
 */
@Controller
class TeamworkPages {

    static final int RECENT_CLOSED = 5;

    /** The most flags and help offers one panel reads: the open flags come first. */
    static final int MOST = 50;

    private final Flags flags;
    private final HelpOffers offers;
    private final Targets targets;

    TeamworkPages(Flags flags, HelpOffers offers, Targets targets) {
        this.flags = flags;
        this.offers = offers;
        this.targets = targets;
    }

    @GetMapping("/teamwork/{targetType}/{id}")
    String panel(
            @AuthenticationPrincipal Caller caller,
            @PathVariable String targetType,
            @PathVariable String id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        UUID targetId;
        try {
            targetId = UUID.fromString(id);
        } catch (IllegalArgumentException malformed) {
            throw new NotFoundException("Target");
        }
        Target target = TargetType.parse(targetType)
                .flatMap(type -> targets.visible(caller, type, targetId))
                .orElseThrow(() -> new NotFoundException("Target"));
        List<FlagView> all = flags.onTargets(caller, target.type(), List.of(target.id()), MOST);
        model.addAttribute("target", target);
        model.addAttribute("own", target.owners().contains(caller.personId()));
        model.addAttribute("openFlags", all.stream().filter(FlagView::isOpen).toList());
        model.addAttribute(
                "recentFlags",
                all.stream().filter(f -> !f.isOpen()).limit(RECENT_CLOSED).toList());
        model.addAttribute("help", offers.acceptedOn(caller, target.type(), List.of(target.id()), MOST));
        model.addAttribute("helpable", target.type() != TargetType.EXPECTATION);
        return htmx != null ? "teams/panel :: panel" : "teams/teamwork";
    }
}
