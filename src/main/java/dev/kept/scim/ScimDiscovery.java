package dev.kept.scim;

import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.types.AuthenticationScheme;
import com.unboundid.scim2.common.types.BulkConfig;
import com.unboundid.scim2.common.types.ChangePasswordConfig;
import com.unboundid.scim2.common.types.ETagConfig;
import com.unboundid.scim2.common.types.EnterpriseUserExtension;
import com.unboundid.scim2.common.types.FilterConfig;
import com.unboundid.scim2.common.types.GroupResource;
import com.unboundid.scim2.common.types.PatchConfig;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.SortConfig;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.SchemaUtils;
import io.swagger.v3.oas.annotations.Hidden;
import java.beans.IntrospectionException;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What this SCIM service offers (RFC 7644 §4): its configuration, the resource types and their
 * schemas. They need the directory sync token like everything under {@code /scim/v2}: the
 * identity providers send it anyway, and nothing of the service shows to a stranger.
 */
@Hidden
@RestController
@RequestMapping("/scim/v2")
class ScimDiscovery {

    private static final List<SchemaResource> SCHEMAS = schemas();

    @GetMapping("/ServiceProviderConfig")
    ResponseEntity<String> serviceProviderConfig() {
        return ScimJson.ok(new ServiceProviderConfigResource(
                null,
                new PatchConfig(true),
                new BulkConfig(false, 0, 0),
                new FilterConfig(true, ScimPaging.MOST),
                new ChangePasswordConfig(false),
                new SortConfig(false),
                new ETagConfig(false),
                List.of(AuthenticationScheme.createOAuth2BearerToken(true))));
    }

    @GetMapping("/ResourceTypes")
    ResponseEntity<String> resourceTypes() {
        List<ResourceTypeResource> types = List.of(user(), group());
        return ScimJson.ok(new ListResponse<>(types.size(), types, 1, types.size()));
    }

    @GetMapping("/ResourceTypes/{name}")
    ResponseEntity<String> resourceType(@PathVariable String name) {
        if (name.equals("User")) {
            return ScimJson.ok(user());
        }
        if (name.equals("Group")) {
            return ScimJson.ok(group());
        }
        return ScimJson.error(404, null, "There is no resource type " + name + ".");
    }

    @GetMapping("/Schemas")
    ResponseEntity<String> schemaList() {
        return ScimJson.ok(new ListResponse<>(SCHEMAS.size(), SCHEMAS, 1, SCHEMAS.size()));
    }

    @GetMapping("/Schemas/{id}")
    ResponseEntity<String> schema(@PathVariable String id) {
        return SCHEMAS.stream()
                .filter(schema -> schema.getId().equals(id))
                .findFirst()
                .map(ScimJson::ok)
                .orElseGet(() -> ScimJson.error(404, null, "There is no schema " + id + "."));
    }

    /** Anything else under {@code /scim/v2}: no such endpoint, in the SCIM error schema. */
    @RequestMapping("/**")
    ResponseEntity<String> unknown() {
        return ScimJson.error(404, null, "There is no such SCIM endpoint.");
    }

    private static ResourceTypeResource user() {
        return new ResourceTypeResource(
                "User",
                "User",
                "A member of the organization",
                URI.create("/Users"),
                URI.create(ScimUserSync.USER_SCHEMA),
                List.of(new ResourceTypeResource.SchemaExtension(URI.create(ScimUserSync.ENTERPRISE), false)));
    }

    private static ResourceTypeResource group() {
        return new ResourceTypeResource(
                "Group",
                "Group",
                "A team of the organization",
                URI.create("/Groups"),
                URI.create(ScimGroupSync.GROUP_SCHEMA),
                List.of());
    }

    private static List<SchemaResource> schemas() {
        try {
            return List.of(
                    SchemaUtils.getSchema(UserResource.class),
                    SchemaUtils.getSchema(EnterpriseUserExtension.class),
                    SchemaUtils.getSchema(GroupResource.class));
        } catch (IntrospectionException e) {
            throw new IllegalStateException("The SCIM schemas could not be described", e);
        }
    }
}
