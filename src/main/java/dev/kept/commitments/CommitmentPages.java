package dev.kept.commitments;

import dev.kept.access.Visibility;
import dev.kept.partnerships.PartnershipStatus;
import dev.kept.partnerships.PartnershipView;
import dev.kept.partnerships.Partnerships;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.shared.BadCursorException;
import dev.kept.shared.ConflictException;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.NamedChoice;
import dev.kept.shared.Page;
import dev.kept.shared.PageAnswer;
import dev.kept.shared.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The commitment pages: my list, writing one (with the clarity check as you type), its detail. */
@Controller
class CommitmentPages {

    private final Commitments commitments;
    private final CommitmentLists commitmentLists;
    private final Challenges challenges;
    private final Partnerships partnerships;
    private final GoalDirectory goals;
    private final People people;

    CommitmentPages(
            Commitments commitments,
            CommitmentLists commitmentLists,
            Challenges challenges,
            Partnerships partnerships,
            GoalDirectory goals,
            People people) {
        this.commitments = commitments;
        this.commitmentLists = commitmentLists;
        this.challenges = challenges;
        this.partnerships = partnerships;
        this.goals = goals;
        this.people = people;
    }

    /** What the new-commitment and edit forms send. */
    record TermsForm(
            @NotBlank @Size(max = 500) String what,
            @NotBlank @Size(max = 1000) String doneWhen,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate due,

            @Size(max = 2000) String why,
            @NotNull Visibility visibility,
            @Size(max = 50) List<UUID> sharedWith,
            Long version,
            UUID goalId,
            @Size(max = NamedChoice.LONGEST_SEARCH) String goalName) {}

    record ChallengeForm(
            @NotNull ChallengeKind kind,
            @NotBlank @Size(max = 2000) String message) {}

    record AnswerForm(@NotBlank @Size(max = 2000) String message, Boolean helpful) {}

    record ProgressForm(
            @Min(0) @Max(100) Integer percent,
            @NotNull Confidence confidence,
            @Size(max = 2000) String note,
            @Min(1) @Max(5) Integer control,
            @Size(max = 1000) String needs) {

        static ProgressForm empty() {
            return new ProgressForm(null, null, "", null, "");
        }
    }

    record CloseForm(
            @NotNull Outcome outcome,
            @NotBlank @Size(max = 4000) String reflection) {}

    @ModelAttribute("visibilities")
    List<Visibility> visibilities(@AuthenticationPrincipal Caller caller) {
        return caller == null ? List.of() : commitments.visibilitiesFor(caller);
    }

    /**
     * My commitments, or all I may see, a page at a time, narrowed by a small GET form. A filter
     * that does not read (a date, a goal) is shown beside its field and ignored; a cursor that does
     * not read starts the list over. An htmx request for the next page gets only its rows and the
     * next "Show more".
     */
    @GetMapping("/commitments")
    String list(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String scope,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String goal,
            @RequestParam(required = false) String goalName,
            @RequestParam(required = false) String dueAfter,
            @RequestParam(required = false) String dueBefore,
            @RequestParam(required = false) String cursor,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model) {
        CommitmentFilter filter = parseFilter(status);
        Map<String, String> problems = new LinkedHashMap<>();
        UUID ownerId = parseId(owner, "owner", problems);
        UUID goalId = goalName == null ? parseId(goal, "goal", problems) : goalFilter(caller, goalName, problems);
        LocalDate after = parseDateFilter(dueAfter, "dueAfter", problems);
        LocalDate before = parseDateFilter(dueBefore, "dueBefore", problems);
        boolean everyone = "visible".equals(scope) || ownerId != null;
        UUID ownerShown = ownerId != null ? ownerId : everyone ? null : caller.personId();
        CommitmentSearch search =
                new CommitmentSearch(ownerShown, filter, goalId == null ? List.of() : List.of(goalId), after, before);
        Page<CommitmentView> page;
        try {
            page = commitmentLists.list(caller, search, cursor, Page.DEFAULT);
        } catch (BadCursorException notOurs) {
            page = commitmentLists.list(caller, search, null, Page.DEFAULT);
            cursor = null;
        }
        model.addAttribute("commitments", page.items());
        model.addAttribute("moreHref", PageAnswer.moreHref(page));
        model.addAttribute("scope", everyone ? "visible" : "mine");
        if (htmx != null && cursor != null) {
            return "commitments/list :: more-rows";
        }
        model.addAttribute("owner", ownerId);
        model.addAttribute("status", filter == null ? "ALL" : filter.name());
        model.addAttribute(
                "goalName",
                goalName != null
                        ? goalName
                        : goals.find(caller, goalId).map(NamedChoice::name).orElse(""));
        model.addAttribute("dueAfter", after == null ? dueAfter : after.toString());
        model.addAttribute("dueBefore", before == null ? dueBefore : before.toString());
        model.addAttribute("problems", problems);
        model.addAttribute("goals", goals.choices(caller, goalId));
        return "commitments/list";
    }

