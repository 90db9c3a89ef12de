package dev.kept.people;

import dev.kept.shared.Cursor;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import dev.kept.shared.SecretTokens;
import dev.kept.shared.StorableTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations at scale, for an admin: invite many people at once, resend every invitation not yet
 * accepted, and list who has not joined. Each invitation is sent as {@link Invitations} sends one
 * (a {@link PersonInvited} event carries the link; a new link replaces the earlier ones), written in
 * batches rather than one aggregate at a time.
 */
@Service
public class BulkInvitations {

    private static final Cursor NEWEST = new Cursor("9999-12-31T00:00:00Z", new UUID(-1L, -1L));

    private static final Pattern NAMED = Pattern.compile("^\\s*\"?([^\"<]*?)\"?\\s*<([^<>]*)>\\s*$");

    private final People people;
    private final OrganizationRepository organizations;
    private final ImportStore store;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final ApplicationEventPublisher events;
    private final PeopleProperties properties;
    private final InvitationLimits limits;
    private final Clock clock;

    BulkInvitations(
            People people,
            OrganizationRepository organizations,
            ImportStore store,
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batches,
            ApplicationEventPublisher events,
            PeopleProperties properties,
            InvitationLimits limits,
            Clock clock) {
        this.people = people;
        this.organizations = organizations;
        this.store = store;
        this.jdbc = jdbc;
        this.batches = batches;
        this.events = events;
        this.properties = properties;
        this.limits = limits;
        this.clock = clock;
    }

    /** How many people one request may invite. */
    public int mostAtOnce() {
        return limits.mostAtOnce();
    }

    /**
     * The people a text names, one a line: {@code ada@example.com} or {@code Ada Lovelace
     * <ada@example.com>}; blank lines are skipped but counted, so that each invitee keeps its line.
     */
    public static List<BulkInvitation.Invitee> parseLines(String text) {
        List<BulkInvitation.Invitee> invitees = new ArrayList<>();
        if (text == null) {
            return invitees;
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher named = NAMED.matcher(line);
            invitees.add(
                    named.matches()
                            ? new BulkInvitation.Invitee(
                                    i + 1,
                                    named.group(1).strip(),
                                    named.group(2).strip())
                            : new BulkInvitation.Invitee(i + 1, "", line));
        }
        return invitees;
    }

    /**
     * Invites every person of the list who is not in the organization yet. A line that is not an
     * e-mail address, or a name or address too long, refuses the whole list (reason INVITEES, each
     * line's problem in {@code errors}); an address given twice, or of someone already in the
     * organization, is left out and told.
     */
    @Transactional
    public BulkInvitation invite(Caller caller, List<BulkInvitation.Invitee> invitees) {
        Person admin = people.requireAdmin(caller);
        refuseInvalid(invitees);
        Map<String, PersonStatusAndRole> known = known(
                caller.organizationId(),
                invitees.stream().map(i -> People.normalize(i.email())).toList());
        List<BulkInvitation.Skipped> skipped = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<BulkInvitation.Invited> invited = new ArrayList<>();
        List<ImportStore.NewPerson> created = new ArrayList<>();
        for (BulkInvitation.Invitee invitee : invitees) {
            String email = People.normalize(invitee.email());
            PersonStatusAndRole existing = known.get(email);
            if (seen.containsKey(email)) {
                skipped.add(new BulkInvitation.Skipped(
                        invitee.line(), email, "DUPLICATE", "Also on line " + seen.get(email) + "."));
            } else if (existing != null && existing.role() == Role.GUEST) {
                skipped.add(new BulkInvitation.Skipped(
                        invitee.line(), email, "GUEST", "This address belongs to someone's outside partner."));
            } else if (existing != null && existing.status() == PersonStatus.INVITED) {
                skipped.add(new BulkInvitation.Skipped(
                        invitee.line(),
                        email,
                        "INVITED",
                        "Already invited and not joined yet: resend their invitation instead."));
            } else if (existing != null) {
                skipped.add(new BulkInvitation.Skipped(
                        invitee.line(), email, "MEMBER", "Already a member of the organization."));
            } else {
                String name = invitee.name() == null || invitee.name().isBlank()
                        ? email.substring(0, email.indexOf('@'))
                        : invitee.name().strip();
                UUID id = UUID.randomUUID();
                created.add(new ImportStore.NewPerson(
                        id, new ImportPlan.Wanted(email, name, null, null, null, null, Role.MEMBER, null), null));
                invited.add(new BulkInvitation.Invited(invitee.line(), id, name, email));
            }
            seen.putIfAbsent(email, invitee.line());
        }
        store.insertPeople(caller.organizationId(), created, properties.defaultTimeZone(), clock.instant());
        send(
                admin,
                invited.stream()
                        .map(i -> new Recipient(i.personId(), i.name(), i.email()))
                        .toList());
        return new BulkInvitation(invited, skipped);
    }

