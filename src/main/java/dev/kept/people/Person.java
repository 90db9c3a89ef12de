package dev.kept.people;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A member of an organization: who they are, where they sit and whom they report to. */
@Table("person")
public class Person {

    @Id
    private final UUID id;

    private final UUID organizationId;
    private String name;
    private final String email;
    private String title;
    private UUID teamId;
    private String region;
    private UUID managerId;
    private Role role;
    private PersonStatus status;
    private String passwordHash;
    private String timeZone;
    private Integer level;
    private final Instant createdAt;
    // set after construction: null until the person first changes or resets their password
    private Instant passwordChangedAt;

    @Version
    private Long version;

    @PersistenceCreator
    Person(
            UUID id,
            UUID organizationId,
            String name,
            String email,
            String title,
            UUID teamId,
            String region,
            UUID managerId,
            Role role,
            PersonStatus status,
            String passwordHash,
            String timeZone,
            Integer level,
            Instant createdAt,
            Long version) {
        this.id = id;
        this.organizationId = organizationId;
        this.name = name;
        this.email = email;
        this.title = title;
        this.teamId = teamId;
        this.region = region;
        this.managerId = managerId;
        this.role = role;
        this.status = status;
        this.passwordHash = passwordHash;
        this.timeZone = timeZone;
        this.level = level;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Person founder(
            UUID organizationId, String name, String email, String passwordHash, String zone, Instant now) {
        return new Person(
                UUID.randomUUID(),
                organizationId,
                name,
                email,
                null,
                null,
                null,
                null,
                Role.ADMIN,
                PersonStatus.ACTIVE,
                passwordHash,
                zone,
                null,
                now,
                null);
    }

    static Person invited(UUID organizationId, PersonDetails details, String zone, Instant now) {
        return new Person(
                UUID.randomUUID(),
                organizationId,
                details.name(),
                details.email(),
                details.title(),
                details.teamId(),
                details.region(),
                details.managerId(),
                Role.MEMBER,
                PersonStatus.INVITED,
                null,
                zone,
                details.level(),
                now,
                null);
    }

    /**
     * A member who first signed in through the organization's identity provider (single sign-on):
     * active at once, without a password of their own.
     */
    static Person joinedThroughSingleSignOn(UUID organizationId, String name, String email, String zone, Instant now) {
        return newcomer(organizationId, name, email, Role.MEMBER, PersonStatus.ACTIVE, zone, now);
    }

    /** Someone from outside the organization, invited by e-mail as a member's partner. */
    static Person guest(UUID organizationId, String name, String email, String zone, Instant now) {
        return newcomer(organizationId, name, email, Role.GUEST, PersonStatus.INVITED, zone, now);
    }

    /** Someone new with only a name and an e-mail: no title, team, region, manager, level or password. */
    private static Person newcomer(
            UUID organizationId, String name, String email, Role role, PersonStatus status, String zone, Instant now) {
        return new Person(
                UUID.randomUUID(),
                organizationId,
                name,
                email,
                null,
                null,
                null,
                null,
                role,
                status,
                null,
                zone,
                null,
                now,
                null);
    }

    void activate(String passwordHash) {
        this.passwordHash = passwordHash;
        this.status = PersonStatus.ACTIVE;
    }

    /** An invited person joins through single sign-on: active, with no password (or the one they had). */
    void joinThroughSingleSignOn() {
        this.status = PersonStatus.ACTIVE;
    }

    /** Stops the account: no sign-in, no session, no token, until {@link #reactivate()}. */
    void deactivate() {
        this.status = PersonStatus.DEACTIVATED;
    }

    /**
     * Restores the account as it was before: active when a password was set, else invited again
     * (an admin sends a new invitation link, or they sign in through single sign-on).
     */
    void reactivate() {
        this.status = passwordHash == null ? PersonStatus.INVITED : PersonStatus.ACTIVE;
    }

    void reportTo(UUID managerId) {
        this.managerId = managerId;
    }

    void joinTeam(UUID teamId) {
        this.teamId = teamId;
    }

    void describe(String title, String region) {
        this.title = title;
        this.region = region;
    }

    void placeAtLevel(Integer level) {
        this.level = level;
    }

    void rename(String name) {
        this.name = name;
    }

    void assignRole(Role role) {
        this.role = role;
    }

    void liveIn(String timeZone) {
        this.timeZone = timeZone;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isGuest() {
        return role == Role.GUEST;
    }

    public boolean isActive() {
        return status == PersonStatus.ACTIVE;
    }

    /** Whether an admin (or the directory sync) deactivated them: they left the organization. */
    public boolean isDeactivated() {
        return status == PersonStatus.DEACTIVATED;
    }

    public UUID getId() {
        return id;
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public String getTitle() {
        return title;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public String getRegion() {
        return region;
    }

    public UUID getManagerId() {
        return managerId;
    }

    public Role getRole() {
        return role;
    }

    public PersonStatus getStatus() {
        return status;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    /** A new password chosen by the person: browser sessions signed in before {@code now} end. */
    void changePassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
    }

    /** As read from its row: the one property the constructor does not take. */
    Person passwordChangedAt(Instant at) {
        this.passwordChangedAt = at;
        return this;
    }

    /** When the person last changed or reset their password; null when never. */
    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Integer getLevel() {
        return level;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