    /** The goal the list is narrowed to by the title typed in its search field; one it cannot name is told. */
    private UUID goalFilter(Caller caller, String goalName, Map<String, String> problems) {
        String typed = goalName.length() <= NamedChoice.LONGEST_SEARCH
                ? goalName
                : goalName.substring(0, NamedChoice.LONGEST_SEARCH);
        try {
            return goals.goalNamedOrGiven(caller, typed, null, "goal");
        } catch (RuleViolationException unnamed) {
            problems.put("goal", unnamed.reason());
            return null;
        }
    }

    private static UUID parseId(String text, String field, Map<String, String> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException unreadable) {
            problems.put(field, "commitments.filter.unknown");
            return null;
        }
    }

    private static LocalDate parseDateFilter(String text, String field, Map<String, String> problems) {
        LocalDate date = parseDate(text);
        if (date == null && text != null && !text.isBlank()) {
            problems.put(field, "commitments.filter.date");
        }
        return date;
    }

    /** The form for a new commitment; from a goal's page ({@code goalId}), it already serves that goal. */
    @GetMapping("/commitments/new")
    String newForm(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) UUID goalId, Model model) {
        NamedChoice served = goals.find(caller, goalId).orElse(null);
        model.addAttribute(
                "form",
                new TermsForm(
                        "",
                        "",
                        null,
                        "",
                        Visibility.PRIVATE,
                        List.of(),
                        null,
                        served == null ? null : served.id(),
                        served == null ? "" : served.name()));
        model.addAttribute("clarity", commitments.clarity(caller, "", "", null, ""));
        model.addAttribute("sharable", partnerships.sharable(caller));
        model.addAttribute("goals", goals.choices(caller, served == null ? null : served.id()));
        return "commitments/new";
    }

    @PostMapping("/commitments/clarity")
    String clarity(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) String what,
            @RequestParam(required = false) String doneWhen,
            @RequestParam(required = false) String due,
            @RequestParam(required = false) String why,
            Model model) {
        model.addAttribute("clarity", commitments.clarity(caller, what, doneWhen, parseDate(due), why));
        return "commitments/clarity :: panel";
    }

    @PostMapping("/commitments")
    String make(
            @AuthenticationPrincipal Caller caller,
            @Valid @ModelAttribute("form") TermsForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute(
                "clarity", commitments.clarity(caller, form.what(), form.doneWhen(), form.due(), form.why()));
        model.addAttribute("sharable", partnerships.sharable(caller));
        model.addAttribute("goals", goals.choices(caller, form.goalId()));
        UUID goal = servedGoal(caller, form, errors);
        if (errors.hasErrors()) {
            return "commitments/new";
        }
        try {
            CommitmentView made = commitments.make(
                    caller,
                    new CommitmentDraft(
                            form.what(),
                            form.doneWhen(),
                            form.due(),
                            form.why(),
                            form.visibility(),
                            form.sharedWith(),
                            goal));
            redirect.addFlashAttribute("notice", "Your commitment is recorded.");
            return "redirect:/commitments/" + made.id();
        } catch (RuleViolationException broken) {
            broken.rejectOn(errors);
            return "commitments/new";
        }
    }

    /** The goal the form names by its title (or by id); one it cannot name is told beside the field. */
    private UUID servedGoal(Caller caller, TermsForm form, BindingResult errors) {
        try {
            return goals.goalNamedOrGiven(caller, form.goalName(), form.goalId(), "goalName");
        } catch (RuleViolationException unnamed) {
            unnamed.rejectOn(errors);
            return null;
        }
    }

    @GetMapping("/commitments/{id}")
    String detail(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        showDetail(caller, id, model);
        model.addAttribute("progressForm", ProgressForm.empty());
        model.addAttribute("closeForm", new CloseForm(null, ""));
        return "commitments/detail";
    }

    @GetMapping("/commitments/{id}/edit")
    String editForm(@AuthenticationPrincipal Caller caller, @PathVariable UUID id, Model model) {
        CommitmentView c = changeable(caller, id);
        model.addAttribute("commitment", c);
        model.addAttribute(
                "form",
                new TermsForm(
                        c.what(),
                        c.doneWhen(),
                        c.due(),
                        c.why(),
                        c.visibility(),
                        c.sharedWith() == null ? List.of() : List.copyOf(c.sharedWith()),
                        c.version(),
                        c.goalId(),
                        goals.find(caller, c.goalId()).map(NamedChoice::name).orElse("")));
        List<PartnershipView> sharable = partnerships.sharable(caller);
        model.addAttribute("sharable", sharable);
        model.addAttribute("goals", goals.choices(caller, c.goalId()));
        model.addAttribute("sharedWithNoneShown", sharedWithNoneShown(c, sharable));
        model.addAttribute("clarity", commitments.clarity(caller, c.what(), c.doneWhen(), c.due(), c.why()));
        return "commitments/edit";
    }

    @PostMapping("/commitments/{id}")
    String revise(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") TermsForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        CommitmentView current = changeable(caller, id);
        List<PartnershipView> sharable = partnerships.sharable(caller);
        model.addAttribute("commitment", current);
        model.addAttribute("sharable", sharable);
        model.addAttribute("goals", goals.choices(caller, form.goalId() == null ? current.goalId() : form.goalId()));
        model.addAttribute("sharedWithNoneShown", sharedWithNoneShown(current, sharable));
        model.addAttribute(
                "clarity", commitments.clarity(caller, form.what(), form.doneWhen(), form.due(), form.why()));
        if (form.version() == null) {
            errors.reject("version", "The form is missing its version; reload the page.");
        }
        UUID goal = servedGoal(caller, form, errors);
        if (errors.hasErrors()) {
            return "commitments/edit";
        }
        try {
            commitments.revise(
                    caller,
                    id,
                    new CommitmentRevision(
                            form.version(),
                            form.what(),
                            form.doneWhen(),
                            form.due(),
                            form.why() == null ? "" : form.why(),
                            form.visibility(),
                            sharedWith(current, form, sharable),
                            goal));
        } catch (ConflictException stale) {
            model.addAttribute("conflict", stale.getBody().getDetail());
            return "commitments/edit";
        } catch (RuleViolationException broken) {
            broken.rejectOn(errors);
            return "commitments/edit";
        }
        redirect.addFlashAttribute("notice", "Your changes are saved.");
        return "redirect:/commitments/" + id;
    }

    /**
     * The partnerships an edit shares with. None ticked means all current partners, but only when
     * the form showed some of them ticked: if it showed none (shared with nobody, or only with
     * partnerships that have ended), an edit of its words must not widen it to every partner (null
     * keeps them).
     */
    private static List<UUID> sharedWith(CommitmentView current, TermsForm form, List<PartnershipView> sharable) {
        List<UUID> ticked = form.sharedWith() == null ? List.of() : form.sharedWith();
        if (ticked.isEmpty() && form.visibility() == current.visibility() && showedNoneTicked(current, sharable)) {
            return null;
        }
        return ticked;
    }

    /** Whether a commitment for partners is shared with none of the partnerships its edit form shows. */
    private static boolean sharedWithNoneShown(CommitmentView current, List<PartnershipView> sharable) {
        return current.visibility() == Visibility.PARTNERS && showedNoneTicked(current, sharable);
    }

    /** Whether the edit form showed no partnership ticked: none it is shared with can be shared with now. */
    private static boolean showedNoneTicked(CommitmentView current, List<PartnershipView> sharable) {
        Set<UUID> named = current.sharedWith() == null ? Set.of() : current.sharedWith();
        return sharable.stream().map(PartnershipView::id).noneMatch(named::contains);
    }

    @PostMapping("/commitments/{id}/progress")
    String report(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("progressForm") ProgressForm form,
            BindingResult errors,
            @RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                commitments.report(
                        caller,
                        id,
                        new ProgressReport(
                                form.percent(), form.confidence(), form.note(), form.control(), form.needs()));
                if (htmx == null) {
                    redirect.addFlashAttribute("notice", "Progress recorded.");
                    return "redirect:/commitments/" + id;
                }
                model.addAttribute("progressForm", ProgressForm.empty());
                model.addAttribute("notice", "Progress recorded.");
            } catch (ConflictException closed) {
                model.addAttribute("conflict", closed.getBody().getDetail());
            }
        }
        showDetail(caller, id, model);
        model.addAttribute("closeForm", new CloseForm(null, ""));
        return htmx == null ? "commitments/detail" : "commitments/detail :: progress";
    }

    @PostMapping("/commitments/{id}/verification")
    String verify(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("closeForm") CloseForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                commitments.verify(caller, id, new Verification(form.outcome(), form.reflection()));
                redirect.addFlashAttribute("notice", "The commitment is closed. Thank you for the reflection.");
                return "redirect:/commitments/" + id;
            } catch (ConflictException closed) {
                model.addAttribute("conflict", closed.getBody().getDetail());
            } catch (RuleViolationException broken) {
                broken.rejectOn(errors);
            }
        }
        showDetail(caller, id, model);
        model.addAttribute("progressForm", ProgressForm.empty());
        return "commitments/detail";
    }

    @PostMapping("/commitments/{id}/challenges")
    String challenge(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID id,
            @Valid @ModelAttribute("challengeForm") ChallengeForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            challenges.post(caller, id, form.kind(), form.message());
            redirect.addFlashAttribute("notice", "Your challenge is posted. Only you and the owner see it.");
            return "redirect:/commitments/" + id + "#challenges";
        }
        showDetail(caller, id, model);
        model.addAttribute("progressForm", ProgressForm.empty());
        model.addAttribute("closeForm", new CloseForm(null, ""));
        return "commitments/detail";
    }

    @PostMapping("/challenges/{challengeId}/answer")
    String answer(
            @AuthenticationPrincipal Caller caller,
            @PathVariable UUID challengeId,
            @Valid @ModelAttribute("answerForm") AnswerForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        ChallengeView challenge = challenges.get(caller, challengeId);
        if (!errors.hasErrors()) {
            challenges.answer(caller, challengeId, form.message(), form.helpful());
            redirect.addFlashAttribute("notice", "Your answer is posted.");
            return "redirect:/commitments/" + challenge.commitmentId() + "#challenge-" + challengeId;
        }
        showDetail(caller, challenge.commitmentId(), model);
        model.addAttribute("answering", challengeId);
        model.addAttribute("progressForm", ProgressForm.empty());
        model.addAttribute("closeForm", new CloseForm(null, ""));
        return "commitments/detail";
    }

    private void showDetail(Caller caller, UUID id, Model model) {
        CommitmentView commitment = commitments.get(caller, id);
        Commitments.Rights rights = commitments.rights(caller, id);
        model.addAttribute("commitment", commitment);
        model.addAttribute("canChange", rights.change());
        // the most a page of challenges holds; the API pages through the rest
        model.addAttribute(
                "challenges", challenges.on(caller, id, null, Page.MOST).items());
        if (commitment.sharedWith() != null && commitment.visibility() == Visibility.PARTNERS) {
            model.addAttribute(
                    "sharedWithNames",
                    partnerships.sharable(caller).stream()
                            .filter(p -> commitment.sharedWith().contains(p.id()))
                            .map(p -> p.partnerName() + (p.status() == PartnershipStatus.ACTIVE ? "" : " (not active)"))
                            .toList());
        }
        model.addAttribute(
                "servedGoal",
                commitment.goalId() == null
                        ? null
                        : goals.find(caller, commitment.goalId()).orElse(null));
        model.addAttribute("canChallenge", rights.challenge());
        model.addAttribute("otherSide", rights.otherSide());
        model.addAttribute("canReport", rights.report());
        if (rights.change() && commitment.isOpen() && !people.me(caller).isGuest()) {
            model.addAttribute("canInviteCoOwner", true);
        }
        model.addAttribute("challengeKinds", ChallengeKind.values());
        if (!model.containsAttribute("challengeForm")) {
            model.addAttribute("challengeForm", new ChallengeForm(ChallengeKind.QUESTION, ""));
        }
        if (!model.containsAttribute("answerForm")) {
            model.addAttribute("answerForm", new AnswerForm("", null));
        }
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("confidences", Confidence.values());
    }

    private CommitmentView changeable(Caller caller, UUID id) {
        CommitmentView c = commitments.get(caller, id);
        if (!commitments.canChange(caller, id)) {
            throw new ForbiddenException("Only the owner of a commitment can change it.");
        }
        return c;
    }

    private static CommitmentFilter parseFilter(String status) {
        if (status == null || status.isBlank() || status.equals("ALL")) {
            return status == null ? CommitmentFilter.OPEN : null;
        }
        try {
            return CommitmentFilter.valueOf(status);
        } catch (IllegalArgumentException unknown) {
            return CommitmentFilter.OPEN;
        }
    }

    private static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
