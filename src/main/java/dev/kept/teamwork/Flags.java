package dev.kept.teamwork;

import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Teams;
import dev.kept.shared.ConflictException;
import dev.kept.shared.Cursor;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jeopardy flags: anyone who may see a commitment, an expectation or a goal says it seems in
 * jeopardy, with what they noticed, a question and maybe an offer of help. The owners answer; an
 * owner or the raiser resolves it, the raiser may withdraw it. A flag is seen by its raiser and by
 * whoever may see its target now; for anyone else, and for guests, it does not exist.
 */
@Service
public class Flags {

    private final FlagRepository flags;
    private final HelpOffers helpOffers;
    private final Targets targets;
    private final People people;
    private final Teams orgTeams;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Flags(
            FlagRepository flags,
            HelpOffers helpOffers,
            Targets targets,
            People people,
            Teams orgTeams,
            Clock clock,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.flags = flags;
        this.helpOffers = helpOffers;
        this.targets = targets;
        this.people = people;
        this.orgTeams = orgTeams;
        this.clock = clock;
    }

    /** The non-blocking hints on a flag's wording, as the form shows them while one types. */
    public List<FlagWording.Hint> wording(String noticed, String question) {
        return FlagWording.check(noticed, question);
    }

    @Transactional
    public FlagView raise(Caller caller, FlagDraft draft) {
        Target target = targets.visible(caller, draft.targetType(), draft.targetId())
                .orElseThrow(() -> new RuleViolationException(
                        "UNKNOWN_TARGET",
                        "targetId",
                        "There is no such "
                                + (draft.targetType() == null ? "thing" : HelpOffers.noun(draft.targetType())) + "."));
        if (target.type() == TargetType.COMMITMENT && target.owners().contains(caller.personId())) {
            throw new RuleViolationException(
                    "OWN_COMMITMENT",
                    "targetId",
                    "This is your own commitment: report its progress or renegotiate it rather than flag it.");
        }
        JeopardyFlag flag = JeopardyFlag.raise(
                caller.organizationId(),
                target,
                caller.personId(),
                caller.name(),
                draft.noticed().strip(),
                draft.question().strip(),
                clock.instant());
        if (draft.help() != null) {
            HelpOffer offer = helpOffers.offerWithFlag(
                    caller, target, draft.help().kind(), draft.help().what(), flag.getId());
            flag.offeredHelp(offer.getId());
        }
        return view(flags.save(flag), caller, names(caller));
    }

