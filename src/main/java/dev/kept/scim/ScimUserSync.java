package dev.kept.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.utils.JsonUtils;
import dev.kept.people.DirectorySync;
import dev.kept.people.DirectorySync.PersonKey;
import dev.kept.people.DirectorySync.Slice;
import dev.kept.people.DirectorySync.SyncedPerson;
import dev.kept.people.Offboarding;
import dev.kept.people.Person;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * SCIM Users as the organization's members: {@code userName} (and the primary e-mail) is the
 * e-mail, the name comes from {@code name.formatted}, else given and family names, else {@code
 * displayName}; {@code title}; the enterprise extension's {@code manager.value} (a user id) is the
 * manager and its {@code department} the team, formed when no team has that name; {@code active}
 * deactivates and reactivates through offboarding.
 */
@Service
class ScimUserSync {

    static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** The core User attributes (RFC 7643 §4.1) kept here; the others are accepted and not stored. */
    private static final Set<String> KEPT =
            Set.of("username", "name", "displayname", "title", "emails", "active", "externalid");

    private static final Set<String> IGNORED = Set.of(
            "nickname",
            "profileurl",
            "usertype",
            "preferredlanguage",
            "locale",
            "timezone",
            "password",
            "phonenumbers",
            "ims",
            "photos",
            "addresses",
            "entitlements",
            "roles",
            "x509certificates",
            "schemas");

    private static final Set<String> ENTERPRISE_ATTRIBUTES =
            Set.of("manager", "department", "employeenumber", "costcenter", "organization", "division");

    private static final JsonNodeFactory NODES = JsonUtils.getJsonNodeFactory();

    private final DirectorySync directory;
    private final Offboarding offboarding;
    private final ScimLinks links;
    private final Clock clock;

    ScimUserSync(DirectorySync directory, Offboarding offboarding, ScimLinks links, Clock clock) {
        this.directory = directory;
        this.offboarding = offboarding;
        this.links = links;
        this.clock = clock;
    }

    /** What a User says, read from its JSON; {@code department} null: unchanged, blank: no team. */
    record Wanted(
            String email,
            String name,
            String title,
            UUID managerId,
            String department,
            Boolean active,
            String externalId) {}

    @Transactional(readOnly = true)
    ObjectNode get(UUID organizationId, UUID id) {
        return represent(directory.member(organizationId, id));
    }

    @Transactional
    ObjectNode create(UUID organizationId, ObjectNode body) throws ScimException {
        Wanted wanted = read(body);
        UUID teamId = teamOf(organizationId, wanted.department());
        Person person = directory.create(
                organizationId,
                new SyncedPerson(wanted.name(), wanted.email(), wanted.title(), wanted.managerId(), teamId));
        if (Boolean.FALSE.equals(wanted.active())) {
            offboarding.deactivate(organizationId, person.getId());
        }
        links.changed(organizationId, ScimLinks.USER, person.getId(), wanted.externalId(), clock.instant());
        return get(organizationId, person.getId());
    }

    @Transactional
    ObjectNode replace(UUID organizationId, UUID id, ObjectNode body) throws ScimException {
        Person person = directory.member(organizationId, id);
        return apply(organizationId, person, read(body));
    }

    @Transactional
    ObjectNode patch(UUID organizationId, UUID id, PatchRequest patch) throws ScimException {
        if (patch.getOperations() == null || patch.getOperations().isEmpty()) {
            throw BadRequestException.invalidSyntax("A patch needs at least one operation in Operations.");
        }
        for (PatchOperation operation : patch) {
            requireKnown(operation);
        }
        Person person = directory.member(organizationId, id);
        ObjectNode before = represent(person);
        GenericScimResource resource = new GenericScimResource(before.deepCopy());
        patch.apply(resource);
        ObjectNode after = resource.getObjectNode();
        Wanted wanted = read(merge(before, after));
        if (changed(before, after, "/" + ENTERPRISE + "/department") && departmentOf(after) == null) {
            // removed: no team
            wanted = withDepartment(wanted, "");
        }
        return apply(organizationId, person, wanted);
    }

