package dev.kept.transparency;

import dev.kept.people.Caller;
import dev.kept.shared.RuleViolationException;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The map page of a goal tree, and the page of the everyday moves (the caller's and their team's). */
@Controller
class MapAndMovesPages {

    private final GoalMap map;
    private final EverydayMoves moves;

    MapAndMovesPages(GoalMap map, EverydayMoves moves) {
        this.map = map;
        this.moves = moves;
    }

    /** The map page; with htmx, only the goals directly beneath, to open a child in place. */
    @GetMapping("/goals/{id}/map")
    String map(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        model.addAttribute("map", map.map(caller, id));
        return htmx != null ? "teams/map :: children" : "teams/map";
    }

    @GetMapping("/moves")
    String moves(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String week, Model model) {
        String asked = week;
        try {
            model.addAttribute("mine", moves.mine(caller, asked));
        } catch (RuleViolationException bad) {
            model.addAttribute("problem", bad.detail());
            asked = null;
            model.addAttribute("mine", moves.mine(caller, null));
        }
        UUID team = moves.teamOf(caller);
        if (team != null) {
            model.addAttribute("team", moves.team(caller, team, asked));
        }
        return "teams/moves";
    }
}
