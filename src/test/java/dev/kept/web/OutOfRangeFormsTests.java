package dev.kept.web;

import static dev.kept.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import dev.kept.access.Visibility;
import dev.kept.commitments.CommitmentDraft;
import dev.kept.commitments.Commitments;
import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.SignUp;
import java.io.UnsupportedEncodingException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Numbers and dates on the forms, out of range: the form comes back with the field's message and
 * nothing is saved, never a server error. A date input only sends four-digit years, but anyone can
 * post a year 999999999 or a weight of NaN.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OutOfRangeFormsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    People people;

    @Autowired
    Accounts accounts;

    @Autowired
    Commitments commitments;

    @Autowired
    JdbcClient jdbc;

    private Caller ada;
    private UUID commitment;

    /** A form posted with one field out of range; {@code {commitment}} in the path is Ada's. */
    record FormCase(String description, String path, Map<String, String> fields, String message, String table) {

        @Override
        public String toString() {
            return description;
        }
    }

    @BeforeEach
    void signUp() {
        Person admin = accounts.signUp(new SignUp(
                        "Acme", "Ada", "ada-" + UUID.randomUUID() + "@example.org", "analytical engine 1843", "UTC"))
                .admin();
        ada = new Caller(admin.getId(), admin.getOrganizationId(), admin.getName());
        commitment = commitments
                .make(
                        ada,
                        new CommitmentDraft(
                                "Publish the onboarding guide",
                                "Published in the handbook",
                                LocalDate.now().plusDays(14),
                                "New people start faster",
                                Visibility.PRIVATE,
                                List.of(),
                                null))
                .id();
    }

    static Stream<FormCase> cases() {
        String date = "must be a date (YYYY-MM-DD)";
        String tooSmall = "must be greater than or equal to 0";
        String tooLarge = "must be less than or equal to 100";
        String whole = "must be a whole number";
        return Stream.of(
                new FormCase(
                        "a commitment due in the year 999999999",
                        "/commitments",
                        commitment("+999999999-12-31"),
                        date,
                        "commitment"),
                new FormCase(
                        "a commitment due in the year 0", "/commitments", commitment("0000-12-31"), date, "commitment"),
                new FormCase("a goal due in the year 999999999", "/goals", goal("+999999999-12-31"), date, "goal"),
                new FormCase(
                        "a weight of NaN",
                        "/matching",
                        program("growthMetByStrength", "NaN"),
                        tooSmall,
                        "matching_program"),
                new FormCase(
                        "an infinite weight",
                        "/matching",
                        program("mutualRespect", "Infinity"),
                        tooLarge,
                        "matching_program"),
                new FormCase(
                        "a weight past the doubles",
                        "/matching",
                        program("otherTeam", "1e999"),
                        tooLarge,
                        "matching_program"),
                new FormCase(
                        "progress past the integers",
                        "/commitments/{commitment}/progress",
                        fields("percent", "99999999999", "confidence", "ON_TRACK"),
                        whole,
                        "progress_update"),
                new FormCase(
                        "reminder hours past the integers",
                        "/settings/notifications",
                        fields("checkInReminderHours", "99999999999"),
                        whole,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void showsTheFormAgainWithTheFieldsMessage(FormCase form) throws UnsupportedEncodingException {
        long before = rows(form.table());
        var request = mvc.post()
                .uri(form.path().replace("{commitment}", commitment.toString()))
                .with(as(ada))
                .with(csrf());
        for (Map.Entry<String, String> field : form.fields().entrySet()) {
            request = request.param(field.getKey(), field.getValue());
        }

        MvcTestResult result = request.exchange();

        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentAsString()).contains(form.message());
        assertThat(rows(form.table())).isEqualTo(before);
    }

    private long rows(String table) {
        if (table == null) {
            return 0;
        }
        return jdbc.sql("select count(*) from " + table + " where organization_id = :organization")
                .param("organization", ada.organizationId())
                .query(Long.class)
                .single();
    }

    private static Map<String, String> commitment(String due) {
        return fields(
                "what", "Publish the onboarding guide",
                "doneWhen", "Published in the handbook",
                "due", due,
                "why", "New people start faster",
                "visibility", "PRIVATE");
    }

    private static Map<String, String> goal(String due) {
        return fields(
                "title", "Halve the onboarding time",
                "why", "New people start faster",
                "doneWhen", "New people ship in their first week",
                "due", due);
    }

    /** The new program form with the default rules and weights, one field changed. */
    private static Map<String, String> program(String field, String value) {
        Map<String, String> form = fields(
                "name", "Spring partners",
                "team", "OTHER_TEAM_PREFERRED",
                "region", "NO_PREFERENCE",
                "growthMetByStrength", "3",
                "mutualRespect", "2",
                "otherTeam", "1",
                "regionPreference", "0.5",
                "levelCloseness", "1",
                "workingHoursOverlap", "2",
                "sameCadence", "0.5");
        form.put(field, value);
        return form;
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }
}