    private void refuseInvalid(List<BulkInvitation.Invitee> invitees) {
        if (invitees.isEmpty()) {
            throw new RuleViolationException("INVITEES", "invitees", "Name at least one person to invite.");
        }
        if (invitees.size() > limits.mostAtOnce()) {
            throw new RuleViolationException(
                    "TOO_MANY",
                    "invitees",
                    "At most " + limits.mostAtOnce() + " people can be invited at once; this list has "
                            + invitees.size() + ".");
        }
        List<Map<String, String>> errors = new ArrayList<>();
        for (BulkInvitation.Invitee invitee : invitees) {
            String email = invitee.email() == null ? "" : invitee.email().strip();
            String problem = null;
            if (email.isEmpty()) {
                problem = "has no e-mail address";
            } else if (email.length() > 254) {
                problem = "has an e-mail address longer than 254 characters";
            } else if (!ImportPlan.isEmail(email.toLowerCase(Locale.ROOT))) {
                problem = "is not an e-mail address (\"" + cut(email) + "\")";
            } else if (invitee.name() != null && invitee.name().strip().length() > 120) {
                problem = "has a name longer than 120 characters";
            }
            if (problem != null) {
                errors.add(Map.of("field", "line " + invitee.line(), "message", problem));
            }
        }
        if (!errors.isEmpty()) {
            StringBuilder detail = new StringBuilder("Nobody was invited: ");
            for (int i = 0; i < errors.size() && i < 10; i++) {
                detail.append(i == 0 ? "" : "; ")
                        .append(errors.get(i).get("field"))
                        .append(' ')
                        .append(errors.get(i).get("message"));
            }
            detail.append(errors.size() > 10 ? "; and " + (errors.size() - 10) + " more." : ".");
            RuleViolationException refused = new RuleViolationException("INVITEES", null, detail.toString());
            refused.getBody().setProperty("errors", errors);
            throw refused;
        }
    }

    private static String cut(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }

    private record PersonStatusAndRole(PersonStatus status, Role role) {}

    private Map<String, PersonStatusAndRole> known(UUID organizationId, List<String> emails) {
        Map<String, PersonStatusAndRole> known = new HashMap<>();
        if (emails.isEmpty()) {
            return known;
        }
        jdbc.sql("select email, status, role from person where organization_id = :organization and email in (:emails)")
                .param("organization", organizationId)
                .param("emails", emails)
                .query((rs, n) -> known.put(
                        rs.getString("email"),
                        new PersonStatusAndRole(
                                PersonStatus.valueOf(rs.getString("status")), Role.valueOf(rs.getString("role")))))
                .list();
        return known;
    }

    /**
     * A page of the members (never guests) who were invited and have not joined, newest first,
     * optionally of one team; each with when they were invited and last sent an invitation.
     */
    @Transactional(readOnly = true)
    public Page<PendingInvitation> notJoined(Caller caller, UUID teamId, String cursor, int limit) {
        Cursor before = Cursor.orStart(cursor, BulkInvitations::storableInstant, NEWEST);
        people.requireAdmin(caller);
        String team = teamId == null ? "" : " and p.team_id = :team";
        JdbcClient.StatementSpec statement = jdbc.sql("""
                        select p.id, p.name, p.email, p.team_id, t.name as team_name, p.created_at,
                               (select max(i.created_at) from invitation i
                                 where i.organization_id = p.organization_id and i.person_id = p.id) as last_sent_at
                          from person p left join team t on t.id = p.team_id
                         where p.organization_id = :organization and p.status = 'INVITED' and p.role <> 'GUEST'
                           and (p.created_at < :at or (p.created_at = :at and p.id < :id))""" + team + " order by p.created_at desc, p.id desc limit :rows")
                .param("organization", caller.organizationId())
                .param("at", Timestamp.from(Instant.parse(before.position())))
                .param("id", before.id())
                .param("rows", limit + 1);
        if (teamId != null) {
            statement = statement.param("team", teamId);
        }
        List<PendingInvitation> rows = statement
                .query((rs, n) -> {
                    Timestamp lastSent = rs.getTimestamp("last_sent_at");
                    return new PendingInvitation(
                            rs.getObject("id", UUID.class),
                            rs.getString("name"),
                            rs.getString("email"),
                            rs.getObject("team_id", UUID.class),
                            rs.getString("team_name"),
                            rs.getTimestamp("created_at").toInstant(),
                            lastSent == null ? null : lastSent.toInstant());
                })
                .list();
        return Page.of(rows, limit, row -> new Cursor(row.invitedAt().toString(), row.personId()));
    }

