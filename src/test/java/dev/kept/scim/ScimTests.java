package dev.kept.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ErrorResponse;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.Manager;
import com.unboundid.scim2.common.types.Member;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.kept.ApiFixtures;
import dev.kept.ApiFixtures.Account;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Directory sync as Microsoft Entra ID and Okta drive it, through the SCIM 2 SDK's client (and raw
 * SCIM JSON where an identity provider sends what the SDK would not): users created, found by
 * userName, replaced and patched, moved to another manager, deactivated (their live session and
 * API token stop), groups as teams, and every bad request answered in the SCIM error schema.
 */
@KeptApiTest
class ScimTests {

    private static final MediaType SCIM_JSON = MediaType.parseMediaType("application/scim+json");
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    @Autowired
    ApiFixtures api;

    @Autowired
    Environment environment;

    @Autowired
    RequestMappingHandlerAdapter handlers;

    Account admin;
    String token;
    ScimService scim;

    @BeforeEach
    void anOrganizationWithADirectorySyncToken() {
        admin = api.signUp();
        token = api.post(admin.token(), "/api/v1/scim-tokens", Map.of("name", "Entra ID"))
                .expect(201)
                .text("token");
        scim = ScimClients.connect(
                "http://localhost:" + environment.getRequiredProperty("local.server.port") + "/scim/v2", token);
    }

    private UserResource newUser(String given, String family) {
        String email = ApiFixtures.uniqueEmail(given.toLowerCase());
        UserResource user = new UserResource()
                .setUserName(email)
                .setName(new Name().setGivenName(given).setFamilyName(family))
                .setEmails(List.of(new Email().setValue(email).setType("work").setPrimary(true)));
        user.setExternalId("ext-" + UUID.randomUUID());
        return user;
    }

    private UserResource create(UserResource user) throws ScimException {
        return scim.create("Users", user);
    }

    private JsonNode person(String id) {
        return toJackson2(api.get(admin.token(), "/api/v1/people/" + id).expect(200));
    }

    private String teamNamed(String name) throws ScimException {
        return scim.searchRequest("Groups")
                .filter("displayName eq \"" + name + "\"")
                .invoke(GroupResource.class)
                .getResources()
                .get(0)
                .getId();
    }

    private ApiResponse raw(HttpMethod method, String bearer, String path, String body) {
        return api.send(method, bearer, path, body, SCIM_JSON);
    }

    private static JsonNode toJackson2(ApiResponse answer) {
        try {
            return JsonUtils.getObjectReader().readTree(answer.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + answer.body(), e);
        }
    }

