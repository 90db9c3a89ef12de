package dev.kept.access;

import dev.kept.partnerships.Partnerships;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.people.Teams;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The one place that decides who may see a piece of owned content. Nobody has implicit access:
 * not a manager, not an admin, not a colleague. Content of another organization is never visible.
 *
 * <ul>
 *   <li>{@code PRIVATE}: the owner only;
 *   <li>{@code PARTNERS}: the owner, and each partner who holds the owner accountable (a peer, or
 *       the coach or mentor the owner invited) through an <em>active</em> partnership the content
 *       is shared with. Sharing is decided when the owner shares: "all my partners" names the
 *       partnerships the owner has at that moment, so a partnership that begins later sees nothing
 *       shared before it until the owner shares it there. A paused, suspended or ended partnership
 *       shows nothing;
 *   <li>{@code TEAM}: the owner and the members of the owner's current team;
 *   <li>{@code ORGANIZATION}: every member of the owner's organization.
 * </ul>
 *
 * <p>Content made to someone (a commitment that answers their expectation) is also theirs to see,
 * whatever its visibility, and so is content they were invited to co-own. A guest (an outside partner) sees only their own content and what
 * partners share with them.
 *
 * <p>Goals are the organization's shared direction: every member sees all of them, a guest none
 * ({@link #canSeeGoals}). An organization goal is set and changed by an admin, a team goal by its
 * team's lead or an admin ({@link #canChangeGoal}).
 *
 * <p>The same rule is given twice, as a check on one item ({@link #canSee}) and as a SQL predicate
 * for lists ({@link #visibleTo}); the access matrix test holds the two to each other.
 */
@Component
public class AccessPolicy {

    private final People people;
    private final Teams orgTeams;
    private final Partnerships partnerships;

    AccessPolicy(People people, Teams orgTeams, Partnerships partnerships) {
        this.people = people;
        this.orgTeams = orgTeams;
        this.partnerships = partnerships;
    }

    /**
     * Content as the policy needs to know it: where it lives, whose it is, how it is shared: the
     * partnerships in {@code sharedWith}, none when it is empty.
     */
    public record Owned(
            UUID organizationId,
            UUID ownerId,
            Visibility visibility,
            Set<UUID> sharedWith,
            UUID madeTo,
            Set<UUID> coOwners) {

        public Owned(UUID organizationId, UUID ownerId, Visibility visibility, Set<UUID> sharedWith) {
            this(organizationId, ownerId, visibility, sharedWith, null, Set.of());
        }

        public Owned(UUID organizationId, UUID ownerId, Visibility visibility) {
            this(organizationId, ownerId, visibility, Set.of(), null, Set.of());
        }
    }

    /**
     * A SQL predicate with its named parameters, to be joined into a query with {@code and}; and,
     * when the caller may see only a few rows (a guest: their own, those made to them, co-owned or
     * shared with them), {@code narrowing}: a select of ids holding every visible row, for a list to
     * start from instead of walking all the organization's rows ({@code null} otherwise).
     */
    public record SqlScope(String predicate, Map<String, Object> parameters, String narrowing) {

        public SqlScope(String predicate, Map<String, Object> parameters) {
            this(predicate, parameters, null);
        }
    }

    public boolean canSee(Caller caller, Owned content) {
        if (!Objects.equals(caller.organizationId(), content.organizationId())) {
            return false;
        }
        if (isOwner(caller, content)
                || Objects.equals(caller.personId(), content.madeTo())
                || content.coOwners().contains(caller.personId())) {
            return true;
        }
        Person viewer = viewer(caller);
        if (viewer == null) {
            return false;
        }
        return switch (content.visibility()) {
            case PRIVATE -> false;
            case PARTNERS -> seesAsPartner(caller, content);
            case ORGANIZATION -> !viewer.isGuest();
            case TEAM -> {
                UUID viewerTeam = viewer.getTeamId();
                yield viewerTeam != null
                        && !viewer.isGuest()
                        && viewerTeam.equals(orgTeams.teamOf(content.organizationId(), content.ownerId())
                                .orElse(null));
            }
        };
    }

    /**
     * Whether the caller sees this content as a partner who holds its owner accountable, through
     * an active partnership it is shared with: who may challenge the owner on it.
     */
    public boolean seesAsPartner(Caller caller, Owned content) {
        return !partnershipsSeeing(caller, content).isEmpty();
    }

    /**
     * Whether the caller is the other side of this content: the person it is made to, or a partner
     * who sees it as such. The other side decides on renegotiations and confirms the outcome.
     */
    public boolean isOtherSide(Caller caller, Owned content) {
        return isMadeTo(caller, content) || seesAsPartner(caller, content);
    }

    /** Whether the content is made to the caller (who is not its owner). */
    public boolean isMadeTo(Caller caller, Owned content) {
        return Objects.equals(caller.organizationId(), content.organizationId())
                && Objects.equals(caller.personId(), content.madeTo())
                && !isOwner(caller, content);
    }

    /**
     * Everyone who is the other side of this content: the person it is made to, and each partner
     * who sees it through an active partnership it is shared with.
     */
    public Set<UUID> otherSides(Owned content) {
        Set<UUID> others = new java.util.LinkedHashSet<>();
        if (content.madeTo() != null) {
            others.add(content.madeTo());
        }
        if (content.visibility() == Visibility.PARTNERS) {
            partnerships.holdersOf(content.organizationId(), content.ownerId()).stream()
                    .filter(link -> content.sharedWith().contains(link.partnershipId()))
                    .forEach(link -> others.add(link.ownerId()));
        }
        others.remove(content.ownerId());
        return others;
    }

    /** Who may read an expectation: the requester, the person asked, and the members of the team asked. */
    public boolean canSeeExpectation(
            Caller caller, UUID organizationId, UUID requesterId, UUID toPersonId, UUID toTeamId) {
        if (!Objects.equals(caller.organizationId(), organizationId)) {
            return false;
        }
        if (caller.personId().equals(requesterId) || caller.personId().equals(toPersonId)) {
            return true;
        }
        Person viewer = viewer(caller);
        return toTeamId != null && viewer != null && !viewer.isGuest() && toTeamId.equals(viewer.getTeamId());
    }

    /** The partnerships through which the caller sees this content (none unless a partner). */
    public List<UUID> partnershipsSeeing(Caller caller, Owned content) {
        if (!Objects.equals(caller.organizationId(), content.organizationId())
                || content.visibility() != Visibility.PARTNERS
                || isOwner(caller, content)) {
            return List.of();
        }
        return sharingLinks(caller, content)
                .map(Partnerships.Link::partnershipId)
                .toList();
    }

    private java.util.stream.Stream<Partnerships.Link> sharingLinks(Caller caller, Owned content) {
        return partnerships.seenBy(caller.organizationId(), caller.personId()).stream()
                .filter(link -> link.ownerId().equals(content.ownerId()))
                .filter(link -> content.sharedWith().contains(link.partnershipId()));
    }

    /** Whether the caller sees the goals of their organization: every member does, a guest does not. */
    public boolean canSeeGoals(Caller caller) {
        Person viewer = viewer(caller);
        return viewer != null && !viewer.isGuest();
    }

    /**
     * Whether the caller may set or change a goal of their organization owned by this team (null:
     * an organization goal): an admin may change any, a team's lead their team's.
     */
    /**
     * Whether the caller acts for this team in negotiating a co-owned goal: its lead, or a member of
     * the team its lead allowed ({@code allowed}). An admin does not act for a team they do not lead.
     */
    public boolean actsForTeam(Caller caller, UUID teamId, java.util.Collection<UUID> allowed) {
        Person viewer = viewer(caller);
        if (viewer == null || viewer.isGuest() || teamId == null) {
            return false;
        }
        boolean leads = orgTeams.teams(caller).stream()
                .anyMatch(
                        team -> team.getId().equals(teamId) && caller.personId().equals(team.getLeadId()));
        return leads || (allowed.contains(caller.personId()) && teamId.equals(viewer.getTeamId()));
    }

    /**
     * Whether the caller sees the work between these teams (a co-owned goal's negotiation): a member
     * of one of them, or the lead of one. Other members, admins included, and guests do not.
     */
    public boolean canSeeTeamsWork(Caller caller, java.util.Collection<UUID> teamIds) {
        Person viewer = viewer(caller);
        if (viewer == null || viewer.isGuest()) {
            return false;
        }
        if (viewer.getTeamId() != null && teamIds.contains(viewer.getTeamId())) {
            return true;
        }
        return orgTeams.teams(caller).stream()
                .anyMatch(team ->
                        teamIds.contains(team.getId()) && caller.personId().equals(team.getLeadId()));
    }

    public boolean canChangeGoal(Caller caller, UUID teamId) {
        Person viewer = viewer(caller);
        if (viewer == null || viewer.isGuest()) {
            return false;
        }
        if (viewer.isAdmin()) {
            return true;
        }
        return teamId != null
                && orgTeams.teams(caller).stream()
                        .anyMatch(team ->
                                team.getId().equals(teamId) && caller.personId().equals(team.getLeadId()));
    }

    /** Only the owner changes their content. */
    public boolean canChange(Caller caller, Owned content) {
        return Objects.equals(caller.organizationId(), content.organizationId()) && isOwner(caller, content);
    }

    /**
     * The rows of a table with {@code id}, {@code organization_id}, {@code owner_id}, {@code
     * made_to_id} and {@code visibility} columns (under the given alias) that the caller may see;
     * shares are read from {@code commitment_share}, co-owners from {@code co_owner}.
     *
     * <p>Each sub-select is uncorrelated ({@code in (select ...)}, never a per-row {@code exists}):
     * the database reads the caller's co-owned commitments, team mates and shares once per query,
     * so a list can walk an index in its own order and stop after a page, testing each row cheaply.
     */
    public SqlScope visibleTo(Caller caller, String alias) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("viewerOrganization", caller.organizationId());
        parameters.put("viewer", caller.personId());
        String c = alias;
        StringBuilder predicate = new StringBuilder()
                .append(c)
                .append(".organization_id = :viewerOrganization and (")
                .append(c)
                .append(".owner_id = :viewer or ")
                .append(c)
                .append(".made_to_id = :viewer or ")
                .append(c)
                .append(".id in (select co.commitment_id from co_owner co where co.person_id = :viewer)");
        Person viewer = viewer(caller);
        boolean broad = viewer != null && !viewer.isGuest();
        if (broad) {
            predicate.append(" or ").append(c).append(".visibility = 'ORGANIZATION'");
            if (viewer.getTeamId() != null) {
                parameters.put("viewerTeam", viewer.getTeamId());
                predicate.append(" or ").append(teamContent(c));
            }
        }
        List<Partnerships.Link> links =
                viewer == null ? List.of() : partnerships.seenBy(caller.organizationId(), caller.personId());
        if (!links.isEmpty()) {
            parameters.put(
                    "partnerOwners",
                    links.stream().map(Partnerships.Link::ownerId).distinct().toList());
            parameters.put(
                    "viewerPartnerships",
                    links.stream().map(Partnerships.Link::partnershipId).toList());
            predicate
                    .append(" or (")
                    .append(c)
                    .append(".visibility = 'PARTNERS' and ")
                    .append(c)
                    .append(".owner_id in (:partnerOwners) and ")
                    .append(c)
                    .append(".id in (select my_share.commitment_id from commitment_share my_share")
                    .append(" where my_share.partnership_id in (:viewerPartnerships)))");
        }
        predicate.append(')');
        return new SqlScope(predicate.toString(), parameters, broad ? null : narrowing(!links.isEmpty()));
    }

    /**
     * What a viewer sees of content for being a member of the organization and of their team,
     * whoever they are: content of organization visibility, and team content whose owner is in
     * their team. Reads that count the same rows for many viewers count them once by visibility
     * and owner's team, keep the count, and ask {@link #sees} per viewer; the rest of what a viewer
     * sees is theirs alone ({@link #personalTo}).
     */
    public record Audience(boolean member, UUID teamId) {

        /** Whether this audience sees content of this visibility owned by a member of {@code ownerTeamId}. */
        public boolean sees(Visibility visibility, UUID ownerTeamId) {
            return member
                    && (visibility == Visibility.ORGANIZATION
                            || (visibility == Visibility.TEAM && teamId != null && teamId.equals(ownerTeamId)));
        }
    }

    /** The caller's audience: a guest (or someone unknown) sees nothing for being a member. */
    public Audience audienceOf(Caller caller) {
        Person viewer = viewer(caller);
        boolean member = viewer != null && !viewer.isGuest();
        return new Audience(member, member ? viewer.getTeamId() : null);
    }

    /**
     * The rows (as {@link #visibleTo} takes them) the caller sees and their {@linkplain #audienceOf
     * audience} does not: their own, those made to them, co-owned or shared with them, of any other
     * visibility or team. Together with what {@link Audience#sees} admits, exactly what {@link
     * #visibleTo} admits, each row once. Its {@code narrowing} holds every such row (some twice), so
     * that a read can start from the few rows that are the caller's alone.
     */
    public SqlScope personalTo(Caller caller, String alias) {
        SqlScope all = visibleTo(caller, alias);
        Audience audience = audienceOf(caller);
        String c = alias;
        StringBuilder predicate = new StringBuilder(all.predicate());
        if (audience.member()) {
            predicate.append(" and ").append(c).append(".visibility <> 'ORGANIZATION'");
            if (audience.teamId() != null) {
                predicate.append(" and not ").append(teamContent(c));
            }
        }
        return new SqlScope(
                predicate.toString(),
                all.parameters(),
                narrowing(all.parameters().containsKey("viewerPartnerships")));
    }

    /** Team content whose owner is in the viewer's team ({@code :viewerTeam}), as a parenthesized condition. */
    private static String teamContent(String c) {
        return "(" + c + ".visibility = 'TEAM' and " + c + ".owner_id in (select team_member.id from person team_member"
                + " where team_member.organization_id = :viewerOrganization and team_member.team_id = :viewerTeam))";
    }

    private static String narrowing(boolean shares) {
        return "select narrow_own.id from commitment narrow_own"
                + " where narrow_own.organization_id = :viewerOrganization and narrow_own.owner_id = :viewer"
                + " union all select narrow_made.id from commitment narrow_made"
                + " where narrow_made.organization_id = :viewerOrganization and narrow_made.made_to_id = :viewer"
                + " union all select narrow_co.commitment_id from co_owner narrow_co where narrow_co.person_id = :viewer"
                + (shares
                        ? " union all select narrow_share.commitment_id from commitment_share narrow_share"
                                + " where narrow_share.partnership_id in (:viewerPartnerships)"
                        : "");
    }

    /**
     * The teams, among these (each with its lead, or null), whose anonymous pulse results the caller
     * sees: every one for an admin, otherwise the caller's own team and the teams they lead; none
     * for a guest. The pulse itself decides what of a team's results may show at all.
     */
    public Set<UUID> pulseTeamsSeenBy(Caller caller, Map<UUID, UUID> leadOfTeam) {
        Person viewer = viewer(caller);
        if (viewer == null || viewer.isGuest()) {
            return Set.of();
        }
        if (viewer.isAdmin()) {
            return Set.copyOf(leadOfTeam.keySet());
        }
        Set<UUID> seen = new java.util.HashSet<>();
        leadOfTeam.forEach((team, lead) -> {
            if (team.equals(viewer.getTeamId()) || caller.personId().equals(lead)) {
                seen.add(team);
            }
        });
        return seen;
    }

    private Person viewer(Caller caller) {
        return people.personIn(caller.organizationId(), caller.personId()).orElse(null);
    }

    private static boolean isOwner(Caller caller, Owned content) {
        return Objects.equals(caller.personId(), content.ownerId());
    }
}