    /** A DELETE deactivates: the person's history stays under their name. */
    @Transactional
    void delete(UUID organizationId, UUID id) {
        directory.member(organizationId, id);
        offboarding.deactivate(organizationId, id);
        links.changed(organizationId, ScimLinks.USER, id, null, clock.instant());
    }

    @Transactional(readOnly = true)
    ListResponse<GenericScimResource> list(UUID organizationId, String filter, int startIndex, int count)
            throws ScimException {
        Slice<Person> slice;
        if (filter == null || filter.isBlank()) {
            slice = directory.members(organizationId, PersonKey.ALL, null, startIndex - 1, count);
        } else {
            Filter parsed = Filter.fromString(filter);
            if (parsed.getFilterType() != FilterType.EQUAL) {
                throw BadRequestException.invalidFilter(
                        "Only eq filters on userName, externalId, emails.value and active are supported.");
            }
            String attribute = attributeOf(parsed.getAttributePath());
            JsonNode value = parsed.getComparisonValue();
            slice = switch (attribute) {
                case "username", "emails", "emails.value" ->
                    directory.members(organizationId, PersonKey.EMAIL, value.asText(), startIndex - 1, count);
                case "active" -> {
                    if (!value.isBoolean()) {
                        throw BadRequestException.invalidFilter("active is compared with true or false.");
                    }
                    yield directory.members(organizationId, PersonKey.ACTIVE, value.asText(), startIndex - 1, count);
                }
                case "externalid" -> byExternalId(organizationId, value.asText(), startIndex, count);
                default ->
                    throw BadRequestException.invalidFilter(
                            "Only eq filters on userName, externalId, emails.value and active are supported.");
            };
        }
        List<GenericScimResource> resources = represent(organizationId, slice.items());
        return new ListResponse<>((int) slice.total(), resources, startIndex, resources.size());
    }

    private Slice<Person> byExternalId(UUID organizationId, String externalId, int startIndex, int count) {
        List<Person> found = links.byExternalId(organizationId, ScimLinks.USER, externalId).stream()
                .map(id -> directory.member(organizationId, id))
                .toList();
        return new Slice<>(startIndex > 1 || count == 0 ? List.of() : found, found.size());
    }

    private ObjectNode apply(UUID organizationId, Person person, Wanted wanted) {
        UUID teamId = wanted.department() == null ? person.getTeamId() : teamOf(organizationId, wanted.department());
        directory.update(
                organizationId,
                person.getId(),
                new SyncedPerson(wanted.name(), wanted.email(), wanted.title(), wanted.managerId(), teamId));
        if (Boolean.FALSE.equals(wanted.active())) {
            offboarding.deactivate(organizationId, person.getId());
        } else if (Boolean.TRUE.equals(wanted.active())) {
            offboarding.reactivate(organizationId, person.getId());
        }
        links.changed(organizationId, ScimLinks.USER, person.getId(), wanted.externalId(), clock.instant());
        return get(organizationId, person.getId());
    }

    private UUID teamOf(UUID organizationId, String department) {
        if (department == null || department.isBlank()) {
            return null;
        }
        return directory.teamNamed(organizationId, department).getId();
    }

    // --- reading a User ---

    static Wanted read(ObjectNode node) throws BadRequestException {
        String userName = text(node, "userName");
        if (userName == null) {
            throw BadRequestException.invalidValue("userName is required: it is the person's e-mail address.");
        }
        String email = userName.strip();
        if (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw BadRequestException.invalidValue("userName must be an e-mail address.");
        }
        String name = nameOf(node);
        if (name == null) {
            name = email.substring(0, email.indexOf('@'));
        }
        if (name.length() > 120) {
            throw BadRequestException.invalidValue("The name is longer than 120 characters.");
        }
        String title = text(node, "title");
        if (title != null && title.length() > 120) {
            throw BadRequestException.invalidValue("title is longer than 120 characters.");
        }
        JsonNode extension = node.path(ENTERPRISE);
        UUID managerId = managerOf(extension.path("manager"));
        String department = departmentOf(node);
        if (department != null && department.strip().length() > 80) {
            throw BadRequestException.invalidValue("department is longer than 80 characters.");
        }
        String externalId = text(node, "externalId");
        if (externalId != null && externalId.length() > 255) {
            throw BadRequestException.invalidValue("externalId is longer than 255 characters.");
        }
        return new Wanted(email, name, title, managerId, department, activeOf(node.get("active")), externalId);
    }

