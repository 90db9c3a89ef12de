package dev.kept.security;

import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.people.PersonDeactivated;
import dev.kept.shared.Cursor;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import dev.kept.shared.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: created with a password or from a signed-in page (both limited per client
 * address), with an expiry and a scope, revocable, stored hashed.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "kept_";
    // writing the last use on every call would turn each read into a write
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final JdbcClient jdbc;
    private final People people;
    private final Accounts accounts;
    private final SignIn signIn;
    private final AddressLimits addresses;
    private final Clock clock;

    ApiTokens(
            ApiTokenRepository tokens,
            JdbcClient jdbc,
            People people,
            Accounts accounts,
            SignIn signIn,
            AddressLimits addresses,
            Clock clock) {
        this.tokens = tokens;
        this.jdbc = jdbc;
        this.people = people;
        this.accounts = accounts;
        this.signIn = signIn;
        this.addresses = addresses;
        this.clock = clock;
    }

    /** What a new token is to be: a label (optional), when it expires, what it may do. */
    public record NewToken(String name, TokenExpiry expiry, TokenScope scope) {

        public NewToken {
            expiry = expiry == null ? TokenExpiry.DEFAULT : expiry;
            scope = scope == null ? TokenScope.READ_WRITE : scope;
        }
    }

    /**
     * Creates a token for the person with this e-mail and password, asked from this client address:
     * limited per address, and throttled like sign-in. Not in a transaction: the attempts are
     * counted whatever becomes of the request.
     */
    public IssuedToken create(String email, String password, NewToken order, String address) {
        addresses.charge(AddressLimits.Action.TOKENS, address);
        Caller caller = signIn.check(email, password, address);
        return issue(caller, order);
    }

    /** Creates a token for the signed-in caller, asked from this client address (limited per address). */
    public IssuedToken create(Caller caller, NewToken order, String address) {
        addresses.charge(AddressLimits.Action.TOKENS, address);
        return issue(caller, order);
    }

    /** Whether the caller's organization allows tokens that never expire. */
    @Transactional(readOnly = true)
    public boolean mayNeverExpire(Caller caller) {
        return accounts.organization(caller).mayApiTokensNeverExpire();
    }

    private IssuedToken issue(Caller caller, NewToken order) {
        if (order.expiry() instanceof TokenExpiry.Never && !mayNeverExpire(caller)) {
            throw new RuleViolationException(
                    "NEVER_EXPIRING_TOKEN_NOT_ALLOWED",
                    "neverExpires",
                    "Your organization does not allow API tokens that never expire: choose when this one expires,"
                            + " or ask an admin to allow them.");
        }
        // to the microsecond, as the database keeps it: the expiry read back is the one chosen
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant expiresAt = order.expiry().expiresAt(now, people.me(caller).getTimeZone());
        String token = SecretTokens.generate(PREFIX);
        String label = order.name() == null || order.name().isBlank()
                ? "API token"
                : order.name().strip();
        ApiToken saved = tokens.save(ApiToken.issue(
                caller.organizationId(),
                caller.personId(),
                label,
                SecretTokens.hash(token),
                now,
                expiresAt,
                order.scope()));
        return new IssuedToken(saved.getId(), token, saved.getScope(), saved.getExpiresAt());
    }

    /** Revokes one of the caller's own tokens, expired or not; anyone else's answers 404. */
    @Transactional
    public void revoke(Caller caller, UUID id) {
        ApiToken token = tokens.findByIdAndOrganizationIdAndPersonId(id, caller.organizationId(), caller.personId())
                .filter(ApiToken::isActive)
                .orElseThrow(() -> new NotFoundException("API token"));
        token.revoke(clock.instant());
        tokens.save(token);
    }

    /** Revokes every token of the caller, the one this request came with too; how many there were. */
    @Transactional
    public int revokeAll(Caller caller) {
        return tokens.revokeAllOf(caller.organizationId(), caller.personId(), clock.instant());
    }

    private static final Cursor NEWEST =
            new Cursor(Instant.parse("9999-12-31T23:59:59Z").toString(), new UUID(-1, -1));

    /**
     * A page of the caller's tokens that were not revoked, newest first, the expired ones marked so:
     * after {@code cursor} (null: from the newest), at most {@code limit}. A cursor that does not
     * parse answers 400.
     */
    @Transactional(readOnly = true)
    public Page<TokenSummary> list(Caller caller, String cursor, int limit) {
        Cursor after = Cursor.orStart(cursor, Instant::parse, NEWEST);
        Instant now = clock.instant();
        List<TokenSummary> rows = tokens
                .pageOf(
                        caller.organizationId(),
                        caller.personId(),
                        Instant.parse(after.position()),
                        after.id(),
                        limit + 1)
                .stream()
                .map(t -> new TokenSummary(
                        t.getId(),
                        t.getName(),
                        t.getScope(),
                        t.getCreatedAt(),
                        t.getExpiresAt(),
                        t.getLastUsedAt(),
                        t.hasExpiredAt(now)))
                .toList();
        return Page.of(rows, limit, last -> new Cursor(last.createdAt().toString(), last.id()));
    }

    /**
     * The caller a bearer token stands for, and what it may do, if it is known, neither expired nor
     * revoked, and its person active. Its last use is written at most once a minute.
     */
    @Transactional
    Optional<TokenUse> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return byHash(SecretTokens.hash(token))
                .filter(found -> found.worksAt(now))
                .flatMap(found -> {
                    Instant before = now.minus(TOUCH_EVERY);
                    if (found.getLastUsedAt() == null || found.getLastUsedAt().isBefore(before)) {
                        tokens.touch(found.getId(), now, before);
                    }
                    return accounts.activeCaller(found.getOrganizationId(), found.getPersonId())
                            .map(caller -> new TokenUse(caller, found.getScope()));
                });
    }

    /**
     * Gives each working token of the organization that never expires the default expiry from now:
     * what follows when its admins stop allowing such tokens.
     */
    @Transactional
    public int expireNeverExpiring(UUID organizationId) {
        return tokens.expireNeverExpiring(
                organizationId, clock.instant().plus(Duration.ofDays(TokenExpiry.DEFAULT_DAYS)));
    }

    /**
     * Revokes every token of a person who was deactivated, in the transaction that deactivates them:
     * a token stops at its next call, and stays stopped should they come back.
     */
    @EventListener
    void on(PersonDeactivated deactivated) {
        tokens.revokeAllOf(deactivated.organizationId(), deactivated.personId(), clock.instant());
    }

    /** Who a bearer token stands for and what it may do. */
    record TokenUse(Caller caller, TokenScope scope) {}

    /** What the tokens page and the token list show: never the secret. {@code expiresAt} null: never. */
    public record TokenSummary(
            UUID id,
            String name,
            TokenScope scope,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            boolean expired) {}

    /**
     * The token with this hash, read straight through the client: every request with a bearer
     * token makes this read, and the repository's proxy costs more than the statement.
     */
    Optional<ApiToken> byHash(String tokenHash) {
        return jdbc.sql("select * from api_token where token_hash = :hash")
                .param("hash", tokenHash)
                .query(ApiTokenRows.MAPPER)
                .optional();
    }
}
