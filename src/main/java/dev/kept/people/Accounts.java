package dev.kept.people;

import dev.kept.shared.NotFoundException;
import dev.kept.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's own account and their organization's: signing up (a new organization and its first
 * admin), checking a password at sign-in, the caller an API token stands for, the caller's
 * profile, strengths and preferences, and the organization's settings.
 */
@Service
public class Accounts {

    // a hash to compare against when no account matches, so that an unknown e-mail costs as long
    private static final String NO_ACCOUNT = "no account with this e-mail";

    private final OrganizationRepository organizations;
    private final PersonRepository persons;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final PreferenceStore preferences;
    private final StrengthStore strengths;
    private final People people;
    private final Clock clock;
    private final String decoyHash;

    Accounts(
            OrganizationRepository organizations,
            PersonRepository persons,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            PreferenceStore preferences,
            StrengthStore strengths,
            People people,
            Clock clock) {
        this.organizations = organizations;
        this.persons = persons;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.preferences = preferences;
        this.strengths = strengths;
        this.people = people;
        this.clock = clock;
        this.decoyHash = passwordEncoder.encode(NO_ACCOUNT);
    }
    /** Creates an organization and its first admin, who can sign in at once. */
    @Transactional
    public SignedUp signUp(SignUp form) {
        Instant now = clock.instant();
        String zone = people.zoneOrDefault(form.timeZone());
        Organization organization =
                organizations.save(Organization.found(form.organization().strip(), now));
        Person admin = people.save(Person.founder(
                organization.getId(),
                form.name().strip(),
                People.normalize(form.email()),
                passwordEncoder.encode(form.password()),
                zone,
                now));
        events.publishEvent(new OrganizationSignedUp(organization.getId(), admin.getId()));
        return new SignedUp(organization, admin);
    }
    /**
     * The account an e-mail and password sign in to, if any. Every active account with that e-mail
     * is tried (a person may belong to several organizations), and an unknown e-mail takes as long
     * to answer as a known one.
     */
    @Transactional(readOnly = true)
    public Optional<Caller> authenticate(String email, String password) {
        if (email == null || password == null || password.length() > PasswordPolicy.MAX_LENGTH) {
            return Optional.empty();
        }
        List<Person> accounts =
                persons.findByEmailAndStatus(People.normalize(email), PersonStatus.ACTIVE.name()).stream()
                        .sorted(Comparator.comparing(Person::getCreatedAt))
                        .toList();
        if (accounts.isEmpty()) {
            passwordEncoder.matches(password, decoyHash);
            return Optional.empty();
        }
        // someone who joined through single sign-on has no password to match
        return accounts.stream()
                .filter(person ->
                        person.getPasswordHash() != null && passwordEncoder.matches(password, person.getPasswordHash()))
                .findFirst()
                .map(person -> new Caller(person.getId(), person.getOrganizationId(), person.getName()));
    }
    /**
     * The caller a sign-in through the organization's identity provider signs in as, once the
     * provider vouched for the e-mail: the person it signed in as before ({@code linkedPersonId},
     * found by the provider's subject), else the member with this e-mail; an invited one becomes
     * active ({@link InvitationAccepted}); with no one, a member is created just in time. Empty
     * when that person was deactivated: they may not sign in.
     */
    @Transactional
    public Optional<Caller> joinThroughSingleSignOn(
            UUID organizationId, UUID linkedPersonId, String email, String name) {
        String address = People.normalize(email);
        Optional<Person> known = Optional.ofNullable(linkedPersonId)
                .flatMap(id -> people.byId(id, organizationId))
                .or(() -> persons.findByOrganizationIdAndEmail(organizationId, address));
        Person person;
        if (known.isEmpty()) {
            person = people.save(Person.joinedThroughSingleSignOn(
                    organizationId, name, address, people.zoneOrDefault(null), clock.instant()));
        } else if (known.get().isDeactivated()) {
            return Optional.empty();
        } else if (known.get().getStatus() == PersonStatus.INVITED) {
            Person invited = known.get();
            invited.joinThroughSingleSignOn();
            person = people.save(invited);
            events.publishEvent(new InvitationAccepted(person.getOrganizationId(), person.getId()));
        } else {
            person = known.get();
        }
        return Optional.of(new Caller(person.getId(), person.getOrganizationId(), person.getName()));
    }

    /** The caller an API token of this person stands for, while their account is active. */
    @Transactional(readOnly = true)
    public Optional<Caller> activeCaller(UUID organizationId, UUID personId) {
        return people.byId(personId, organizationId)
                .filter(Person::isActive)
                .map(person -> new Caller(person.getId(), person.getOrganizationId(), person.getName()));
    }

    /**
     * Whether a signed-in session of this person must end: they were deactivated, or no longer
     * exist. (Someone invited has no session of their own: they sign in once they set a password.)
     */
    @Transactional(readOnly = true)
    public boolean hasLeft(UUID organizationId, UUID personId) {
        return people.byId(personId, organizationId).map(Person::isDeactivated).orElse(true);
    }