    private static Wanted withDepartment(Wanted w, String department) {
        return new Wanted(w.email(), w.name(), w.title(), w.managerId(), department, w.active(), w.externalId());
    }

    private static String nameOf(ObjectNode node) {
        JsonNode name = node.path("name");
        String formatted = text(name, "formatted");
        if (formatted != null) {
            return formatted;
        }
        String given = text(name, "givenName");
        String family = text(name, "familyName");
        if (given != null || family != null) {
            return ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        }
        return text(node, "displayName");
    }

    /**
     * The User a patch leaves, read as a whole: what the patch changed wins over what it left, so a
     * new e-mail in {@code emails} or a new given name is not hidden by the unchanged {@code
     * userName} or {@code name.formatted}.
     */
    private static ObjectNode merge(ObjectNode before, ObjectNode after) {
        ObjectNode merged = after.deepCopy();
        if (!changed(before, after, "/userName") && changed(before, after, "/emails")) {
            String email = primaryEmail(after.path("emails"));
            if (email != null) {
                merged.put("userName", email);
            }
        }
        boolean displayChanged = changed(before, after, "/displayName");
        boolean formattedChanged = changed(before, after, "/name/formatted");
        boolean partsChanged = changed(before, after, "/name/givenName") || changed(before, after, "/name/familyName");
        if (!formattedChanged && (partsChanged || displayChanged) && merged.path("name") instanceof ObjectNode name) {
            name.remove("formatted");
            if (!partsChanged) {
                name.remove("givenName");
                name.remove("familyName");
            }
        }
        return merged;
    }

    private static boolean changed(ObjectNode before, ObjectNode after, String pointer) {
        return !Objects.equals(before.at(pointer), after.at(pointer));
    }

    private static String primaryEmail(JsonNode emails) {
        String first = null;
        for (JsonNode email : emails) {
            String value = text(email, "value");
            if (value != null && email.path("primary").asBoolean(false)) {
                return value;
            }
            first = first == null ? value : first;
        }
        return first;
    }

    private static String departmentOf(ObjectNode node) {
        JsonNode department = node.path(ENTERPRISE).path("department");
        return department.isValueNode() && !department.isNull() ? department.asText() : null;
    }