    /** How many members of the caller's organization have been invited and not joined yet. */
    @Transactional(readOnly = true)
    public long notJoinedCount(Caller caller) {
        people.requireAdmin(caller);
        return jdbc.sql("""
                        select count(*) from person
                         where organization_id = :organization and status = 'INVITED' and role <> 'GUEST'""")
                .param("organization", caller.organizationId())
                .query(Long.class)
                .single();
    }

    /**
     * Sends a new invitation to every member who has not joined, oldest invitation first, leaving
     * out those sent one within {@link InvitationLimits#resendAfter} and sending at most {@link
     * InvitationLimits#mostAtOnce}; earlier links stop working.
     */
    @Transactional
    public ResendSummary resendAll(Caller caller) {
        Person admin = people.requireAdmin(caller);
        Instant sentBefore = clock.instant().minus(limits.resendAfter());
        List<Recipient> due = jdbc.sql("""
                        select p.id, p.name, p.email from person p
                         where p.organization_id = :organization and p.status = 'INVITED' and p.role <> 'GUEST'
                           and not exists (select 1 from invitation i
                                            where i.organization_id = p.organization_id and i.person_id = p.id
                                              and i.created_at >= :sentBefore)
                         order by p.created_at, p.id limit :rows""")
                .param("organization", caller.organizationId())
                .param("sentBefore", Timestamp.from(sentBefore))
                .param("rows", limits.mostAtOnce() + 1)
                .query((rs, n) ->
                        new Recipient(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("email")))
                .list();
        List<Recipient> now = due.size() > limits.mostAtOnce() ? due.subList(0, limits.mostAtOnce()) : due;
        send(admin, now);
        long pending = notJoinedCount(caller);
        long remaining = jdbc.sql("""
                        select count(*) from person p
                         where p.organization_id = :organization and p.status = 'INVITED' and p.role <> 'GUEST'
                           and not exists (select 1 from invitation i
                                            where i.organization_id = p.organization_id and i.person_id = p.id
                                              and i.created_at >= :sentBefore)""")
                .param("organization", caller.organizationId())
                .param("sentBefore", Timestamp.from(sentBefore))
                .query(Long.class)
                .single();
        return new ResendSummary(now.size(), pending - now.size() - remaining, remaining);
    }

    /** Someone an invitation goes to. */
    record Recipient(UUID personId, String name, String email) {}

    /**
     * Sends each recipient a new invitation on behalf of {@code inviter}, in batches: their earlier
     * links stop working, and a {@link PersonInvited} event carries each new link to the e-mail.
     */
    void send(Person inviter, List<Recipient> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        UUID organizationId = inviter.getOrganizationId();
        Organization organization = organizations.findById(organizationId).orElseThrow();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.invitationValidity());
        List<UUID> ids = recipients.stream().map(Recipient::personId).toList();
        for (int from = 0; from < ids.size(); from += 500) {
            jdbc.sql("""
                            update invitation set revoked_at = :now, version = version + 1
                             where organization_id = :organization and person_id in (:ids)
                               and used_at is null and revoked_at is null""")
                    .param("now", Timestamp.from(now))
                    .param("organization", organizationId)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
                    .update();
        }
        List<SqlParameterSource> rows = new ArrayList<>();
        List<PersonInvited> invitations = new ArrayList<>();
        String base = properties.baseUrl().endsWith("/")
                ? properties.baseUrl().substring(0, properties.baseUrl().length() - 1)
                : properties.baseUrl();
        for (Recipient recipient : recipients) {
            UUID id = UUID.randomUUID();
            String token = SecretTokens.generate("");
            rows.add(new MapSqlParameterSource()
                    .addValue("id", id)
                    .addValue("organization", organizationId)
                    .addValue("person", recipient.personId())
                    .addValue("hash", SecretTokens.hash(token))
                    .addValue("expires", Timestamp.from(expiresAt))
                    .addValue("now", Timestamp.from(now)));
            invitations.add(new PersonInvited(
                    organizationId,
                    recipient.personId(),
                    id,
                    organization.getName(),
                    recipient.name(),
                    recipient.email(),
                    inviter.getName(),
                    false,
                    base + "/invitations/" + token,
                    expiresAt));
        }
        batches.batchUpdate("""
                insert into invitation (id, organization_id, person_id, token_hash, expires_at, used_at, revoked_at,
                                        created_at, version)
                values (:id, :organization, :person, :hash, :expires, null, null, :now, 0)""", rows.toArray(SqlParameterSource[]::new));
        invitations.forEach(events::publishEvent);
    }

    private static Instant storableInstant(String text) {
        Instant instant = Instant.parse(text);
        if (!StorableTime.contains(instant)) {
            throw new IllegalArgumentException("not a time the database keeps: " + text);
        }
        return instant;
    }
}
