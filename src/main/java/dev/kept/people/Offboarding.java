package dev.kept.people;

import dev.kept.shared.ConflictException;
import dev.kept.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People leaving an organization and coming back. Deactivating a person stops their account at
 * once: sign-in answers as a wrong password does, a session ends at its next request, API tokens
 * and calendar links stop, open invitation links stop working; {@link PersonDeactivated} then ends
 * their partnerships (their partners are told), revokes their tokens and takes them out of matching
 * programs. What they did stays under their name. Reactivating restores sign-in (or, for someone who
 * never set a password, lets an admin invite them again), never what ended.
 *
 * <p>An admin acts through {@link #deactivate(Caller, UUID)} and {@link #reactivate(Caller, UUID)};
 * a directory sync that has authenticated the organization itself calls {@link
 * #deactivate(UUID, UUID)} and {@link #reactivate(UUID, UUID)}, which do the same and may be called
 * again without harm.
 */
@Service
public class Offboarding {

    private final People people;
    private final PersonRepository persons;
    private final InvitationRepository invitations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Offboarding(
            People people,
            PersonRepository persons,
            InvitationRepository invitations,
            ApplicationEventPublisher events,
            Clock clock) {
        this.people = people;
        this.persons = persons;
        this.invitations = invitations;
        this.events = events;
        this.clock = clock;
    }

    /**
     * An admin deactivates a member of their organization: 404 for anyone they cannot see, 409 for
     * themselves ({@code SELF}), for someone deactivated already ({@code ALREADY_DEACTIVATED}) and for
     * the last admin ({@code LAST_ADMIN}).
     */
    @Transactional
    public Person deactivate(Caller caller, UUID personId) {
        people.requireAdmin(caller);
        Person person = people.person(caller, personId);
        if (person.getId().equals(caller.personId())) {
            throw new ConflictException(
                    "SELF", "You cannot deactivate yourself: another admin of your organization can.");
        }
        if (person.isDeactivated()) {
            throw new ConflictException("ALREADY_DEACTIVATED", person.getName() + " is deactivated already.");
        }
        return deactivate(caller.organizationId(), personId);
    }

    /**
     * Deactivates a person of the organization (member or guest), for a directory sync: the same as
     * an admin's, and nothing happens for someone deactivated already. 404 for anyone not in the
     * organization; 409 ({@code LAST_ADMIN}) for its last admin.
     */
    @Transactional
    public Person deactivate(UUID organizationId, UUID personId) {
        Person person = people.byId(personId, organizationId).orElseThrow(() -> new NotFoundException("Person"));
        if (person.isDeactivated()) {
            return person;
        }
        if (person.isAdmin() && persons.countAdminsStillHere(organizationId) <= 1) {
            throw new ConflictException(
                    "LAST_ADMIN", "An organization needs at least one admin: make someone else an admin first.");
        }
        person.deactivate();
        Person saved = people.save(person);
        revokeOpenInvitations(saved);
        // in this transaction: nothing is seen through their partnerships once it commits
        events.publishEvent(new PersonDeactivated(organizationId, saved.getId(), saved.getName()));
        return saved;
    }

    /**
     * An admin reactivates a deactivated member: 404 for anyone they cannot see, 409 ({@code
     * NOT_DEACTIVATED}) for someone who is not deactivated.
     */
    @Transactional
    public Person reactivate(Caller caller, UUID personId) {
        people.requireAdmin(caller);
        Person person = people.person(caller, personId);
        if (!person.isDeactivated()) {
            throw new ConflictException("NOT_DEACTIVATED", person.getName() + " is not deactivated.");
        }
        return reactivate(caller.organizationId(), personId);
    }

    /**
     * Reactivates a person of the organization, for a directory sync: they sign in with their
     * password again (someone who never set one is invited again by an admin); their partnerships
     * stay ended. Nothing happens for someone not deactivated; 404 for anyone not in the organization.
     */
    @Transactional
    public Person reactivate(UUID organizationId, UUID personId) {
        Person person = people.byId(personId, organizationId).orElseThrow(() -> new NotFoundException("Person"));
        if (!person.isDeactivated()) {
            return person;
        }
        person.reactivate();
        Person saved = people.save(person);
        events.publishEvent(new PersonReactivated(organizationId, saved.getId()));
        return saved;
    }

    private void revokeOpenInvitations(Person person) {
        Instant now = clock.instant();
        for (Invitation invitation :
                invitations.findByOrganizationIdAndPersonId(person.getOrganizationId(), person.getId())) {
            if (invitation.isOpen(now)) {
                invitation.revoke(now);
                invitations.save(invitation);
            }
        }
    }
}
