package dev.kept.people;

import dev.kept.shared.ConflictException;
import dev.kept.shared.GoneException;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.RuleViolationException;
import dev.kept.shared.SecretTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations into an organization: an admin invites a member, a member names a partner from
 * outside by e-mail (a guest), a link to set a password is e-mailed (a new one replaces the
 * earlier ones), and the invited person accepts it once.
 */
@Service
public class Invitations {

    private final OrganizationRepository organizations;
    private final PersonRepository persons;
    private final InvitationRepository invitations;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final PeopleProperties properties;
    private final People people;
    private final Clock clock;

    Invitations(
            OrganizationRepository organizations,
            PersonRepository persons,
            InvitationRepository invitations,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            PeopleProperties properties,
            People people,
            Clock clock) {
        this.organizations = organizations;
        this.persons = persons;
        this.invitations = invitations;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.properties = properties;
        this.people = people;
        this.clock = clock;
    }
    /**
     * The person an e-mail names as a partner: the member or guest of the caller's organization
     * with that address, or else a new guest, who is e-mailed a link to set a password. A guest who
     * has not joined yet gets a new link (earlier ones stop working).
     */
    @Transactional
    public Person partnerByEmail(Caller inviter, String email) {
        Person me = people.me(inviter);
        String address = People.normalize(email);
        Optional<Person> known = persons.findByOrganizationIdAndEmail(inviter.organizationId(), address);
        if (known.isPresent()) {
            if (known.get().isDeactivated()) {
                throw People.left("email");
            }
            if (known.get().isGuest() && !known.get().isActive()) {
                sendInvitation(me, known.get(), true);
            }
            return known.get();
        }
        String name = address.substring(0, address.indexOf('@'));
        Person guest;
        try {
            guest = people.save(Person.guest(
                    inviter.organizationId(), name, address, properties.defaultTimeZone(), clock.instant()));
        } catch (DuplicateKeyException race) {
            throw new ConflictException("Someone else invited this person at the same moment; try again.");
        }
        sendInvitation(me, guest, true);
        return guest;
    }
    /**
     * Sends a guest who has not joined yet a new link to set their password (earlier ones stop
     * working), on behalf of the member whose partner they are to be.
     */
    @Transactional
    public void resendGuestInvitation(Caller inviter, UUID guestId) {
        Person guest = people.byId(guestId, inviter.organizationId())
                .filter(Person::isGuest)
                .orElseThrow(() -> new NotFoundException("Person"));
        if (guest.isDeactivated()) {
            throw new ConflictException("DEACTIVATED", guest.getName() + " was deactivated.");
        }
        if (guest.isActive()) {
            throw new ConflictException(
                    guest.getName() + " has already joined; they see the invitation in their inbox.");
        }
        sendInvitation(people.me(inviter), guest, true);
    }
    /** Invites a person into the caller's organization and e-mails them a link to set a password. */
    @Transactional
    public Person invite(Caller caller, PersonDetails details) {
        Person admin = people.requireAdmin(caller);
        String email = People.normalize(details.email());
        if (persons.findByOrganizationIdAndEmail(caller.organizationId(), email).isPresent()) {
            throw new RuleViolationException(
                    "EMAIL_TAKEN", "email", "Someone in this organization already has this e-mail address.");
        }
        people.requireTeam(caller, details.teamId(), "teamId");
        people.requirePerson(caller, details.managerId(), "managerId");
        PersonDetails clean = new PersonDetails(
                details.name().strip(),
                email,
                People.blankToNull(details.title()),
                details.teamId(),
                People.blankToNull(details.region()),
                details.managerId(),
                details.level());
        Person person;
        try {
            person = people.save(
                    Person.invited(caller.organizationId(), clean, properties.defaultTimeZone(), clock.instant()));
        } catch (DuplicateKeyException race) {
            throw new RuleViolationException(
                    "EMAIL_TAKEN", "email", "Someone in this organization already has this e-mail address.");
        }
        sendInvitation(admin, person, false);
        return person;
    }
    /** Sends a new invitation link to someone who has not accepted yet; earlier links stop working. */
    @Transactional
    public void resendInvitation(Caller caller, UUID personId) {
        Person admin = people.requireAdmin(caller);
        Person person = people.person(caller, personId);
        if (person.isDeactivated()) {
            throw new ConflictException(
                    "DEACTIVATED", person.getName() + " was deactivated: reactivate them before inviting them again.");
        }
        if (person.isActive()) {
            throw new RuleViolationException(
                    "ALREADY_ACTIVE", null, person.getName() + " has already accepted their invitation.");
        }
        sendInvitation(admin, person, false);
    }

    private void sendInvitation(Person inviter, Person person, boolean asPartner) {
        Instant now = clock.instant();
        for (Invitation earlier :
                invitations.findByOrganizationIdAndPersonId(person.getOrganizationId(), person.getId())) {
            earlier.revoke(now);
            invitations.save(earlier);
        }
        String token = SecretTokens.generate("");
        Invitation invitation = invitations.save(Invitation.issue(
                person.getOrganizationId(),
                person.getId(),
                SecretTokens.hash(token),
                now,
                now.plus(properties.invitationValidity())));
        Organization organization =
                organizations.findById(person.getOrganizationId()).orElseThrow();
        events.publishEvent(new PersonInvited(
                organization.getId(),
                person.getId(),
                invitation.getId(),
                organization.getName(),
                person.getName(),
                person.getEmail(),
                inviter.getName(),
                asPartner,
                stripTrailingSlash(properties.baseUrl()) + "/invitations/" + token,
                invitation.getExpiresAt()));
    }
    /** What an invitation link is for: 404 when unknown, 410 when used, replaced or expired. */
    @Transactional(readOnly = true)
    public InvitationDetails invitation(String token) {
        Invitation invitation = openInvitation(token);
        Person person = persons.findById(invitation.getPersonId()).orElseThrow();
        Organization organization =
                organizations.findById(invitation.getOrganizationId()).orElseThrow();
        return new InvitationDetails(
                organization.getName(),
                person.getName(),
                person.getEmail(),
                invitation.getExpiresAt(),
                person.isGuest());
    }
    /** Sets the invited person's password; the link cannot be used again. */
    @Transactional
    public Person acceptInvitation(String token, String password) {
        return acceptInvitation(token, password, null);
    }
    /** Sets the password, and the name the person chose (a guest is invited by e-mail alone). */
    @Transactional
    public Person acceptInvitation(String token, String password, String name) {
        String problem = PasswordPolicy.problemWith(password);
        if (problem != null) {
            throw new RuleViolationException("PASSWORD", "password", "The password " + problem + ".");
        }
        Invitation invitation = openInvitation(token);
        invitation.use(clock.instant());
        invitations.save(invitation);
        Person person = persons.findById(invitation.getPersonId()).orElseThrow();
        person.activate(passwordEncoder.encode(password));
        if (name != null && !name.isBlank()) {
            person.rename(name.strip());
        }
        Person saved = people.save(person);
        events.publishEvent(new InvitationAccepted(saved.getOrganizationId(), saved.getId()));
        return saved;
    }

    private Invitation openInvitation(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new NotFoundException("Invitation");
        }
        Invitation invitation = invitations
                .findByTokenHash(SecretTokens.hash(token))
                .orElseThrow(() -> new NotFoundException("Invitation"));
        if (!invitation.isOpen(clock.instant())) {
            throw new GoneException("This invitation link has already been used, was replaced by a newer one, or"
                    + " has expired. Ask your admin to send a new one.");
        }
        return invitation;
    }

    static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