    /**
     * Whether a signed-in session of this person must end: they left ({@link #hasLeft}), or their
     * password changed since the session signed in, when it was {@code passwordChangedAtSignIn}.
     */
    @Transactional(readOnly = true)
    public boolean sessionEnded(UUID organizationId, UUID personId, Instant passwordChangedAtSignIn) {
        return people.byId(personId, organizationId)
                .map(person -> person.isDeactivated()
                        || !Objects.equals(person.getPasswordChangedAt(), passwordChangedAtSignIn))
                .orElse(true);
    }

    /** When this person last changed their password (null: never), written into a session as it signs in. */
    @Transactional(readOnly = true)
    public Instant passwordChangedAt(UUID organizationId, UUID personId) {
        return people.byId(personId, organizationId)
                .map(Person::getPasswordChangedAt)
                .orElse(null);
    }

    /**
     * Changes the caller's password when {@code current} is right (422 on field {@code
     * currentPassword} when it is not) and {@code next} meets the {@link PasswordPolicy} (422 on
     * field {@code password}); returns when it changed, which ends the person's other sessions.
     */
    @Transactional
    public Instant changePassword(Caller caller, String current, String next) {
        Person me = people.me(caller);
        if (current == null
                || current.length() > PasswordPolicy.MAX_LENGTH
                || me.getPasswordHash() == null
                || !passwordEncoder.matches(current, me.getPasswordHash())) {
            throw new RuleViolationException("CURRENT_PASSWORD", "currentPassword", "The current password is wrong.");
        }
        return setPassword(me, next);
    }

    /** Sets a new password that meets the {@link PasswordPolicy} (422 on field {@code password}). */
    Instant setPassword(Person person, String password) {
        String problem = PasswordPolicy.problemWith(password);
        if (problem != null) {
            throw new RuleViolationException("PASSWORD", "password", "The password " + problem + ".");
        }
        // as the databases keep it, so that a session can hold the same value
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        person.changePassword(passwordEncoder.encode(password), now);
        people.save(person);
        return now;
    }

    @Transactional(readOnly = true)
    public Organization organization(Caller caller) {
        return organizations.findById(caller.organizationId()).orElseThrow(() -> new NotFoundException("Organization"));
    }
    /**
     * Changes the settings of the caller's organization (admin only); {@code null} leaves a setting
     * as it is. Publishes {@link OrganizationSettingsChanged} when something changed.
     */
    @Transactional
    public Organization changeOrganizationSettings(Caller caller, Boolean apiTokensMayNeverExpire) {
        people.requireAdmin(caller);
        Organization organization = organization(caller);
        if (apiTokensMayNeverExpire == null || !organization.allowTokensThatNeverExpire(apiTokensMayNeverExpire)) {
            return organization;
        }
        Organization saved = organizations.save(organization);
        events.publishEvent(new OrganizationSettingsChanged(saved.getId(), saved.mayApiTokensNeverExpire()));
        return saved;
    }
    /** The caller's own settings: their name and time zone. */
    @Transactional
    public Person updateProfile(Caller caller, String name, String timeZone) {
        Person me = people.me(caller);
        if (name != null && !name.isBlank()) {
            me.rename(name.strip());
        }
        if (timeZone != null && !timeZone.isBlank()) {
            me.liveIn(people.zoneOrDefault(timeZone));
        }
        return people.save(me);
    }
    /**
     * Replaces the caller's strengths: at most {@value Strengths#MOST} tags of 1 to 40 characters,
     * stored trimmed and in lower case, a repeated one once (422 on field {@code strengths}).
     */
    @Transactional
    public List<String> updateStrengths(Caller caller, Collection<String> tags) {
        Person me = people.me(caller);
        List<String> clean = Strengths.normalize(tags, 0, Strengths.MOST, "strengths");
        strengths.replace(caller.organizationId(), me.getId(), clean);
        return strengths.of(caller.organizationId(), me.getId());
    }
    /** The caller's reminder and e-mail preferences. */
    @Transactional(readOnly = true)
    public Preferences preferences(Caller caller) {
        return preferences.of(caller.organizationId(), people.me(caller).getId());
    }
    /** A person's preferences, for the modules that remind them. */
    @Transactional(readOnly = true)
    public Preferences preferencesOf(UUID organizationId, UUID personId) {
        return preferences.of(organizationId, personId);
    }
    /**
     * The preferences of each of these people (the defaults for those who never changed them), read
     * at once, for a notice that goes to many.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Preferences> preferencesOf(UUID organizationId, Collection<UUID> personIds) {
        return preferences.of(organizationId, personIds);
    }

    /** Changes the caller's preferences. */
    @Transactional
    public Preferences updatePreferences(Caller caller, Preferences changed) {
        preferences.save(caller.organizationId(), people.me(caller).getId(), changed, clock.instant());
        return preferences.of(caller.organizationId(), caller.personId());
    }

    /**
     * Changes the caller's preferences from what they are now, read and written in one transaction:
     * for a change that leaves some of them as they are.
     */
    @Transactional
    public Preferences updatePreferences(Caller caller, UnaryOperator<Preferences> change) {
        return updatePreferences(caller, change.apply(preferences(caller)));
    }
}
