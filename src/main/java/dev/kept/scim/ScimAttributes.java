package dev.kept.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which attributes an answer holds, as a client asks with {@code attributes} or {@code
 * excludedAttributes} (RFC 7644 §3.9, which service providers must support): {@code attributes}
 * keeps only those named, {@code excludedAttributes} leaves those named out (an identity provider
 * reads a group without its members with {@code excludedAttributes=members}). {@code id} and {@code
 * schemas} are always returned. Each name is an attribute path the SCIM library parses ({@code
 * userName}, {@code name.familyName}, {@code emails.value}, {@code
 * urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager}); names match in any case,
 * as SCIM's attribute names do. A name that is not a path answers 400 {@code invalidPath}; a name
 * no resource has is simply not returned. Both at once answer 400: they contradict each other.
 */
final class ScimAttributes {

    /** Returned whatever is asked (their {@code returned} characteristic is {@code always}). */
    private static final Set<String> ALWAYS = Set.of("id", "schemas");

    /** The core schemas, whose attributes sit at the top of a resource. */
    private static final Set<String> CORE =
            Set.of("urn:ietf:params:scim:schemas:core:2.0:user", "urn:ietf:params:scim:schemas:core:2.0:group");

    /** Every attribute, as asked when neither parameter is given. */
    static final ScimAttributes ALL = new ScimAttributes(List.of(), false);

    /** A name as asked, and the path the library reads in it. */
    private record Asked(String name, Path path) {}

    private final List<Asked> paths;
    private final boolean only;

    private ScimAttributes(List<Asked> paths, boolean only) {
        this.paths = List.copyOf(paths);
        this.only = only;
    }

