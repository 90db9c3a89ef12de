package dev.kept.web;

import dev.kept.commitments.CommitmentLists;
import dev.kept.commitments.Commitments;
import dev.kept.people.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: sign-up for a visitor, the dashboard (due soon, at risk) for a signed-in person. */
@Controller
class HomePage {

    private final Commitments commitments;
    private final CommitmentLists commitmentLists;

    HomePage(Commitments commitments, CommitmentLists commitmentLists) {
        this.commitments = commitments;
        this.commitmentLists = commitmentLists;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal Caller caller, Model model) {
        if (caller == null) {
            return "forward:/signup";
        }
        model.addAttribute("dashboard", commitmentLists.dashboard(caller));
        return "web/home";
    }
}