    /**
     * The flags the caller raised or that were raised on what they own; open first, newest first:
     * the page after {@code cursor} (null: the first), at most {@code limit}. The rows are read a
     * page at a time and those the caller may no longer see are left out, so a page may hold fewer
     * than {@code limit} while another follows. A forged cursor answers 400.
     */
    @Transactional(readOnly = true)
    public Page<FlagView> mine(Caller caller, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Ranked::parse, null);
        requireMember(caller);
        List<JeopardyFlag> rows =
                // The caller's flags found from their ids (an index each), not by testing every flag of the
                // organization: as "raised_by = ... or exists (...)", PostgreSQL read them all.
                read("""
                f.organization_id = :organization
                and f.id in (select raised.id from jeopardy_flag raised
                              where raised.organization_id = :organization and raised.raised_by = :person
                             union all
                             select o.flag_id from jeopardy_flag_owner o where o.person_id = :person)""", Map.of("organization", caller.organizationId(), "person", caller.personId()), after, limit);
        Page<JeopardyFlag> page = Page.of(rows, limit, Flags::position);
        Names names = names(caller, page.items());
        return new Page<>(
                page.items().stream()
                        .filter(flag -> seen(caller, flag, names))
                        .map(flag -> view(flag, caller, names))
                        .toList(),
                page.next());
    }

    /**
     * The flags the caller may see on one target (all of them while the caller sees the target,
     * else the ones the caller raised); open first, newest first: the page after {@code cursor}.
     */
    @Transactional(readOnly = true)
    public Page<FlagView> on(Caller caller, TargetType type, UUID id, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Ranked::parse, null);
        requireMember(caller);
        List<JeopardyFlag> rows = read(
                "f.organization_id = :organization and f.target_type = :type and f.target_id = :target",
                Map.of("organization", caller.organizationId(), "type", type.name(), "target", id),
                after,
                limit);
        Page<JeopardyFlag> page = Page.of(rows, limit, Flags::position);
        Names names = names(caller, page.items());
        return new Page<>(
                page.items().stream()
                        .filter(flag -> seen(caller, flag, names))
                        .map(flag -> view(flag, caller, names))
                        .toList(),
                page.next());
    }

    private static final String RANK = "case when f.status = 'OPEN' then 0 else 1 end";

    /**
     * The flags matching {@code where}, open first, newest first (then by id), after {@code after}
     * (null: from the start), at most {@code limit + 1}; their owners at the time are read in one
     * more statement for the whole page (the repository would read them one flag at a time).
     */
    private List<JeopardyFlag> read(String where, Map<String, ?> parameters, Cursor after, int limit) {
        String sql = "select f.* from jeopardy_flag f where " + where;
        Map<String, Object> values = new HashMap<>(parameters);
        if (after != null) {
            Ranked at = Ranked.parse(after.position());
            sql += " and (" + RANK + " > :rank or (" + RANK + " = :rank"
                    + " and (f.created_at < :at or (f.created_at = :at and f.id > :id))))";
            values.put("rank", at.rank());
            values.put("at", Timestamp.from(at.at()));
            values.put("id", after.id());
        }
        values.put("rows", limit + 1);
        List<java.util.function.Function<Map<UUID, Set<FlagOwner>>, JeopardyFlag>> found = jdbc.sql(
                        sql + " order by " + RANK + ", f.created_at desc, f.id limit :rows")
                .params(values)
                .query((rs, n) -> flag(rs))
                .list();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<FlagOwner>> owners = new HashMap<>();
        List<JeopardyFlag> withoutOwners =
                found.stream().map(f -> f.apply(Map.of())).toList();
        jdbc.sql("select flag_id, person_id from jeopardy_flag_owner where flag_id in (:ids)")
                .param("ids", withoutOwners.stream().map(JeopardyFlag::getId).toList())
                .query((rs, n) -> owners.computeIfAbsent(rs.getObject("flag_id", UUID.class), k -> new HashSet<>())
                        .add(new FlagOwner(rs.getObject("person_id", UUID.class))))
                .list();
        return found.stream().map(f -> f.apply(owners)).toList();
    }

    /** A flag row, waiting for its owners. */
    private static java.util.function.Function<Map<UUID, Set<FlagOwner>>, JeopardyFlag> flag(java.sql.ResultSet rs)
            throws java.sql.SQLException {
        UUID id = rs.getObject("id", UUID.class);
        long version = rs.getLong("version");
        JeopardyFlag read = new JeopardyFlag(
                id,
                rs.getObject("organization_id", UUID.class),
                TargetType.valueOf(rs.getString("target_type")),
                rs.getObject("target_id", UUID.class),
                rs.getObject("raised_by", UUID.class),
                rs.getString("noticed"),
                rs.getString("question"),
                rs.getObject("help_offer_id", UUID.class),
                FlagStatus.valueOf(rs.getString("status")),
                rs.getString("answer"),
                rs.getObject("answered_by", UUID.class),
                instant(rs.getTimestamp("answered_at")),
                rs.getString("note"),
                rs.getObject("closed_by", UUID.class),
                instant(rs.getTimestamp("closed_at")),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("updated_at")),
                Set.of(),
                rs.getLong("version"));
        return owners -> new JeopardyFlag(
                id,
                read.getOrganizationId(),
                read.getTargetType(),
                read.getTargetId(),
                read.getRaisedBy(),
                read.getNoticed(),
                read.getQuestion(),
                read.getHelpOfferId(),
                read.getStatus(),
                read.getAnswer(),
                read.getAnsweredBy(),
                read.getAnsweredAt(),
                read.getNote(),
                read.getClosedBy(),
                read.getClosedAt(),
                read.getCreatedAt(),
                read.getUpdatedAt(),
                owners.getOrDefault(id, Set.of()),
                version);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static Cursor position(JeopardyFlag f) {
        return new Cursor(new Ranked(f.getStatus() == FlagStatus.OPEN ? 0 : 1, f.getCreatedAt()).text(), f.getId());
    }

    private static List<UUID> people(List<JeopardyFlag> page) {
        return page.stream()
                .flatMap(f -> java.util.stream.Stream.of(f.getRaisedBy(), f.getAnsweredBy(), f.getClosedBy()))
                .toList();
    }

    /**
     * The flags the caller may see on these targets of one type: all flags on the ones the caller
     * may see now, and the ones the caller raised; open first, newest first, of the first {@code
     * most} flags on them. Empty for a guest.
     */
    @Transactional(readOnly = true)
    public List<FlagView> onTargets(Caller caller, TargetType type, Collection<UUID> ids, int most) {
        if (type == null || ids.isEmpty() || targets.isGuest(caller)) {
            return List.of();
        }
        List<JeopardyFlag> found = flags.findOnTargets(caller.organizationId(), type.name(), ids, most);
        if (found.isEmpty()) {
            return List.of();
        }
        Names names = names(caller, found);
        return found.stream()
                .filter(flag -> seen(caller, flag, names))
                .map(flag -> view(flag, caller, names))
                .toList();
    }

    @Transactional(readOnly = true)
    public FlagView get(Caller caller, UUID id) {
        Names names = names(caller);
        return view(readable(caller, id, names), caller, names);
    }

    /** An owner answers the flag, or changes the answer, while it is open. */
    @Transactional
    public FlagView answer(Caller caller, UUID id, String answer) {
        Names names = names(caller);
        JeopardyFlag flag = readable(caller, id, names);
        if (!answers(caller, flag, names)) {
            throw new ForbiddenException("Only the owners of what is flagged answer a flag.");
        }
        flag.answer(caller.personId(), caller.name(), answer.strip(), clock.instant());
        return save(flag, caller, names);
    }

    /** An owner or the raiser resolves the flag, with an optional note. */
    @Transactional
    public FlagView resolve(Caller caller, UUID id, String note) {
        Names names = names(caller);
        JeopardyFlag flag = readable(caller, id, names);
        boolean raiser = flag.getRaisedBy().equals(caller.personId());
        if (!raiser && !answers(caller, flag, names)) {
            throw new ForbiddenException("Only the owners of what is flagged, or who raised the flag, resolve it.");
        }
        flag.resolve(caller.personId(), caller.name(), clean(note), owners(flag, names), clock.instant());
        return save(flag, caller, names);
    }

    /** The raiser withdraws the flag. */
    @Transactional
    public FlagView withdraw(Caller caller, UUID id) {
        Names names = names(caller);
        JeopardyFlag flag = readable(caller, id, names);
        if (!flag.getRaisedBy().equals(caller.personId())) {
            throw new ForbiddenException("Only who raised a flag withdraws it.");
        }
        flag.withdraw(caller.name(), owners(flag, names), clock.instant());
        return save(flag, caller, names);
    }

    private JeopardyFlag readable(Caller caller, UUID id, Names names) {
        requireMember(caller);
        return flags.findByIdAndOrganizationId(id, caller.organizationId())
                .filter(flag -> seen(caller, flag, names))
                .orElseThrow(() -> new NotFoundException("Flag"));
    }

    private static boolean seen(Caller caller, JeopardyFlag flag, Names names) {
        return flag.getRaisedBy().equals(caller.personId())
                || names.target(flag.getTargetType(), flag.getTargetId()).isPresent();
    }

    /** Whether the caller owns the flagged target now (and did not raise the flag). */
    private static boolean answers(Caller caller, JeopardyFlag flag, Names names) {
        return !flag.getRaisedBy().equals(caller.personId())
                && names.target(flag.getTargetType(), flag.getTargetId())
                        .map(target -> target.owners().contains(caller.personId()))
                        .orElse(false);
    }

    /** Who owns the target now, as far as the caller sees it; else who owned it when flagged. */
    private static Set<UUID> owners(JeopardyFlag flag, Names names) {
        return names.target(flag.getTargetType(), flag.getTargetId())
                .map(Target::owners)
                .orElse(flag.ownerIds());
    }

    private void requireMember(Caller caller) {
        if (targets.isGuest(caller)) {
            throw new NotFoundException("Flag");
        }
    }

    private FlagView save(JeopardyFlag flag, Caller caller, Names names) {
        try {
            return view(flags.save(flag), caller, names);
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ConflictException("This flag was changed at the same time; reload it and try again.");
        }
    }

    private FlagView view(JeopardyFlag f, Caller caller, Names names) {
        Optional<Target> target = names.target(f.getTargetType(), f.getTargetId());
        boolean open = f.getStatus() == FlagStatus.OPEN;
        boolean raiser = f.getRaisedBy().equals(caller.personId());
        boolean owner = answers(caller, f, names);
        return new FlagView(
                f.getId(),
                f.getTargetType(),
                f.getTargetId(),
                target.map(Target::title).orElse(null),
                target.isPresent() ? f.getTargetType().link(f.getTargetId()) : null,
                f.getRaisedBy(),
                names.person(f.getRaisedBy()),
                f.getNoticed(),
                f.getQuestion(),
                f.getHelpOfferId(),
                f.getStatus(),
                f.getAnswer(),
                f.getAnsweredBy() == null ? null : names.person(f.getAnsweredBy()),
                f.getAnsweredAt(),
                f.getNote(),
                f.getClosedBy() == null ? null : names.person(f.getClosedBy()),
                f.getClosedAt(),
                f.getCreatedAt(),
                FlagWording.check(f.getNoticed(), f.getQuestion()),
                open && owner,
                open && (owner || raiser),
                open && raiser);
    }

    private Names names(Caller caller) {
        return new Names(people, orgTeams, targets, caller);
    }

    /** Names for a page of flags: their people and their targets read for the whole page at once. */
    private Names names(Caller caller, List<JeopardyFlag> page) {
        Names names = names(caller);
        names.preload(people(page));
        names.preloadTargets(Names.targetsOf(page, JeopardyFlag::getTargetType, JeopardyFlag::getTargetId));
        return names;
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
