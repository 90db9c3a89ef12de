package dev.kept.scim;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the identity provider knows of a person or team: its own id for it ({@code externalId}),
 * when the directory sync created it and last changed it.
 */
@Repository
class ScimLinks {

    static final String USER = "USER";
    static final String GROUP = "GROUP";

    record Link(String externalId, Instant created, Instant lastModified) {}

    private final JdbcClient jdbc;

    ScimLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Link> find(String type, UUID id) {
        return jdbc.sql("select external_id, created_at, last_modified from scim_resource"
                        + " where resource_type = :type and resource_id = :id")
                .param("type", type)
                .param("id", id)
                .query((rs, row) -> new Link(
                        rs.getString("external_id"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_modified").toInstant()))
                .optional();
    }

    Map<UUID, Link> find(String type, Collection<UUID> ids) {
        Map<UUID, Link> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select resource_id, external_id, created_at, last_modified from scim_resource"
                        + " where resource_type = :type and resource_id in (:ids)")
                .param("type", type)
                .param("ids", ids)
                .query(rs -> {
                    found.put(
                            rs.getObject("resource_id", UUID.class),
                            new Link(
                                    rs.getString("external_id"),
                                    rs.getTimestamp("created_at").toInstant(),
                                    rs.getTimestamp("last_modified").toInstant()));
                });
        return found;
    }

    Optional<UUID> byExternalId(UUID organizationId, String type, String externalId) {
        return jdbc
                .sql("select resource_id from scim_resource where organization_id = :org"
                        + " and resource_type = :type and external_id = :externalId")
                .param("org", organizationId)
                .param("type", type)
                .param("externalId", externalId, Types.VARCHAR)
                .query(UUID.class)
                .list()
                .stream()
                .findFirst();
    }

    /** Records a change by the directory sync; a null {@code externalId} keeps the one known. */
    void changed(UUID organizationId, String type, UUID id, String externalId, Instant now) {
        Timestamp at = Timestamp.from(now);
        int updated = jdbc.sql("update scim_resource set last_modified = :now,"
                        + " external_id = coalesce(:externalId, external_id)"
                        + " where resource_type = :type and resource_id = :id")
                .param("now", at)
                .param("externalId", externalId, Types.VARCHAR)
                .param("type", type)
                .param("id", id)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into scim_resource (resource_type, resource_id, organization_id, external_id,"
                            + " created_at, last_modified) values (:type, :id, :org, :externalId, :now, :now)")
                    .param("type", type)
                    .param("id", id)
                    .param("org", organizationId)
                    .param("externalId", externalId, Types.VARCHAR)
                    .param("now", at)
                    .update();
        }
    }
}