    /** A SCIM error: the status, the SCIM error schema, parsed with the SDK's ErrorResponse. */
    private static ErrorResponse scimError(ApiResponse answer, int status) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType().toString()).startsWith("application/scim+json");
        try {
            ErrorResponse error =
                    JsonUtils.getObjectReader().forType(ErrorResponse.class).readValue(answer.body());
            assertThat(answer.body()).contains("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(error.getStatus()).isEqualTo(status);
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
            return error;
        } catch (IOException e) {
            throw new AssertionError("not a SCIM error: " + answer.body(), e);
        }
    }

    // --- users ---------------------------------------------------------------------------------

    @Test
    void createsAUserAsAnInvitedPersonWithTitleTeamAndExternalIdWithoutSendingMail() throws ScimException {
        UserResource user = newUser("Ada", "Lovelace").setTitle("Engineer");
        user.setExtension(new EnterpriseUserExtension().setDepartment("Platform"));

        UserResource created = create(user);

        assertThat(created.getId()).isNotBlank();
        assertThat(created.getUserName()).isEqualTo(user.getUserName());
        assertThat(created.getExternalId()).isEqualTo(user.getExternalId());
        assertThat(created.getActive()).isTrue();
        assertThat(created.getMeta().getResourceType()).isEqualTo("User");
        assertThat(created.getMeta().getLocation().toString()).endsWith("/scim/v2/Users/" + created.getId());
        assertThat(created.getMeta().getCreated()).isNotNull();
        assertThat(created.getMeta().getLastModified()).isNotNull();
        assertThat(created.getMeta().getVersion()).isNotBlank();
        assertThat(created.getExtension(EnterpriseUserExtension.class).getDepartment())
                .isEqualTo("Platform");
        JsonNode person = person(created.getId());
        assertThat(person.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(person.get("email").asText()).isEqualTo(user.getUserName());
        assertThat(person.get("title").asText()).isEqualTo("Engineer");
        assertThat(person.get("status").asText()).isEqualTo("INVITED");
        assertThat(person.get("teamId").asText()).isEqualTo(teamNamed("Platform"));
        assertThat(api.mailsTo(user.getUserName())).as("no invitation e-mail").isEmpty();

        UserResource read = scim.retrieve("Users", created.getId(), UserResource.class);
        assertThat(read.getDisplayName()).isEqualTo("Ada Lovelace");
    }

    @Test
    void findsAUserByUserNameExternalIdEmailAndActiveAndPagesFromOne() throws ScimException {
        UserResource ada = create(newUser("Ada", "Lovelace"));
        create(newUser("Grace", "Hopper"));
        create(newUser("Alan", "Turing"));

        ListResponse<UserResource> byName = scim.searchRequest("Users")
                .filter("userName eq \"" + ada.getUserName().toUpperCase() + "\"")
                .invoke(UserResource.class);
        assertThat(byName.getTotalResults()).isEqualTo(1);
        assertThat(byName.getResources().get(0).getId()).isEqualTo(ada.getId());
        assertThat(scim.searchRequest("Users")
                        .filter("externalId eq \"" + ada.getExternalId() + "\"")
                        .invoke(UserResource.class)
                        .getResources())
                .extracting(UserResource::getId)
                .containsExactly(ada.getId());
        assertThat(scim.searchRequest("Users")
                        .filter("emails.value eq \"" + ada.getUserName() + "\"")
                        .invoke(UserResource.class)
                        .getTotalResults())
                .isEqualTo(1);
        assertThat(scim.searchRequest("Users")
                        .filter("userName eq \"nobody@nowhere.test\"")
                        .invoke(UserResource.class)
                        .getTotalResults())
                .isZero();
        assertThat(scim.searchRequest("Users")
                        .filter("active eq true")
                        .invoke(UserResource.class)
                        .getTotalResults())
                .as("the admin and three users")
                .isEqualTo(4);

        ListResponse<UserResource> first =
                scim.searchRequest("Users").page(1, 3).invoke(UserResource.class);
        ListResponse<UserResource> second =
                scim.searchRequest("Users").page(4, 3).invoke(UserResource.class);
        assertThat(first.getTotalResults()).isEqualTo(4);
        assertThat(first.getResources()).hasSize(3);
        assertThat(first.getStartIndex()).isEqualTo(1);
        assertThat(second.getResources()).hasSize(1);
        assertThat(second.getStartIndex()).isEqualTo(4);
        assertThat(first.getResources().get(0).getId())
                .isEqualTo(admin.personId().toString());
        assertThat(second.getResources().get(0).getId())
                .isNotIn(first.getResources().stream().map(UserResource::getId).toList());
        ApiResponse tooMany =
                raw(HttpMethod.GET, token, "/scim/v2/Users?count=100000", null).expect(200);
        assertThat(toJackson2(tooMany).get("itemsPerPage").asInt()).isEqualTo(4);
        scimError(raw(HttpMethod.GET, token, "/scim/v2/Users?startIndex=first", null), 400);
    }

    @Test
    void replacesAUserWithPut() throws ScimException {
        UserResource created = create(newUser("Ada", "Lovelace").setTitle("Engineer"));
        String newEmail = ApiFixtures.uniqueEmail("ada.king");
        created.setUserName(newEmail)
                .setName(new Name().setFormatted("Ada King"))
                .setEmails(List.of(new Email().setValue(newEmail).setPrimary(true)))
                .setTitle("Countess");

        UserResource replaced = scim.replace(created);

        assertThat(replaced.getUserName()).isEqualTo(newEmail);
        assertThat(replaced.getTitle()).isEqualTo("Countess");
        JsonNode person = person(created.getId());
        assertThat(person.get("name").asText()).isEqualTo("Ada King");
        assertThat(person.get("email").asText()).isEqualTo(newEmail);
        assertThat(person.get("title").asText()).isEqualTo("Countess");
    }

    @Test
    void patchesNamesTitleEmailsAndDepartmentAsEntraAndOktaSendThem() throws ScimException {
        UserResource created = create(newUser("Ada", "Lovelace"));
        String newEmail = ApiFixtures.uniqueEmail("countess");

        // Entra ID: one operation per attribute, capitalised booleans as text
        String entra = """
                {"schemas":["%s"],"Operations":[
                  {"op":"replace","path":"name.givenName","value":"Augusta"},
                  {"op":"replace","path":"name.familyName","value":"King"},
                  {"op":"replace","path":"title","value":"Countess"},
                  {"op":"replace","path":"emails[type eq \\"work\\"].value","value":"%s"},
                  {"op":"add","path":"%s:department","value":"Analytical Engines"},
                  {"op":"replace","path":"active","value":"True"}]}""".formatted(PATCH_OP, newEmail, ENTERPRISE);
        JsonNode patched = toJackson2(raw(HttpMethod.PATCH, token, "/scim/v2/Users/" + created.getId(), entra)
                .expect(200));

        assertThat(patched.get("userName").asText()).isEqualTo(newEmail);
        JsonNode person = person(created.getId());
        assertThat(person.get("name").asText()).isEqualTo("Augusta King");
        assertThat(person.get("title").asText()).isEqualTo("Countess");
        assertThat(person.get("email").asText()).isEqualTo(newEmail);
        assertThat(person.get("teamId").asText()).isEqualTo(teamNamed("Analytical Engines"));

        // Okta: a replace without a path, the SDK's client; then the title and team removed
        UserResource renamed = scim.modifyRequest("Users", created.getId())
                .replaceValue("displayName", "Ada Lovelace")
                .removeValues("title")
                .removeValues(ENTERPRISE + ":department")
                .invoke(UserResource.class);
        assertThat(renamed.getDisplayName()).isEqualTo("Ada Lovelace");
        person = person(created.getId());
        assertThat(person.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(person.get("title").isNull()).isTrue();
        assertThat(person.get("teamId").isNull()).isTrue();
    }

    @Test
    void movesAUserToAnotherManagerAndRefusesALoop() throws ScimException {
        UserResource first = create(newUser("First", "Manager"));
        UserResource second = create(newUser("Second", "Manager"));
        UserResource report = newUser("Re", "Port");
        report.setExtension(new EnterpriseUserExtension().setManager(new Manager().setValue(first.getId())));
        report = create(report);
        assertThat(person(report.getId()).get("managerId").asText()).isEqualTo(first.getId());

        // Entra ID sends the manager's id alone as the value
        String move = """
                {"schemas":["%s"],"Operations":[{"op":"replace","path":"%s:manager","value":"%s"}]}""".formatted(PATCH_OP, ENTERPRISE, second.getId());
        raw(HttpMethod.PATCH, token, "/scim/v2/Users/" + report.getId(), move).expect(200);
        assertThat(person(report.getId()).get("managerId").asText()).isEqualTo(second.getId());
        UserResource read = scim.retrieve("Users", report.getId(), UserResource.class);
        assertThat(read.getExtension(EnterpriseUserExtension.class).getManager().getValue())
                .isEqualTo(second.getId());

        String loop = """
                {"schemas":["%s"],"Operations":[{"op":"replace","path":"%s:manager","value":{"value":"%s"}}]}""".formatted(PATCH_OP, ENTERPRISE, report.getId());
        ErrorResponse refused = scimError(raw(HttpMethod.PATCH, token, "/scim/v2/Users/" + second.getId(), loop), 400);
        assertThat(refused.getScimType()).isEqualTo("invalidValue");
        assertThat(refused.getDetail()).contains("loop");
        assertThat(person(second.getId()).get("managerId").isNull()).isTrue();

        String removed = """
                {"schemas":["%s"],"Operations":[{"op":"remove","path":"%s:manager"}]}""".formatted(PATCH_OP, ENTERPRISE);
        raw(HttpMethod.PATCH, token, "/scim/v2/Users/" + report.getId(), removed)
                .expect(200);
        assertThat(person(report.getId()).get("managerId").isNull()).isTrue();
    }

    @Test
    void deactivationEndsTheLiveSessionAndTheApiTokenOfThePersonAndReactivationRestoresSignIn() throws ScimException {
        Account leaver = api.join(admin);
        String session = api.pageSession(leaver);
        assertThat(page(session).status()).isEqualTo(200);
        api.get(leaver.token(), "/api/v1/me").expect(200);
        UserResource found = scim.searchRequest("Users")
                .filter("userName eq \"" + leaver.email() + "\"")
                .invoke(UserResource.class)
                .getResources()
                .get(0);

        String entra = """
                {"schemas":["%s"],"Operations":[{"op":"Replace","path":"active","value":"False"}]}""".formatted(PATCH_OP);
        JsonNode patched = toJackson2(raw(HttpMethod.PATCH, token, "/scim/v2/Users/" + found.getId(), entra)
                .expect(200));

        assertThat(patched.get("active").asBoolean()).isFalse();
        ApiResponse next = page(session);
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.headers().getLocation().getPath()).isEqualTo("/login");
        api.get(leaver.token(), "/api/v1/me").expectProblem(401);
        assertThat(person(found.getId()).get("status").asText()).isEqualTo("DEACTIVATED");
        assertThat(scim.searchRequest("Users")
                        .filter("active eq false")
                        .invoke(UserResource.class)
                        .getResources())
                .extracting(UserResource::getId)
                .containsExactly(found.getId());

        UserResource back = scim.modifyRequest("Users", found.getId())
                .replaceValue("active", true)
                .invoke(UserResource.class);
        assertThat(back.getActive()).isTrue();
        assertThat(person(found.getId()).get("status").asText()).isEqualTo("ACTIVE");
        api.token(leaver.email(), leaver.password());
    }

    @Test
    void deleteDeactivatesAndKeepsThePerson() throws ScimException {
        UserResource created = create(newUser("Brief", "Stay"));

        scim.delete("Users", created.getId());

        assertThat(person(created.getId()).get("status").asText()).isEqualTo("DEACTIVATED");
        assertThat(scim.retrieve("Users", created.getId(), UserResource.class).getActive())
                .isFalse();
    }

    private ApiResponse page(String session) {
        return api.http()
                .get()
                .uri("/commitments")
                .header(HttpHeaders.COOKIE, session)
                .exchange((req, res) -> new ApiResponse(
                        res.getStatusCode().value(),
                        HttpHeaders.copyOf(res.getHeaders()),
                        new String(res.getBody().readAllBytes())));
    }

    // --- groups --------------------------------------------------------------------------------

    @Test
    void groupsAreTeamsWhoseMembersArePatchedAsIdentityProvidersDo() throws ScimException {
        UserResource ada = create(newUser("Ada", "Lovelace"));
        UserResource grace = create(newUser("Grace", "Hopper"));
        UserResource alan = create(newUser("Alan", "Turing"));
        String teamName = ApiFixtures.unique("Research");

        GroupResource group = scim.create(
                "Groups",
                new GroupResource()
                        .setDisplayName(teamName)
                        .setMembers(List.of(new Member().setValue(ada.getId()), new Member().setValue(grace.getId()))));

        assertThat(group.getMeta().getResourceType()).isEqualTo("Group");
        assertThat(group.getMembers())
                .extracting(Member::getValue)
                .containsExactlyInAnyOrder(ada.getId(), grace.getId());
        assertThat(person(ada.getId()).get("teamId").asText()).isEqualTo(group.getId());
        assertThat(scim.retrieve("Users", ada.getId(), UserResource.class)
                        .getExtension(EnterpriseUserExtension.class)
                        .getDepartment())
                .isEqualTo(teamName);

        // Entra ID: add one member, remove another by a value filter
        String patch = """
                {"schemas":["%s"],"Operations":[
                  {"op":"add","path":"members","value":[{"value":"%s"}]},
                  {"op":"remove","path":"members[value eq \\"%s\\"]"}]}""".formatted(PATCH_OP, alan.getId(), ada.getId());
        raw(HttpMethod.PATCH, token, "/scim/v2/Groups/" + group.getId(), patch).expect(200);

        GroupResource read = scim.retrieve("Groups", group.getId(), GroupResource.class);
        assertThat(read.getMembers())
                .extracting(Member::getValue)
                .containsExactlyInAnyOrder(grace.getId(), alan.getId());
        assertThat(person(ada.getId()).get("teamId").isNull()).isTrue();
        assertThat(person(alan.getId()).get("teamId").asText()).isEqualTo(group.getId());

        // Entra ID also removes members by value, and that removes those members only
        String entraRemoval = """
                {"schemas":["%s"],"Operations":[{"op":"Remove","path":"members","value":[{"value":"%s"}]}]}""".formatted(PATCH_OP, alan.getId());
        raw(HttpMethod.PATCH, token, "/scim/v2/Groups/" + group.getId(), entraRemoval)
                .expect(200);
        assertThat(scim.retrieve("Groups", group.getId(), GroupResource.class).getMembers())
                .extracting(Member::getValue)
                .containsExactly(grace.getId());
        GroupResource readded = scim.modifyRequest("Groups", group.getId())
                .addValues("members", new Member().setValue(alan.getId()))
                .invoke(GroupResource.class);
        assertThat(readded.getMembers())
                .extracting(Member::getValue)
                .containsExactlyInAnyOrder(grace.getId(), alan.getId());

        ListResponse<GroupResource> byName = scim.searchRequest("Groups")
                .filter("displayName eq \"" + teamName + "\"")
                .invoke(GroupResource.class);
        assertThat(byName.getResources()).extracting(GroupResource::getId).containsExactly(group.getId());

        // Okta: the whole group replaced
        read.setDisplayName(teamName + " Lab").setMembers(List.of(new Member().setValue(ada.getId())));
        GroupResource replaced = scim.replace(read);
        assertThat(replaced.getDisplayName()).isEqualTo(teamName + " Lab");
        assertThat(replaced.getMembers()).extracting(Member::getValue).containsExactly(ada.getId());
        assertThat(person(grace.getId()).get("teamId").isNull()).isTrue();

        GroupResource other = scim.create(
                "Groups",
                new GroupResource()
                        .setDisplayName(ApiFixtures.unique("Other"))
                        .setMembers(List.of(new Member().setValue(ada.getId()))));
        assertThat(person(ada.getId()).get("teamId").asText())
                .as("a person is in one team: joining a group moves them")
                .isEqualTo(other.getId());

        scim.delete("Groups", other.getId());
        assertThat(person(ada.getId()).get("teamId").isNull()).isTrue();
        assertThat(scim.retrieve("Groups", other.getId(), GroupResource.class).getMembers())
                .isNullOrEmpty();
    }

    // --- discovery -----------------------------------------------------------------------------

    @Test
    void answersHoldOnlyTheAttributesAskedForOrLeaveOutThoseExcluded() throws ScimException {
        UserResource ada = create(newUser("Ada", "Lovelace"));
        UserResource grace = newUser("Grace", "Hopper").setTitle("Rear admiral");
        grace.setExtension(
                new EnterpriseUserExtension().setDepartment("Navy").setManager(new Manager().setValue(ada.getId())));
        grace = create(grace);
        String teamName = ApiFixtures.unique("Compilers");
        GroupResource group = scim.create(
                "Groups",
                new GroupResource()
                        .setDisplayName(teamName)
                        .setMembers(List.of(new Member().setValue(ada.getId()), new Member().setValue(grace.getId()))));

        // a group without its members, as Entra ID reads one
        GenericScimResource bare = scim.retrieveRequest("Groups", group.getId())
                .excludedAttributes("members")
                .invoke(GenericScimResource.class);
        assertThat(bare.getObjectNode().has("members")).isFalse();
        assertThat(bare.getObjectNode().get("displayName").asText()).isEqualTo(teamName);
        assertThat(bare.getId()).isEqualTo(group.getId());

        // only what is asked, id and schemas always, names in any case, sub-attributes and the extension
        JsonNode some = scim.retrieveRequest("Users", grace.getId())
                .attributes("USERNAME", "name.formatted", "emails.value", ENTERPRISE + ":manager")
                .invoke(GenericScimResource.class)
                .getObjectNode();
        assertThat(some.get("id").asText()).isEqualTo(grace.getId());
        assertThat(some.has("schemas")).isTrue();
        assertThat(some.get("userName").asText()).isEqualTo(grace.getUserName());
        assertThat(some.get("name").get("formatted").asText()).isEqualTo("Grace Hopper");
        assertThat(some.get("emails").get(0).get("value").asText()).isEqualTo(grace.getUserName());
        assertThat(some.get("emails").get(0).has("type")).isFalse();
        assertThat(some.get(ENTERPRISE).get("manager").get("value").asText()).isEqualTo(ada.getId());
        assertThat(some.get(ENTERPRISE).has("department")).isFalse();
        assertThat(some.has("title")).isFalse();
        assertThat(some.has("meta")).isFalse();
        assertThat(some.has("active")).isFalse();

        // left out: a sub-attribute, a whole extension; id cannot be
        JsonNode most = scim.retrieveRequest("Users", grace.getId())
                .excludedAttributes("emails.type", ENTERPRISE, "id")
                .invoke(GenericScimResource.class)
                .getObjectNode();
        assertThat(most.get("id").asText()).isEqualTo(grace.getId());
        assertThat(most.get("emails").get(0).has("type")).isFalse();
        assertThat(most.get("emails").get(0).get("value").asText()).isEqualTo(grace.getUserName());
        assertThat(most.get("name").get("formatted").asText()).isEqualTo("Grace Hopper");
        assertThat(most.has(ENTERPRISE)).isFalse();
        assertThat(most.get("title").asText()).isEqualTo("Rear admiral");

        // in a list, and in the answer to a change
        ListResponse<GenericScimResource> listed = scim.searchRequest("Groups")
                .filter("displayName eq \"" + teamName + "\"")
                .excludedAttributes("members")
                .invoke(GenericScimResource.class);
        assertThat(listed.getResources()).hasSize(1);
        assertThat(listed.getResources().get(0).getObjectNode().has("members")).isFalse();
        ApiResponse patched = raw(
                        HttpMethod.PATCH,
                        token,
                        "/scim/v2/Users/" + grace.getId() + "?attributes=title",
                        "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"title\","
                                + "\"value\":\"Admiral\"}]}")
                .expect(200);
        assertThat(toJackson2(patched).get("title").asText()).isEqualTo("Admiral");
        assertThat(toJackson2(patched).has("userName")).isFalse();

        // both at once, or a name that is not a path: 400, and a write is not made
        assertThat(scimError(
                                raw(
                                        HttpMethod.GET,
                                        token,
                                        "/scim/v2/Users/" + grace.getId()
                                                + "?attributes=userName&excludedAttributes=title",
                                        null),
                                400)
                        .getScimType())
                .isEqualTo("invalidValue");
        assertThat(scimError(raw(HttpMethod.GET, token, "/scim/v2/Groups?attributes=members[", null), 400)
                        .getScimType())
                .isEqualTo("invalidPath");
        scimError(
                raw(
                        HttpMethod.PATCH,
                        token,
                        "/scim/v2/Users/" + grace.getId() + "?attributes=a,,[",
                        "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"title\","
                                + "\"value\":\"Retired\"}]}"),
                400);
        assertThat(scim.retrieve("Users", grace.getId(), UserResource.class).getTitle())
                .isEqualTo("Admiral");
    }

    @Test
    void describesItselfWithTheSdksTypes() throws ScimException {
        ServiceProviderConfigResource config = scim.getServiceProviderConfig();
        assertThat(config.getPatch().isSupported()).isTrue();
        assertThat(config.getFilter().isSupported()).isTrue();
        assertThat(config.getBulk().isSupported()).isFalse();

        ListResponse<ResourceTypeResource> types = scim.getResourceTypes();
        assertThat(types.getResources())
                .extracting(ResourceTypeResource::getName)
                .containsExactly("User", "Group");
        assertThat(scim.getResourceType("User").getSchemaExtensions()).hasSize(1);

        ListResponse<SchemaResource> schemas = scim.getSchemas();
        assertThat(schemas.getResources())
                .extracting(SchemaResource::getId)
                .contains("urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE);

        scimError(raw(HttpMethod.GET, null, "/scim/v2/ServiceProviderConfig", null), 401);
    }

    // --- bad requests --------------------------------------------------------------------------

    @Test
    void refusesAMissingUnknownRevokedOrPersonalTokenAndDoesNotTakeItsTokenOnTheApi() {
        assertThat(scimError(raw(HttpMethod.GET, null, "/scim/v2/Users", null), 401)
                        .getDetail())
                .contains("token");
        scimError(raw(HttpMethod.GET, "kept_scim_unknown", "/scim/v2/Users", null), 401);
        scimError(raw(HttpMethod.GET, admin.token(), "/scim/v2/Users", null), 401);
        api.get(token, "/api/v1/me").expectProblem(401);
        assertThat(raw(HttpMethod.GET, token, "/scim/v2/Users", null).headers().get(HttpHeaders.SET_COOKIE))
                .as("no session")
                .isNull();

        UUID id = UUID.fromString(api.get(admin.token(), "/api/v1/scim-tokens")
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString());
        api.delete(admin.token(), "/api/v1/scim-tokens/" + id).expect(204);
        scimError(raw(HttpMethod.GET, token, "/scim/v2/Users", null), 401);
    }

    @Test
    void anAdminCreatesATokenOnTheDirectorySyncPageSeesItOnceAndRevokesIt() {
        String session = api.pageSession(admin);
        assertThat(api.page(session, "/commitments").body()).contains("href=\"/admin/directory-sync\"");
        ApiResponse created = api.postForm(
                        session, "/admin/directory-sync", "/admin/directory-sync", Map.of("name", "Okta"))
                .expect(200);
        Matcher shown = Pattern.compile("(kept_scim_[A-Za-z0-9_-]+)").matcher(created.body());
        assertThat(shown.find()).as("the new token is shown").isTrue();
        String fromPage = shown.group(1);
        raw(HttpMethod.GET, fromPage, "/scim/v2/Users", null).expect(200);
        ApiResponse list = api.page(session, "/admin/directory-sync").expect(200);
        assertThat(list.body()).contains("Okta").doesNotContain(fromPage);

        UUID id = api.get(admin.token(), "/api/v1/scim-tokens")
                .json()
                .get("items")
                .valueStream()
                .filter(item -> item.get("name").asString().equals("Okta"))
                .map(item -> UUID.fromString(item.get("id").asString()))
                .findFirst()
                .orElseThrow();
        ApiResponse revoked =
                api.postForm(session, "/admin/directory-sync", "/admin/directory-sync/" + id + "/revoke", Map.of());
        assertThat(revoked.status()).isEqualTo(302);
        scimError(raw(HttpMethod.GET, fromPage, "/scim/v2/Users", null), 401);
        raw(HttpMethod.GET, token, "/scim/v2/Users", null).expect(200);

        Account member = api.join(admin);
        assertThat(api.page(api.pageSession(member), "/admin/directory-sync").status())
                .isEqualTo(403);
    }

    @Test
    void theApplicationsOwnJsonStaysWithJackson3() {
        assertThat(handlers.getMessageConverters())
                .extracting(converter -> converter.getClass().getName())
                .doesNotContain("org.springframework.http.converter.json.MappingJackson2HttpMessageConverter")
                .contains("org.springframework.http.converter.json.JacksonJsonHttpMessageConverter");
    }

    @Test
    void onlyAnAdminCreatesOrSeesDirectorySyncTokens() {
        Account member = api.join(admin);
        api.post(member.token(), "/api/v1/scim-tokens", Map.of()).expectProblem(403);
        api.get(member.token(), "/api/v1/scim-tokens").expectProblem(403);
        assertThat(api.get(admin.token(), "/api/v1/scim-tokens").body()).doesNotContain(token);
    }

    @Test
    void answersEveryBadRequestInTheScimErrorSchema() throws ScimException {
        UserResource ada = create(newUser("Ada", "Lovelace"));

        assertThat(scimError(raw(HttpMethod.POST, token, "/scim/v2/Users", "{\"userName\": "), 400)
                        .getScimType())
                .isEqualTo("invalidSyntax");
        assertThat(scimError(raw(HttpMethod.POST, token, "/scim/v2/Users", "[]"), 400)
                        .getScimType())
                .isEqualTo("invalidSyntax");
        assertThat(scimError(raw(HttpMethod.POST, token, "/scim/v2/Users", "{\"userName\":\"not-an-email\"}"), 400)
                        .getScimType())
                .isEqualTo("invalidValue");
        assertThat(scimError(
                                raw(
                                        HttpMethod.PATCH,
                                        token,
                                        "/scim/v2/Users/" + ada.getId(),
                                        "{\"schemas\":[\"" + PATCH_OP
                                                + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"shoeSize\",\"value\":\"42\"}]}"),
                                400)
                        .getScimType())
                .isEqualTo("invalidPath");
        assertThat(scimError(
                                raw(
                                        HttpMethod.PATCH,
                                        token,
                                        "/scim/v2/Users/" + ada.getId(),
                                        "{\"schemas\":[\"" + PATCH_OP
                                                + "\"],\"Operations\":[{\"op\":\"explode\",\"path\":\"title\"}]}"),
                                400)
                        .getScimType())
                .isEqualTo("invalidSyntax");
        assertThat(scimError(raw(HttpMethod.GET, token, "/scim/v2/Users?filter=userName%20sw%20%22a%22", null), 400)
                        .getScimType())
                .isEqualTo("invalidFilter");
        assertThat(scimError(raw(HttpMethod.GET, token, "/scim/v2/Users?filter=userName%20eq", null), 400)
                        .getScimType())
                .isEqualTo("invalidFilter");
        assertThat(scimError(raw(HttpMethod.GET, token, "/scim/v2/Users?filter=title%20eq%20%22x%22", null), 400)
                        .getScimType())
                .isEqualTo("invalidFilter");
        assertThat(scimError(raw(HttpMethod.GET, token, "/scim/v2/Groups?filter=id%20pr", null), 400)
                        .getScimType())
                .isEqualTo("invalidFilter");
        scimError(raw(HttpMethod.GET, token, "/scim/v2/Users/" + UUID.randomUUID(), null), 404);
        scimError(raw(HttpMethod.GET, token, "/scim/v2/Users/not-an-id", null), 404);
        scimError(raw(HttpMethod.GET, token, "/scim/v2/Groups/" + UUID.randomUUID(), null), 404);
        scimError(raw(HttpMethod.GET, token, "/scim/v2/Nothing", null), 404);
        scimError(raw(HttpMethod.DELETE, token, "/scim/v2/Users/" + UUID.randomUUID(), null), 404);

        String lastAdmin = "{\"schemas\":[\"" + PATCH_OP
                + "\"],\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}";
        assertThat(scimError(raw(HttpMethod.PATCH, token, "/scim/v2/Users/" + admin.personId(), lastAdmin), 409)
                        .getDetail())
                .contains("at least one admin");
        assertThat(person(admin.personId().toString()).get("status").asText()).isEqualTo("ACTIVE");

        UserResource twin = newUser("Ada", "Twin").setUserName(ada.getUserName());
        assertThatThrownBy(() -> create(twin)).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.getScimError().getStatus()).isEqualTo(409);
            assertThat(e.getScimError().getScimType()).isEqualTo("uniqueness");
        });
        String team = ApiFixtures.unique("Twins");
        scim.create("Groups", new GroupResource().setDisplayName(team));
        assertThatThrownBy(() -> scim.create("Groups", new GroupResource().setDisplayName(team)))
                .isInstanceOfSatisfying(
                        ScimException.class,
                        e -> assertThat(e.getScimError().getScimType()).isEqualTo("uniqueness"));
        String unknownMember = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"X "
                + UUID.randomUUID() + "\",\"members\":[{\"value\":\"" + UUID.randomUUID() + "\"}]}";
        assertThat(scimError(raw(HttpMethod.POST, token, "/scim/v2/Groups", unknownMember), 400)
                        .getScimType())
                .isEqualTo("invalidValue");
        String unknownManager = "{\"userName\":\"" + ApiFixtures.uniqueEmail("x") + "\",\"" + ENTERPRISE
                + "\":{\"manager\":{\"value\":\"" + UUID.randomUUID() + "\"}}}";
        assertThat(scimError(raw(HttpMethod.POST, token, "/scim/v2/Users", unknownManager), 400)
                        .getScimType())
                .isEqualTo("invalidValue");
    }

    @Test
    void anotherOrganizationsPeopleAreUnknown() throws ScimException {
        Account stranger = api.signUp();
        scimError(raw(HttpMethod.GET, token, "/scim/v2/Users/" + stranger.personId(), null), 404);
        assertThat(scim.searchRequest("Users")
                        .filter("userName eq \"" + stranger.email() + "\"")
                        .invoke(GenericScimResource.class)
                        .getTotalResults())
                .isZero();
    }
}