    private static UUID managerOf(JsonNode manager) throws BadRequestException {
        String id = manager.isValueNode() ? manager.asText() : text(manager, "value");
        if (id == null || id.isBlank() || manager.isNull()) {
            return null;
        }
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            throw BadRequestException.invalidValue("manager.value must be the id of a User of this organization.");
        }
    }

    private static Boolean activeOf(JsonNode active) throws BadRequestException {
        if (active == null || active.isNull()) {
            return null;
        }
        if (active.isBoolean()) {
            return active.booleanValue();
        }
        // some identity providers send "True" and "False" as text
        if (active.isTextual()) {
            String value = active.textValue().strip().toLowerCase(Locale.ROOT);
            if (value.equals("true") || value.equals("false")) {
                return Boolean.valueOf(value);
            }
        }
        throw BadRequestException.invalidValue("active must be true or false.");
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (!value.isValueNode() || value.isNull()) {
            return null;
        }
        String text = value.asText();
        return text.isBlank() ? null : text.strip();
    }

    /** An operation on an attribute this server does not know is refused, whatever else it holds. */
    private static void requireKnown(PatchOperation operation) throws BadRequestException {
        Path path = operation.getPath();
        if (path == null || path.isRoot()) {
            JsonNode value = operation.getJsonNode();
            if (!(value instanceof ObjectNode object)) {
                throw BadRequestException.invalidSyntax("An operation without a path needs an object as its value.");
            }
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (name.equalsIgnoreCase(ENTERPRISE)) {
                    for (Iterator<String> inner = object.path(name).fieldNames(); inner.hasNext(); ) {
                        requireKnown(ENTERPRISE, inner.next());
                    }
                } else if (name.regionMatches(true, 0, ENTERPRISE + ":", 0, ENTERPRISE.length() + 1)) {
                    requireKnown(
                            ENTERPRISE, name.substring(ENTERPRISE.length() + 1).split("\\.")[0]);
                } else {
                    requireKnown(null, name.split("\\.")[0]);
                }
            }
            return;
        }
        requireKnown(path.getSchemaUrn(), path.getElement(0).getAttribute());
    }

    private static void requireKnown(String schema, String attribute) throws BadRequestException {
        String name = attribute.toLowerCase(Locale.ROOT);
        boolean known = schema == null || schema.equalsIgnoreCase(USER_SCHEMA)
                ? KEPT.contains(name) || IGNORED.contains(name)
                : schema.equalsIgnoreCase(ENTERPRISE) && ENTERPRISE_ATTRIBUTES.contains(name);
        if (!known) {
            throw BadRequestException.invalidPath("Users have no attribute " + attribute + ".");
        }
    }

    private static String attributeOf(Path path) throws BadRequestException {
        if (path.size() == 0 || path.size() > 2) {
            throw BadRequestException.invalidFilter("This filter's attribute is not supported.");
        }
        StringBuilder name = new StringBuilder();
        for (Path.Element element : path) {
            if (element.getValueFilter() != null) {
                throw BadRequestException.invalidFilter("Filters inside a filter's attribute are not supported.");
            }
            name.append(name.isEmpty() ? "" : ".").append(element.getAttribute().toLowerCase(Locale.ROOT));
        }
        return name.toString();
    }

    // --- writing a User ---

    private ObjectNode represent(Person person) {
        return represent(
                person,
                links.find(ScimLinks.USER, person.getId()).orElse(null),
                person.getTeamId() == null
                        ? null
                        : directory
                                .team(person.getOrganizationId(), person.getTeamId())
                                .getName());
    }

    private List<GenericScimResource> represent(UUID organizationId, List<Person> people) {
        Map<UUID, ScimLinks.Link> known =
                links.find(ScimLinks.USER, people.stream().map(Person::getId).toList());
        Map<UUID, String> teamNames = new HashMap<>();
        for (Person person : people) {
            if (person.getTeamId() != null && !teamNames.containsKey(person.getTeamId())) {
                teamNames.put(
                        person.getTeamId(),
                        directory.team(organizationId, person.getTeamId()).getName());
            }
        }
        return people.stream()
                .map(person -> new GenericScimResource(
                        represent(person, known.get(person.getId()), teamNames.get(person.getTeamId()))))
                .toList();
    }

    static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/scim/v2")
                .build()
                .toUriString();
    }

    private static ObjectNode represent(Person person, ScimLinks.Link link, String teamName) {
        ObjectNode user = NODES.objectNode();
        user.putArray("schemas").add(USER_SCHEMA).add(ENTERPRISE);
        user.put("id", person.getId().toString());
        if (link != null && link.externalId() != null) {
            user.put("externalId", link.externalId());
        }
        user.put("userName", person.getEmail());
        user.putObject("name").put("formatted", person.getName());
        user.put("displayName", person.getName());
        if (person.getTitle() != null) {
            user.put("title", person.getTitle());
        }
        ArrayNode emails = user.putArray("emails");
        emails.addObject().put("value", person.getEmail()).put("type", "work").put("primary", true);
        user.put("active", !person.isDeactivated());
        ObjectNode enterprise = user.putObject(ENTERPRISE);
        if (person.getManagerId() != null) {
            enterprise
                    .putObject("manager")
                    .put("value", person.getManagerId().toString())
                    .put("$ref", base() + "/Users/" + person.getManagerId());
        }
        if (teamName != null) {
            enterprise.put("department", teamName);
        }
        Instant created = link == null ? person.getCreatedAt() : link.created();
        Instant modified = link == null ? person.getCreatedAt() : link.lastModified();
        user.set("meta", meta("User", created, modified, base() + "/Users/" + person.getId()));
        return user;
    }

    static ObjectNode meta(String type, Instant created, Instant modified, String location) {
        ObjectNode meta = NODES.objectNode();
        meta.put("resourceType", type);
        meta.put("created", created.toString());
        meta.put("lastModified", modified.toString());
        meta.put("location", location);
        meta.put("version", "W/\"" + modified.toEpochMilli() + "\"");
        return meta;
    }
}
