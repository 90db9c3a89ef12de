package dev.kept.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import dev.kept.people.DirectorySync.Slice;
import dev.kept.people.Person;
import dev.kept.people.Team;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SCIM Groups as the organization's teams: {@code displayName} is the team's name and {@code
 * members} its people. A person is in one team at most, so adding them to a group moves them out
 * of the team they were in. Deleting a group takes its members out of the team; the team itself
 * stays, with its goals and history.
 */
@Service
class ScimGroupSync {

    static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private static final Set<String> ATTRIBUTES = Set.of("displayname", "members", "externalid", "schemas");

    private final DirectorySync directory;
    private final ScimLinks links;
    private final Clock clock;

    ScimGroupSync(DirectorySync directory, ScimLinks links, Clock clock) {
        this.directory = directory;
        this.links = links;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    ObjectNode get(UUID organizationId, UUID id) {
        Team team = directory.team(organizationId, id);
        return represent(team, links.find(ScimLinks.GROUP, id).orElse(null), directory.teamMembers(organizationId, id));
    }

    @Transactional
    ObjectNode create(UUID organizationId, ObjectNode body) throws ScimException {
        Team team = directory.formTeam(organizationId, displayName(body));
        setMembers(organizationId, team.getId(), Set.of(), members(organizationId, body));
        links.changed(organizationId, ScimLinks.GROUP, team.getId(), externalId(body), clock.instant());
        return get(organizationId, team.getId());
    }

    @Transactional
    ObjectNode replace(UUID organizationId, UUID id, ObjectNode body) throws ScimException {
        directory.team(organizationId, id);
        String name = displayName(body);
        Set<UUID> wanted = members(organizationId, body);
        directory.renameTeam(organizationId, id, name);
        setMembers(organizationId, id, directory.teamMembers(organizationId, id).keySet(), wanted);
        links.changed(organizationId, ScimLinks.GROUP, id, externalId(body), clock.instant());
        return get(organizationId, id);
    }

    @Transactional
    ObjectNode patch(UUID organizationId, UUID id, PatchRequest patch) throws ScimException {
        if (patch.getOperations() == null || patch.getOperations().isEmpty()) {
            throw BadRequestException.invalidSyntax("A patch needs at least one operation in Operations.");
        }
        for (PatchOperation operation : patch) {
            requireKnown(operation);
        }
        ObjectNode before = get(organizationId, id);
        GenericScimResource resource = new GenericScimResource(before.deepCopy());
        patch.apply(resource);
        ObjectNode after = resource.getObjectNode();
        Set<UUID> current = directory.teamMembers(organizationId, id).keySet();
        directory.renameTeam(organizationId, id, displayName(after));
        setMembers(organizationId, id, current, members(organizationId, after));
        links.changed(organizationId, ScimLinks.GROUP, id, externalId(after), clock.instant());
        return get(organizationId, id);
    }

    @Transactional
    void delete(UUID organizationId, UUID id) {
        directory.team(organizationId, id);
        for (UUID member : directory.teamMembers(organizationId, id).keySet()) {
            directory.moveToTeam(organizationId, member, null);
        }
        links.changed(organizationId, ScimLinks.GROUP, id, null, clock.instant());
    }

    @Transactional(readOnly = true)
    ListResponse<GenericScimResource> list(UUID organizationId, String filter, int startIndex, int count)
            throws ScimException {
        String name = null;
        if (filter != null && !filter.isBlank()) {
            Filter parsed = Filter.fromString(filter);
            Path path = parsed.getAttributePath();
            if (parsed.getFilterType() != FilterType.EQUAL
                    || path == null
                    || path.size() != 1
                    || !path.getElement(0).getAttribute().equalsIgnoreCase("displayName")) {
                throw BadRequestException.invalidFilter("Only displayName eq filters are supported on Groups.");
            }
            name = parsed.getComparisonValue().asText().strip();
        }
        Slice<Team> slice = directory.teams(organizationId, name, startIndex - 1, count);
        Map<UUID, ScimLinks.Link> known = links.find(
                ScimLinks.GROUP, slice.items().stream().map(Team::getId).toList());
        List<GenericScimResource> resources = slice.items().stream()
                .map(team -> new GenericScimResource(
                        represent(team, known.get(team.getId()), directory.teamMembers(organizationId, team.getId()))))
                .toList();
        return new ListResponse<>((int) slice.total(), resources, startIndex, resources.size());
    }

    /**
     * Microsoft Entra ID removes members with {@code "path": "members"} and the members to remove as
     * the value, where RFC 7644 puts them in a value filter; read as written, such an operation would
     * remove every member. It is rewritten as one removal per member, {@code members[value eq "…"]}.
     */
    static ObjectNode removalsByValue(ObjectNode patch) {
        JsonNode operations = patch.path("Operations");
        if (!operations.isArray()) {
            return patch;
        }
        ArrayNode rewritten = JsonUtils.getJsonNodeFactory().arrayNode();
        for (JsonNode operation : operations) {
            boolean removal = operation.path("op").asText().equalsIgnoreCase("remove");
            boolean ofMembers = operation.path("path").asText().strip().equalsIgnoreCase("members");
            JsonNode value = operation.path("value");
            if (!removal || !ofMembers || !value.isArray() || value.isEmpty()) {
                rewritten.add(operation);
                continue;
            }
            for (JsonNode member : value) {
                String id = member.path("value").asText().replace("\\", "").replace("\"", "");
                rewritten.addObject().put("op", "remove").put("path", "members[value eq \"" + id + "\"]");
            }
        }
        ObjectNode copy = patch.deepCopy();
        copy.set("Operations", rewritten);
        return copy;
    }

    private void setMembers(UUID organizationId, UUID teamId, Set<UUID> current, Set<UUID> wanted) {
        for (UUID member : wanted) {
            if (!current.contains(member)) {
                directory.moveToTeam(organizationId, member, teamId);
            }
        }
        for (UUID member : current) {
            if (!wanted.contains(member)) {
                directory.moveToTeam(organizationId, member, null);
            }
        }
    }

    private Set<UUID> members(UUID organizationId, ObjectNode group) throws BadRequestException {
        Set<UUID> ids = new LinkedHashSet<>();
        JsonNode members = group.path("members");
        if (!members.isMissingNode() && !members.isNull() && !members.isArray()) {
            throw BadRequestException.invalidValue("members must be a list.");
        }
        for (JsonNode member : members) {
            String value = member.path("value").asText("");
            try {
                ids.add(UUID.fromString(value.strip()));
            } catch (IllegalArgumentException e) {
                throw BadRequestException.invalidValue("A member's value must be the id of a User: " + value);
            }
        }
        if (ids.size() > 10_000) {
            throw BadRequestException.tooMany("A group holds at most 10,000 members in one request.");
        }
        Map<UUID, Person> found = directory.membersIn(organizationId, ids);
        for (UUID id : ids) {
            if (!found.containsKey(id)) {
                throw BadRequestException.invalidValue("No User of this organization has the id " + id + ".");
            }
        }
        return ids;
    }

    private static String displayName(ObjectNode group) throws BadRequestException {
        JsonNode name = group.path("displayName");
        if (!name.isTextual() || name.asText().isBlank()) {
            throw BadRequestException.invalidValue("displayName is required: it is the team's name.");
        }
        if (name.asText().strip().length() > 80) {
            throw BadRequestException.invalidValue("displayName is longer than 80 characters.");
        }
        return name.asText().strip();
    }

    private static String externalId(ObjectNode group) throws BadRequestException {
        JsonNode id = group.path("externalId");
        if (!id.isTextual() || id.asText().isBlank()) {
            return null;
        }
        if (id.asText().length() > 255) {
            throw BadRequestException.invalidValue("externalId is longer than 255 characters.");
        }
        return id.asText().strip();
    }

    private static void requireKnown(PatchOperation operation) throws BadRequestException {
        Path path = operation.getPath();
        if (path == null || path.isRoot()) {
            if (!(operation.getJsonNode() instanceof ObjectNode value)) {
                throw BadRequestException.invalidSyntax("An operation without a path needs an object as its value.");
            }
            for (var names = value.fieldNames(); names.hasNext(); ) {
                requireKnown(names.next());
            }
            return;
        }
        if (path.getSchemaUrn() != null && !path.getSchemaUrn().equalsIgnoreCase(GROUP_SCHEMA)) {
            throw BadRequestException.invalidPath("Groups have no attribute " + path + ".");
        }
        requireKnown(path.getElement(0).getAttribute());
    }

    private static void requireKnown(String attribute) throws BadRequestException {
        if (!ATTRIBUTES.contains(attribute.toLowerCase(Locale.ROOT))) {
            throw BadRequestException.invalidPath("Groups have no attribute " + attribute + ".");
        }
    }

    private static ObjectNode represent(Team team, ScimLinks.Link link, Map<UUID, Person> members) {
        String base = ScimUserSync.base();
        ObjectNode group = JsonUtils.getJsonNodeFactory().objectNode();
        group.putArray("schemas").add(GROUP_SCHEMA);
        group.put("id", team.getId().toString());
        if (link != null && link.externalId() != null) {
            group.put("externalId", link.externalId());
        }
        group.put("displayName", team.getName());
        ArrayNode list = group.putArray("members");
        members.values().stream()
                .sorted(Comparator.comparing(Person::getName).thenComparing(Person::getId))
                .forEach(person -> list.addObject()
                        .put("value", person.getId().toString())
                        .put("display", person.getName())
                        .put("type", "User")
                        .put("$ref", base + "/Users/" + person.getId()));
        Instant created = link == null ? team.getCreatedAt() : link.created();
        Instant modified = link == null ? team.getCreatedAt() : link.lastModified();
        group.set("meta", ScimUserSync.meta("Group", created, modified, base + "/Groups/" + team.getId()));
        return group;
    }
}
