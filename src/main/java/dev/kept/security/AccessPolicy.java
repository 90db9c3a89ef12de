package dev.kept.security;

import dev.kept.people.Caller;
import dev.kept.people.People;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may see a piece of owned content. Nobody has implicit access:
 * not a manager, not an admin, not a colleague. Content of another organization is never visible.
 *
 * <ul>
 *   <li>{@code PRIVATE}: the owner only;
 *   <li>{@code PARTNERS}: the owner only, until partnerships exist;
 *   <li>{@code TEAM}: the owner and the members of the owner's current team;
 *   <li>{@code ORGANIZATION}: every member of the owner's organization.
 * </ul>
 *
 * <p>The same rule is given twice, as a check on one item ({@link #canSee}) and as a SQL predicate
 * for lists ({@link #visibleTo}); the access matrix test holds the two to each other.
 */
@Component
public class AccessPolicy {

    private final People people;

    AccessPolicy(People people) {
        this.people = people;
    }

    /** Content as the policy needs to know it: where it lives, whose it is, how it is shared. */
    public record Owned(UUID organizationId, UUID ownerId, Visibility visibility) {}

    /** A SQL predicate with its named parameters, to be joined into a query with {@code and}. */
    public record SqlScope(String predicate, Map<String, Object> parameters) {}

    public boolean canSee(Caller caller, Owned content) {
        if (!Objects.equals(caller.organizationId(), content.organizationId())) {
            return false;
        }
        if (isOwner(caller, content)) {
            return true;
        }
        return switch (content.visibility()) {
            case PRIVATE, PARTNERS -> false;
            case ORGANIZATION -> true;
            case TEAM -> {
                UUID viewerTeam = people.teamOf(caller.organizationId(), caller.personId())
                        .orElse(null);
                yield viewerTeam != null
                        && viewerTeam.equals(people.teamOf(content.organizationId(), content.ownerId())
                                .orElse(null));
            }
        };
    }

    /** Only the owner changes their content. */
    public boolean canChange(Caller caller, Owned content) {
        return Objects.equals(caller.organizationId(), content.organizationId()) && isOwner(caller, content);
    }

    /**
     * The rows of a table with {@code organization_id}, {@code owner_id} and {@code visibility}
     * columns (under the given alias) that the caller may see.
     */
    public SqlScope visibleTo(Caller caller, String alias) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("viewerOrganization", caller.organizationId());
        parameters.put("viewer", caller.personId());
        StringBuilder predicate = new StringBuilder()
                .append(alias)
                .append(".organization_id = :viewerOrganization and (")
                .append(alias)
                .append(".owner_id = :viewer or ")
                .append(alias)
                .append(".visibility = 'ORGANIZATION'");
        UUID viewerTeam =
                people.teamOf(caller.organizationId(), caller.personId()).orElse(null);
        if (viewerTeam != null) {
            parameters.put("viewerTeam", viewerTeam);
            predicate
                    .append(" or (")
                    .append(alias)
                    .append(".visibility = 'TEAM' and exists (select 1 from person")
                    .append(" team_member where team_member.id = ")
                    .append(alias)
                    .append(".owner_id")
                    .append(" and team_member.organization_id = :viewerOrganization")
                    .append(" and team_member.team_id = :viewerTeam))");
        }
        predicate.append(')');
        return new SqlScope(predicate.toString(), parameters);
    }

    private static boolean isOwner(Caller caller, Owned content) {
        return Objects.equals(caller.personId(), content.ownerId());
    }
}
