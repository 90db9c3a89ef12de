package dev.kept.scim;

import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.PatchRequest;
import dev.kept.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SCIM Users (RFC 7644 §3): the organization's members, as its identity provider keeps them. */
@Hidden
@RestController
@RequestMapping("/scim/v2/Users")
class ScimUsers {

    private final ScimUserSync users;

    ScimUsers(ScimUserSync users) {
        this.users = users;
    }

    @PostMapping
    ResponseEntity<String> create(
            @AuthenticationPrincipal ScimClient client,
            @RequestBody(required = false) String body,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes)
            throws ScimException {
        ScimAttributes asked = ScimAttributes.of(attributes, excludedAttributes);
        var user = users.create(client.organizationId(), ScimJson.object(body));
        return ScimJson.created(
                asked.shape(user), URI.create(user.at("/meta/location").asText()));
    }

    @GetMapping("/{id}")
    ResponseEntity<String> get(
            @AuthenticationPrincipal ScimClient client,
            @PathVariable String id,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes)
            throws ScimException {
        ScimAttributes asked = ScimAttributes.of(attributes, excludedAttributes);
        return ScimJson.ok(asked.shape(users.get(client.organizationId(), idOf(id))));
    }

    @PutMapping("/{id}")
    ResponseEntity<String> replace(
            @AuthenticationPrincipal ScimClient client,
            @PathVariable String id,
            @RequestBody(required = false) String body,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes)
            throws ScimException {
        ScimAttributes asked = ScimAttributes.of(attributes, excludedAttributes);
        UUID personId = idOf(id);
        return ScimJson.ok(asked.shape(users.replace(client.organizationId(), personId, ScimJson.object(body))));
    }

    @PatchMapping("/{id}")
    ResponseEntity<String> patch(
            @AuthenticationPrincipal ScimClient client,
            @PathVariable String id,
            @RequestBody(required = false) String body,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes)
            throws ScimException {
        ScimAttributes asked = ScimAttributes.of(attributes, excludedAttributes);
        UUID personId = idOf(id);
        return ScimJson.ok(
                asked.shape(users.patch(client.organizationId(), personId, ScimJson.read(body, PatchRequest.class))));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@AuthenticationPrincipal ScimClient client, @PathVariable String id) {
        users.delete(client.organizationId(), idOf(id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping
    ResponseEntity<String> list(
            @AuthenticationPrincipal ScimClient client,
            @RequestParam(required = false) String filter,
            @RequestParam(required = false) String startIndex,
            @RequestParam(required = false) String count,
            @RequestParam(required = false) String attributes,
            @RequestParam(required = false) String excludedAttributes)
            throws ScimException {
        ScimAttributes asked = ScimAttributes.of(attributes, excludedAttributes);
        ScimPaging paging = ScimPaging.of(startIndex, count);
        return ScimJson.ok(
                asked.shape(users.list(client.organizationId(), filter, paging.startIndex(), paging.count())));
    }

    /** A malformed id answers as an unknown one. */
    static UUID idOf(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Resource");
        }
    }
}
