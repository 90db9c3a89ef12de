package dev.kept.matching.programs;

import static dev.kept.SignedIn.as;
import static dev.kept.SignedIn.callerOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.matching.ProgramRules;
import dev.kept.matching.programs.ProposalRows.Run;
import dev.kept.partnerships.Partnering;
import dev.kept.partnerships.Partnerships;
import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.Invitations;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.PersonDetails;
import dev.kept.people.SignUp;
import dev.kept.shared.Page;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The matching pages as admins and members use them: a new program from the form, opting in with
 * a profile, the run with its pairs and reasons, a match accepted by both (and the partnership
 * appearing), and every refusal shown on the form; competitor declarations never on anyone else's
 * page.
 *
 * <p>The organization: Ada (admin), Mia manages Rex; Pat, Sam and Cody are members. Sam declared
 * Cody a competitor.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MatchingPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    People people;

    @Autowired
    Accounts accounts;

    @Autowired
    Invitations invites;

    @Autowired
    Partnerships partnerships;

    @Autowired
    Partnering partnering;

    @Autowired
    MatchingPrograms programs;

    @Autowired
    ProposalRows rows;

    private String suffix;
    private Caller ada;
    private Caller mia;
    private Caller rex;
    private Caller pat;
    private Caller sam;
    private Caller cody;

    @BeforeEach
    void organization() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        ada = callerOf(accounts.signUp(
                        new SignUp("Acme " + suffix, "Ada Admin", email("ada"), "analytical engine 1843", "UTC"))
                .admin());
        mia = member("Mia Manager", null);
        rex = member("Rex Report", mia.personId());
        pat = member("Pat Peer", null);
        sam = member("Sam Same", null);
        cody = member("Cody Rival", null);
    }

    @Test
    void adminCreatesAProgramFromTheFormAndMembersSeeIt() {
        MvcTestResult created = postProgram(
                ada,
                "name",
                "Spring partners " + suffix,
                "avoidPreviousPartners",
                "true",
                "largestLevelGap",
                "3",
                "coachIds",
                pat.personId().toString());

        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/matching/[0-9a-f-]{36}");
        String page = body(mvc.get().uri(location).with(as(ada)));
        assertThat(page)
                .contains("<h1>Spring partners " + suffix + "</h1>")
                .contains("0 people are in")
                .contains("At most 3 levels apart.")
                .contains("Coaches for anyone left without a partner:")
                .contains("Match now");
        String list = body(mvc.get().uri("/matching").with(as(sam)));
        assertThat(list)
                .contains("Spring partners " + suffix)
                .contains("you can opt in")
                .doesNotContain("New program");
        assertThat(body(mvc.get().uri(location).with(as(sam))))
                .contains("<h2>Opt in</h2>")
                .doesNotContain("Match now");
        assertThat(body(mvc.get().uri("/matching").with(as(ada)))).contains("<a href=\"/matching\">Matching</a>");
    }

    @Test
    void showsEveryProblemOfTheProgramFormOnTheForm() {
        MvcTestResult refused = postProgram(
                ada, "name", " ", "largestLevelGap", "-2", "growthMetByStrength", "-1", "mutualRespect", "NaN");

        assertThat(refused).hasStatusOk();
        String page = body(refused);
        assertThat(page)
                .contains("The program was not created: see below.")
                .doesNotContain("Exception")
                .doesNotContain("at dev.kept");
        assertThat(errorAfter(page, "id=\"name\"")).isNotBlank();
        assertThat(errorAfter(page, "id=\"largestLevelGap\"")).isNotBlank();
        assertThat(errorAfter(page, "id=\"growthMetByStrength\"")).isNotBlank();
        assertThat(errorAfter(page, "id=\"mutualRespect\"")).isNotBlank();
        MvcTestResult notANumber = postProgram(ada, "workingHoursOverlap", "abc");
        assertThat(notANumber).hasStatusOk();
        assertThat(errorAfter(body(notANumber), "id=\"workingHoursOverlap\"")).isNotBlank();

        MvcTestResult past = postProgram(ada, "optInUntil", "2020-01-01");
        assertThat(errorAfter(body(past), "id=\"optInUntil\"")).contains("must be in the future");
        assertThat(programs.list(ada, null, 10).items()).isEmpty();

        assertThat(postProgram(sam)).hasStatus(403);
        assertThat(programs.list(ada, null, 10).items()).isEmpty();
    }

    /** Posts the new program form with the default rules and weights, and the given fields in pairs. */
    private MvcTestResult postProgram(Caller caller, String... fields) {
        java.util.Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("name", "A program " + suffix);
        form.put("team", "OTHER_TEAM_PREFERRED");
        form.put("region", "NO_PREFERENCE");
        form.put("growthMetByStrength", "3");
        form.put("mutualRespect", "2");
        form.put("otherTeam", "1");
        form.put("regionPreference", "0.5");
        form.put("levelCloseness", "1");
        form.put("workingHoursOverlap", "2");
        form.put("sameCadence", "0.5");
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        var request = mvc.post().uri("/matching").with(as(caller)).with(csrf());
        for (java.util.Map.Entry<String, String> field : form.entrySet()) {
            request = request.param(field.getKey(), field.getValue());
        }
        return request.exchange();
    }

    @Test
    void memberOptsInWithPrefilledStrengthsAndSeesRefusalsOnTheForm() {
        accounts.updateStrengths(sam, List.of("sql", "hiring"));
        UUID program = program("Prefilled");

        String form = body(mvc.get().uri("/matching/" + program).with(as(sam)));
        assertThat(form)
                .contains(
                        "id=\"strengths\" maxlength=\"500\" placeholder=\"e.g. sql, hiring\" name=\"strengths\" value=\"hiring, sql\"")
                .contains("value=\"UTC\"");

        MvcTestResult badZone = optIn(sam, program, "sql", "go", "Mars/Olympus");
        assertThat(badZone).hasStatusOk();
        assertThat(body(badZone)).contains("Nothing was saved: see below.").contains("There is no such time zone");

        MvcTestResult saved = optIn(
                sam,
                program,
                "sql",
                "go",
                "Europe/Berlin",
                "competitors",
                cody.personId().toString());
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(partnering.competitors(sam)).containsExactly(cody.personId());
        assertThat(programs.profile(sam, program).growthAreas()).containsExactly("go");
        String mine = body(mvc.get().uri("/matching/" + program).with(as(sam)));
        assertThat(mine).contains("<h2>Your profile</h2>").contains("1 person is in");
        assertThat(checkbox(mine, "competitors", cody)).contains("checked");
        for (Caller other : List.of(cody, ada, pat)) {
            String theirs = body(mvc.get().uri("/matching/" + program).with(as(other)));
            assertThat(theirs).doesNotContain("checked=\"checked\"").doesNotContain("name=\"competitors\"");
        }
    }

    @Test
    void namesPeopleToRespectAndCompetitorsByEmailAndShowsOnlyThoseNamed() {
        UUID program = program("By e-mail " + suffix);

        MvcTestResult unknown = optIn(sam, program, "sql", "go", "UTC", "respectEmail", "nobody@example.org");
        assertThat(unknown).hasStatusOk();
        assertThat(errorAfter(body(unknown), "id=\"respectEmail\""))
                .contains("There is no one with this e-mail address");
        MvcTestResult saved = optIn(
                sam,
                program,
                "sql",
                "go",
                "UTC",
                "respectEmail",
                email("pat.peer"),
                "competitorEmail",
                email("cody.rival"));

        assertThat(saved).hasStatus3xxRedirection();
        assertThat(programs.profile(sam, program).respects()).containsExactly(pat.personId());
        assertThat(partnering.competitors(sam)).containsExactly(cody.personId());
        String page = body(mvc.get().uri("/matching/" + program).with(as(sam)));
        assertThat(checkbox(page, "respects", pat)).contains("checked");
        assertThat(checkbox(page, "competitors", cody)).contains("checked");
        assertThat(page)
                .as("the form names those chosen, not the whole organization")
                .doesNotContain("Rex Report")
                .doesNotContain("Mia Manager");

        MvcTestResult unticked = optIn(
                sam, program, "sql", "go", "UTC", "respects", pat.personId().toString());
        assertThat(unticked).hasStatus3xxRedirection();
        assertThat(partnering.competitors(sam))
                .as("every competitor box unticked")
                .isEmpty();
        assertThat(programs.profile(sam, program).respects()).containsExactly(pat.personId());
    }

    @Test
    void adminNamesCoachesByEmailOnTheFormsAndTheProgramPage() {
        MvcTestResult created = postProgram(ada, "name", "Coached " + suffix, "coachEmail", email("mia.manager"));
        assertThat(created).hasStatus3xxRedirection();
        UUID program = UUID.fromString(created.getResponse().getRedirectedUrl().substring("/matching/".length()));
        assertThat(programs.get(ada, program).coaches())
                .extracting(Views.PersonRef::name)
                .containsExactly("Mia Manager");
        MvcTestResult unknown = postProgram(ada, "name", "Nobody " + suffix, "coachEmail", "nobody@example.org");
        assertThat(errorAfter(body(unknown), "id=\"coachEmail\"")).contains("There is no one with this e-mail");

        String edit = body(mvc.get().uri("/matching/" + program + "/edit").with(as(ada)));
        assertThat(checkbox(edit, "coachIds", mia)).contains("checked");
        assertThat(edit).doesNotContain("Rex Report");

        MvcTestResult added = mvc.post()
                .uri("/matching/" + program + "/coaches")
                .with(as(ada))
                .with(csrf())
                .param("coachIds", mia.personId().toString())
                .param("coachEmail", email("pat.peer"))
                .exchange();
        assertThat(added).flash().containsEntry("notice", "The coaches are saved.");
        assertThat(programs.get(ada, program).coaches())
                .extracting(Views.PersonRef::id)
                .containsExactlyInAnyOrder(mia.personId(), pat.personId());
        MvcTestResult refused = mvc.post()
                .uri("/matching/" + program + "/coaches")
                .with(as(ada))
                .with(csrf())
                .param("coachEmail", "nobody@example.org")
                .exchange();
        assertThat(refused).flash().containsKey("problem");
        String page = body(mvc.get().uri("/matching/" + program).with(as(ada)));
        assertThat(checkbox(page, "coachIds", pat)).contains("checked");
        assertThat(page).doesNotContain("Rex Report");
    }

    @Test
    void theProgramsShowAFirstPageAndShowMore() {
        for (int i = 0; i < Page.DEFAULT + 2; i++) {
            program("Many " + i + " " + suffix);
        }

        String page = body(mvc.get().uri("/matching").with(as(sam)));

        assertThat(count(page, "href=\"/matching/")).isEqualTo(Page.DEFAULT);
        String more = moreHref(page, "programs");
        String rest = body(mvc.get().uri(more).header("HX-Request", "true").with(as(sam)));
        assertThat(count(rest, "href=\"/matching/")).isEqualTo(2);
        assertThat(rest)
                .contains("id=\"more-programs\"")
                .doesNotContain("Show more")
                .doesNotContain("<html");
        String plain = body(mvc.get().uri(more).with(as(sam)));
        assertThat(plain)
                .contains("<h1>Matching</h1>")
                .contains("Many 0 " + suffix)
                .doesNotContain("Many 2 " + suffix);
        assertThat(body(mvc.get().uri("/matching?list=programs&cursor=forged").with(as(sam))))
                .as("a forged cursor starts the list over")
                .contains("Many " + (Page.DEFAULT + 1) + " " + suffix);
    }

    @Test
    void aRunShowsItsCountsAndAFirstPageOfEachListWithShowMore() {
        UUID program = program("Large run " + suffix);
        Run run = new Run(UUID.randomUUID(), program, 3.5, java.time.Instant.now());
        rows.insertRun(ada.organizationId(), run, ada.personId(), List.of(rex.personId()));
        List<Caller> pool = List.of(pat, sam, mia, cody);
        int pairs = Page.DEFAULT + 3;
        for (int i = 0; i < pairs; i++) {
            UUID a = pool.get(i % 4).personId();
            UUID b = pool.get((i + 1) % 4).personId();
            rows.insertProposal(
                    ada.organizationId(),
                    new ProposalRows.Proposal(
                            UUID.randomUUID(),
                            program,
                            run.id(),
                            i,
                            ProposalKind.PAIR,
                            ProposalStatus.PENDING,
                            List.of(new ProposalRows.Member(a, null), new ProposalRows.Member(b, null)),
                            List.of(new dev.kept.matching.Pair(a, b, 1.0, List.of("Reason " + i))),
                            run.createdAt()),
                    i);
        }
        String path = "/matching/" + program + "/runs/" + run.id();

        String page = body(mvc.get().uri(path).with(as(ada)));

        assertThat(page)
                .contains("<dd class=\"pairs\">" + pairs + "</dd>")
                .contains("<dd class=\"unmatched\">1</dd>")
                .contains(pairs + " waiting, 0 accepted, 0 declined, 0 withdrawn")
                .contains("Pat Peer and Sam Same")
                .contains("Rex Report");
        assertThat(count(page, "class=\"pair\"")).isEqualTo(Page.DEFAULT);
        String rest = body(mvc.get()
                .uri(moreHref(page, "pairs"))
                .header("HX-Request", "true")
                .with(as(ada)));
        assertThat(count(rest, "class=\"pair\"")).isEqualTo(3);
        assertThat(rest).contains("Reason " + (pairs - 1)).doesNotContain("Show more");
        assertThat(mvc.get().uri(moreHref(page, "pairs")).with(as(pat)).exchange())
                .hasStatus(403);
        String overview = body(mvc.get().uri("/matching/" + program).with(as(ada)));
        assertThat(overview).contains("Match now").contains(">" + pairs + "</td>");
    }

    private static int count(String page, String text) {
        int count = 0;
        for (int at = page.indexOf(text); at >= 0; at = page.indexOf(text, at + 1)) {
            count++;
        }
        return count;
    }

    // the address of a list's "Show more" link
    private static String moreHref(String page, String list) {
        java.util.regex.Matcher more = java.util.regex.Pattern.compile(
                        "id=\"more-" + list + "\"[^>]*><a href=\"([^\"]+)\"")
                .matcher(page);
        assertThat(more.find()).as("a Show more link for " + list).isTrue();
        return more.group(1).replace("&amp;", "&");
    }

    @Test
    void runShowsPairsWithReasonsAndBothAcceptingMakesThemPartners() {
        UUID program = program("Run " + suffix);
        optIn(pat, program, "kotlin", "negotiation", "UTC");
        optIn(sam, program, "negotiation", "kotlin", "UTC");
        optIn(mia, program, "sql", "design", "UTC");
        optIn(cody, program, "design", "sql", "UTC");

        MvcTestResult ran = mvc.post()
                .uri("/matching/" + program + "/runs")
                .with(as(ada))
                .with(csrf())
                .exchange();
        assertThat(ran).hasStatus3xxRedirection();
        String runPage =
                body(mvc.get().uri(ran.getResponse().getRedirectedUrl()).with(as(ada)));
        assertThat(runPage)
                .containsAnyOf("Pat Peer and Sam Same", "Sam Same and Pat Peer")
                .contains("Pat Peer&#39;s strength in kotlin meets Sam Same&#39;s wish to grow in it")
                .containsAnyOf("Mia Manager and Cody Rival", "Cody Rival and Mia Manager");
        assertThat(mvc.get()
                        .uri(ran.getResponse().getRedirectedUrl())
                        .with(as(pat))
                        .exchange())
                .hasStatus(403);

        Views.ProposalView match = programs.proposals(pat, null, 10).items().get(0);
        String matchPage =
                body(mvc.get().uri("/matching/proposals/" + match.id()).with(as(pat)));
        assertThat(matchPage)
                .contains("<span class=\"with\">Sam Same</span>")
                .contains("Sam Same&#39;s strength in negotiation meets Pat Peer&#39;s wish to grow in it")
                .contains("Accept</button>")
                .contains("Decline</button>");
        assertThat(mvc.get()
                        .uri("/matching/proposals/" + match.id())
                        .with(as(ada))
                        .exchange())
                .hasStatus(404);
        assertThat(body(mvc.get().uri("/matching").with(as(pat)))).contains("your answer is awaited");

        accept(pat, match.id());
        assertThat(body(mvc.get().uri("/matching/proposals/" + match.id()).with(as(pat))))
                .contains("You accepted. Waiting for the others.");
        accept(sam, match.id());

        assertThat(body(mvc.get().uri("/matching/proposals/" + match.id()).with(as(sam))))
                .contains("Everyone accepted");
        String partners = body(mvc.get().uri("/partnerships").with(as(sam)));
        assertThat(partners).contains(">Pat Peer</a>").contains(">Active</span>");
        MvcTestResult again = mvc.post()
                .uri("/matching/proposals/" + match.id() + "/decline")
                .with(as(sam))
                .with(csrf())
                .exchange();
        assertThat(again).hasStatus3xxRedirection();
        assertThat(again).flash().containsKey("problem");
    }

    @Test
    void aMatchTheRulesNoLongerAllowIsWithdrawnWhenAnsweredAndThePageSaysSoWithoutWhy() {
        UUID program = program("Withdrawn " + suffix);
        optIn(pat, program, "kotlin", "negotiation", "UTC");
        optIn(sam, program, "negotiation", "kotlin", "UTC");
        programs.run(ada, program);
        UUID match = programs.proposals(pat, null, 10).items().get(0).id();
        partnering.declareCompetitors(sam, List.of(pat.personId()));

        MvcTestResult answered = mvc.post()
                .uri("/matching/proposals/" + match + "/accept")
                .with(as(pat))
                .with(csrf())
                .exchange();

        assertThat(answered).hasStatus3xxRedirection();
        assertThat(answered)
                .flash()
                .containsEntry("notice", "This match can no longer be formed. The next run matches you again.");
        for (Caller person : List.of(pat, sam)) {
            String page = body(mvc.get().uri("/matching/proposals/" + match).with(as(person)));
            assertThat(page)
                    .contains(">Withdrawn</span>")
                    .contains("This match can no longer be formed")
                    .doesNotContain("Accept</button>")
                    .doesNotContainIgnoringCase("compet");
        }
    }

    @Test
    void adminChangesAProgramFromItsFormPrefilledWithTheCurrentSettings() {
        UUID program = program("Before " + suffix);
        assertThat(mvc.get().uri("/matching/" + program + "/edit").with(as(pat)).exchange())
                .hasStatus(403);
        String form = body(mvc.get().uri("/matching/" + program + "/edit").with(as(ada)));
        assertThat(form).contains("value=\"Before " + suffix + "\"").contains("Save the changes");

        MvcTestResult refused = postEdit(program, "name", " ", "growthMetByStrength", "101");
        assertThat(refused).hasStatusOk();
        assertThat(body(refused)).contains("Nothing was changed");
        assertThat(programs.get(ada, program).name()).isEqualTo("Before " + suffix);

        MvcTestResult saved =
                postEdit(program, "name", "After " + suffix, "growthMetByStrength", "4", "optInUntil", "2099-01-15");
        assertThat(saved).hasStatus3xxRedirection();
        assertThat(saved).flash().containsEntry("notice", "The program's settings are saved.");
        Views.ProgramView changed = programs.get(ada, program);
        assertThat(changed.name()).isEqualTo("After " + suffix);
        assertThat(changed.weights().growthMetByStrength()).isEqualTo(4.0);
        assertThat(changed.rules().team()).isEqualTo(ProgramRules.TeamRule.OTHER_TEAM_PREFERRED);
        assertThat(changed.optInUntil()).isEqualTo(java.time.Instant.parse("2099-01-16T00:00:00Z"));
        assertThat(body(mvc.get().uri("/matching/" + program + "/edit").with(as(ada))))
                .as("the deadline shown again, so saving the form unchanged keeps it")
                .contains("value=\"2099-01-15\"");
    }

    private MvcTestResult postEdit(UUID program, String... fields) {
        var request = mvc.post()
                .uri("/matching/" + program + "/edit")
                .with(as(ada))
                .with(csrf())
                .param("team", "OTHER_TEAM_PREFERRED")
                .param("region", "NO_PREFERENCE")
                .param("mutualRespect", "2")
                .param("otherTeam", "1")
                .param("regionPreference", "1")
                .param("levelCloseness", "1")
                .param("workingHoursOverlap", "1")
                .param("sameCadence", "1");
        for (int i = 0; i < fields.length; i += 2) {
            request = request.param(fields[i], fields[i + 1]);
        }
        return request.exchange();
    }

    private void accept(Caller caller, UUID proposal) {
        assertThat(mvc.post()
                        .uri("/matching/proposals/" + proposal + "/accept")
                        .with(as(caller))
                        .with(csrf())
                        .exchange())
                .hasStatus3xxRedirection();
    }

    private UUID program(String name) {
        return programs.create(
                        ada,
                        new ProgramDraft(
                                name,
                                null,
                                null,
                                new ProgramDraft.RulesDraft(true, ProgramRules.TeamRule.NO_PREFERENCE, null, null),
                                null,
                                null))
                .id();
    }

    private MvcTestResult optIn(
            Caller caller, UUID program, String strengths, String growth, String zone, String... more) {
        var request = mvc.post()
                .uri("/matching/" + program + "/participants")
                .with(as(caller))
                .with(csrf())
                .param("strengths", strengths)
                .param("growthAreas", growth)
                .param("timeZone", zone)
                .param("preferredCadence", "");
        for (int i = 0; i < more.length; i += 2) {
            request = request.param(more[i], more[i + 1]);
        }
        return request.exchange();
    }

    private static String errorAfter(String page, String field) {
        int at = page.indexOf(field);
        assertThat(at).as("the page has " + field).isNotNegative();
        int error = page.indexOf("<p class=\"error\">", at);
        int next = page.indexOf("<label", at);
        assertThat(error).as("an error after " + field).isPositive();
        if (next > 0) {
            assertThat(error)
                    .as("the error of " + field + " before the next field")
                    .isLessThan(next);
        }
        return page.substring(error + "<p class=\"error\">".length(), page.indexOf("</p>", error));
    }

    private static String checkbox(String page, String name, Caller person) {
        String start = "name=\"" + name + "\" value=\"" + person.personId() + "\"";
        int at = page.indexOf(start);
        assertThat(at).as("the page has " + start).isNotNegative();
        return page.substring(at, page.indexOf(">", at));
    }

    private Caller member(String name, UUID managerId) {
        Person person = invites.invite(
                ada,
                new PersonDetails(
                        name, email(name.toLowerCase().replace(' ', '.')), null, null, null, managerId, null));
        return callerOf(person);
    }

    private String email(String name) {
        return name + "-" + suffix + "@example.org";
    }

    private static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MockMvcTester.MockMvcRequestBuilder request) {
        MvcTestResult result = request.exchange();
        assertThat(result).hasStatusOk();
        return body(result);
    }
}