    static ScimAttributes of(String attributes, String excludedAttributes) throws BadRequestException {
        boolean keep = attributes != null && !attributes.isBlank();
        boolean leave = excludedAttributes != null && !excludedAttributes.isBlank();
        if (keep && leave) {
            throw BadRequestException.invalidValue(
                    "Ask for attributes or for excludedAttributes, not both: they contradict each other.");
        }
        if (!keep && !leave) {
            return ALL;
        }
        List<Asked> paths = new ArrayList<>();
        for (String name : (keep ? attributes : excludedAttributes).split(",")) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                paths.add(new Asked(trimmed, Path.fromString(trimmed)));
            } catch (BadRequestException wrong) {
                throw BadRequestException.invalidPath("\"" + trimmed + "\" is not an attribute path.");
            }
        }
        return new ScimAttributes(paths, keep);
    }

    /** The list with each of its resources shaped. */
    ListResponse<GenericScimResource> shape(ListResponse<GenericScimResource> list) {
        if (this == ALL) {
            return list;
        }
        List<GenericScimResource> shaped = new ArrayList<>();
        // the library's list holds its resources as it read them (maps), whatever its type says
        for (Object resource : (List<?>) list.getResources()) {
            ObjectNode node = resource instanceof GenericScimResource generic
                    ? generic.getObjectNode()
                    : JsonUtils.valueToNode(resource);
            shaped.add(new GenericScimResource(shape(node)));
        }
        return new ListResponse<>(list.getTotalResults(), shaped, list.getStartIndex(), list.getItemsPerPage());
    }

    /** A copy of the resource holding what was asked for (the resource itself when everything was). */
    ObjectNode shape(ObjectNode resource) {
        if (this == ALL) {
            return resource;
        }
        if (only) {
            ObjectNode kept = JsonUtils.getJsonNodeFactory().objectNode();
            for (String always : ALWAYS) {
                if (resource.has(always)) {
                    kept.set(always, resource.get(always));
                }
            }
            for (Asked asked : paths) {
                keep(asked, resource, kept);
            }
            return kept;
        }
        ObjectNode left = resource.deepCopy();
        for (Asked asked : paths) {
            leaveOut(asked, left);
        }
        return left;
    }

    // copies what the path names from the resource into the answer, beside what is already there
    private static void keep(Asked asked, ObjectNode resource, ObjectNode kept) {
        String whole = extension(asked, resource);
        if (whole != null) {
            kept.set(whole, resource.get(whole));
            return;
        }
        Path path = asked.path();
        ObjectNode from = resource;
        ObjectNode to = kept;
        String urn = path.getSchemaUrn();
        if (urn != null && !CORE.contains(urn.toLowerCase(Locale.ROOT))) {
            String extension = fieldOf(resource, urn);
            if (extension == null || !(resource.get(extension) instanceof ObjectNode inside)) {
                return;
            }
            if (path.size() == 0) {
                kept.set(extension, inside);
                return;
            }
            from = inside;
            to = kept.get(extension) instanceof ObjectNode already ? already : kept.putObject(extension);
        }
        if (path.size() == 0) {
            return;
        }
        String attribute = fieldOf(from, path.getElement(0).getAttribute());
        if (attribute == null) {
            return;
        }
        JsonNode value = from.get(attribute);
        if (path.size() == 1 || !(value instanceof ObjectNode || value instanceof ArrayNode)) {
            to.set(attribute, value);
            return;
        }
        String sub = path.getElement(1).getAttribute();
        if (value instanceof ObjectNode object) {
            ObjectNode target = to.get(attribute) instanceof ObjectNode already ? already : to.putObject(attribute);
            copyField(object, sub, target);
            return;
        }
        ArrayNode target = to.get(attribute) instanceof ArrayNode already ? already : to.putArray(attribute);
        for (int i = 0; i < value.size(); i++) {
            if (!(value.get(i) instanceof ObjectNode element)) {
                continue;
            }
            while (target.size() <= i) {
                target.addObject();
            }
            copyField(element, sub, (ObjectNode) target.get(i));
        }
    }

    // removes what the path names, never id nor schemas
    private static void leaveOut(Asked asked, ObjectNode resource) {
        String whole = extension(asked, resource);
        if (whole != null) {
            resource.remove(whole);
            return;
        }
        Path path = asked.path();
        ObjectNode from = resource;
        String urn = path.getSchemaUrn();
        if (urn != null && !CORE.contains(urn.toLowerCase(Locale.ROOT))) {
            String extension = fieldOf(resource, urn);
            if (extension == null) {
                return;
            }
            if (path.size() == 0) {
                resource.remove(extension);
                return;
            }
            if (!(resource.get(extension) instanceof ObjectNode inside)) {
                return;
            }
            from = inside;
        }
        if (path.size() == 0) {
            return;
        }
        String attribute = fieldOf(from, path.getElement(0).getAttribute());
        if (attribute == null || (from == resource && ALWAYS.contains(attribute))) {
            return;
        }
        if (path.size() == 1) {
            from.remove(attribute);
            return;
        }
        String sub = path.getElement(1).getAttribute();
        JsonNode value = from.get(attribute);
        if (value instanceof ObjectNode object) {
            removeField(object, sub);
        } else if (value instanceof ArrayNode array) {
            array.forEach(element -> {
                if (element instanceof ObjectNode object) {
                    removeField(object, sub);
                }
            });
        }
    }

    /**
     * The resource's extension the name is, whole (the library reads {@code
     * urn:...:enterprise:2.0:User} as the attribute {@code User} of a schema {@code urn:...:2.0}).
     */
    private static String extension(Asked asked, ObjectNode resource) {
        String field = asked.name().startsWith("urn:") ? fieldOf(resource, asked.name()) : null;
        return field != null && resource.get(field) instanceof ObjectNode ? field : null;
    }

    private static void copyField(ObjectNode from, String name, ObjectNode to) {
        String field = fieldOf(from, name);
        if (field != null) {
            to.set(field, from.get(field));
        }
    }

    private static void removeField(ObjectNode from, String name) {
        String field = fieldOf(from, name);
        if (field != null) {
            from.remove(field);
        }
    }

    // the object's field of this name in any case, as SCIM's attribute names are case-insensitive
    private static String fieldOf(ObjectNode object, String name) {
        if (object.has(name)) {
            return name;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            String field = fields.next().getKey();
            if (field.equalsIgnoreCase(name)) {
                return field;
            }
        }
        return null;
    }
}
