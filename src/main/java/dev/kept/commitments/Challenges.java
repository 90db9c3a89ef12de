package dev.kept.commitments;

import dev.kept.access.AccessPolicy;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.Person;
import dev.kept.shared.ConflictException;
import dev.kept.shared.Cursor;
import dev.kept.shared.ForbiddenException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Challenges on shared commitments. A partner who sees a commitment through an active partnership
 * may challenge its owner; the owner answers. Each thread is seen by its author, while they still
 * see the commitment as a partner, and by the owner; anyone else gets 404 or an empty list.
 */
@Service
class Challenges {

    private final ChallengeRepository challenges;
    private final CommitmentRepository commitments;
    private final AccessPolicy policy;
    private final People people;
    private final Clock clock;

    Challenges(
            ChallengeRepository challenges,
            CommitmentRepository commitments,
            AccessPolicy policy,
            People people,
            Clock clock) {
        this.challenges = challenges;
        this.commitments = commitments;
        this.policy = policy;
        this.people = people;
        this.clock = clock;
    }

    @Transactional
    ChallengeView post(Caller caller, UUID commitmentId, ChallengeKind kind, String message) {
        Commitment commitment = visibleCommitment(caller, commitmentId);
        if (!policy.seesAsPartner(caller, Commitments.owned(commitment))) {
            throw new ForbiddenException(
                    "Only a partner this commitment is shared with can challenge it, through an active partnership.");
        }
        Challenge challenge = challenges.save(
                Challenge.post(commitment, caller.personId(), caller.name(), kind, message.strip(), clock.instant()));
        return view(challenge, new HashMap<>());
    }

    /** The first instant a challenge can have been made at: where a page from the start begins. */
    private static final Cursor OLDEST = new Cursor(Instant.EPOCH.toString(), new UUID(0, 0));

    /**
     * A page of the threads the caller may read on one commitment, oldest first: all for the owner,
     * their own for a partner. {@code cursor}: the page before's {@link Page#next()}, or null.
     */
    @Transactional(readOnly = true)
    Page<ChallengeView> on(Caller caller, UUID commitmentId, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Instant::parse, OLDEST);
        Commitment commitment = visibleCommitment(caller, commitmentId);
        boolean owner = commitment.getOwnerId().equals(caller.personId());
        boolean partner = policy.seesAsPartner(caller, Commitments.owned(commitment));
        if (!owner && !partner) {
            return Page.empty();
        }
        Instant afterAt = Instant.parse(after.position());
        List<UUID> ids = owner
                ? challenges.pageOf(caller.organizationId(), commitmentId, afterAt, after.id(), limit + 1)
                : challenges.pageOfAuthor(
                        caller.organizationId(), commitmentId, caller.personId(), afterAt, after.id(), limit + 1);
        Map<UUID, Challenge> loaded = new HashMap<>();
        challenges.findAllById(ids).forEach(c -> loaded.put(c.getId(), c));
        Map<UUID, String> names = new HashMap<>();
        List<ChallengeView> rows = ids.stream()
                .map(loaded::get)
                .filter(java.util.Objects::nonNull)
                .map(c -> view(c, names))
                .toList();
        return Page.of(rows, limit, last -> new Cursor(last.createdAt().toString(), last.id()));
    }

    @Transactional(readOnly = true)
    ChallengeView get(Caller caller, UUID challengeId) {
        return view(readable(caller, challengeId), new HashMap<>());
    }

    @Transactional
    ChallengeView answer(Caller caller, UUID challengeId, String message, Boolean helpful) {
        Challenge challenge = readable(caller, challengeId);
        if (!challenge.getOwnerId().equals(caller.personId())) {
            throw new ForbiddenException("Only the owner of the commitment answers a challenge.");
        }
        challenge.answer(caller.name(), message.strip(), helpful, clock.instant());
        try {
            return view(challenges.save(challenge), new HashMap<>());
        } catch (OptimisticLockingFailureException concurrent) {
            throw new ConflictException("This challenge was answered at the same time; reload it and try again.");
        }
    }

    private Challenge readable(Caller caller, UUID challengeId) {
        Challenge challenge = challenges
                .findByIdAndOrganizationId(challengeId, caller.organizationId())
                .orElseThrow(() -> new NotFoundException("Challenge"));
        Commitment commitment = commitments
                .findByIdAndOrganizationId(challenge.getCommitmentId(), caller.organizationId())
                .orElseThrow(() -> new NotFoundException("Challenge"));
        boolean owner = commitment.getOwnerId().equals(caller.personId());
        boolean author = challenge.getAuthorId().equals(caller.personId())
                && policy.seesAsPartner(caller, Commitments.owned(commitment));
        if (!owner && !author) {
            throw new NotFoundException("Challenge");
        }
        return challenge;
    }

    private Commitment visibleCommitment(Caller caller, UUID commitmentId) {
        return commitments
                .findByIdAndOrganizationId(commitmentId, caller.organizationId())
                .filter(c -> policy.canSee(caller, Commitments.owned(c)))
                .orElseThrow(() -> new NotFoundException("Commitment"));
    }

    private ChallengeView view(Challenge c, Map<UUID, String> names) {
        return new ChallengeView(
                c.getId(),
                c.getCommitmentId(),
                c.getAuthorId(),
                name(c.getOrganizationId(), c.getAuthorId(), names),
                c.getKind(),
                c.getMessage(),
                c.getHelpful(),
                c.getCreatedAt(),
                c.getAnswers().stream()
                        .map(a -> new ChallengeView.AnswerView(
                                a.authorId(),
                                name(c.getOrganizationId(), a.authorId(), names),
                                a.message(),
                                a.createdAt()))
                        .toList());
    }

    private String name(UUID organizationId, UUID personId, Map<UUID, String> names) {
        return names.computeIfAbsent(
                personId,
                id -> people.personIn(organizationId, id).map(Person::getName).orElse("someone"));
    }
}
