package dev.kept.people;

import static dev.kept.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@SpringBootTest
@AutoConfigureMockMvc
class PeopleImportPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    People people;

    @Autowired
    Accounts accounts;

    private Caller admin;
    private String suffix;

    @BeforeEach
    void signUp() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        Person founder = accounts.signUp(new SignUp(
                        "Import " + suffix,
                        "Ada",
                        "ada-" + suffix + "@example.org",
                        "analytical engine 1843",
                        "Europe/Paris"))
                .admin();
        admin = new Caller(founder.getId(), founder.getOrganizationId(), founder.getName());
    }

    @Test
    void adminUploadsAFileSeesThePreviewAndAppliesIt() throws Exception {
        String csv = "email,name,team,manager\n"
                + "grace-" + suffix + "@example.org,Grace,Navy,ada-" + suffix + "@example.org\n"
                + "alan-" + suffix + "@example.org,Alan,,grace-" + suffix + "@example.org\n";

        MvcTestResult preview = mvc.post()
                .uri("/people/import")
                .multipart()
                .file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(as(admin))
                .with(csrf())
                .exchange();

        assertThat(preview).hasStatusOk();
        assertThat(preview).bodyText().contains("create and invite").contains("New teams: Navy");
        assertThat(people.people(admin)).hasSize(1);
        Matcher token = Pattern.compile("name=\"token\" value=\"([0-9a-f-]+)\"")
                .matcher(preview.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(token.find()).isTrue();

        MvcTestResult applied = mvc.post()
                .uri("/people/import/apply")
                .param("token", token.group(1))
                .with(as(admin))
                .with(csrf())
                .exchange();

        assertThat(applied).hasStatus3xxRedirection();
        assertThat(people.people(admin)).extracting(Person::getName).containsExactlyInAnyOrder("Ada", "Grace", "Alan");
        assertThat(mvc.post()
                        .uri("/people/import/apply")
                        .param("token", token.group(1))
                        .with(as(admin))
                        .with(csrf()))
                .hasStatus(404);
    }

    @Test
    void showsTheProblemOfAFileItCannotReadAndEachRowsProblems() {
        MvcTestResult empty = upload(new byte[0]);
        MvcTestResult notUtf8 = upload("email,name\nzoe@x.example,Zoë\n".getBytes(StandardCharsets.ISO_8859_1));
        MvcTestResult badRows = upload("email,name\nnot-an-address,Nobody\n".getBytes(StandardCharsets.UTF_8));

        assertThat(empty).hasStatusOk();
        assertThat(empty).bodyText().contains("The file is empty");
        assertThat(notUtf8).bodyText().contains("not in UTF-8");
        assertThat(badRows).bodyText().contains("is not an e-mail address").doesNotContain("name=\"token\"");
    }

    @Test
    void adminInvitesFromATextAreaAndSeesWhoHasNotJoined() {
        String text = "Grace Hopper <grace-" + suffix + "@example.org>\n\nalan-" + suffix + "@example.org\n";

        MvcTestResult invited = mvc.post()
                .uri("/people/invitations")
                .param("invitees", text)
                .with(as(admin))
                .with(csrf())
                .exchange();
        MvcTestResult refused = mvc.post()
                .uri("/people/invitations")
                .param("invitees", "ok-" + suffix + "@example.org\nnonsense")
                .with(as(admin))
                .with(csrf())
                .exchange();

        assertThat(invited).hasStatus3xxRedirection();
        assertThat(refused).hasStatusOk();
        assertThat(refused).bodyText().contains("Nobody was invited").contains("line 2");
        assertThat(mvc.get().uri("/people/invitations").with(as(admin)))
                .bodyText()
                .contains("Not joined yet (2)")
                .contains("Grace Hopper")
                .contains("alan-" + suffix + "@example.org");
    }

    private MvcTestResult upload(byte[] content) {
        return mvc.post()
                .uri("/people/import")
                .multipart()
                .file(new MockMultipartFile("file", "people.csv", "text/csv", content))
                .with(as(admin))
                .with(csrf())
                .exchange();
    }
}
