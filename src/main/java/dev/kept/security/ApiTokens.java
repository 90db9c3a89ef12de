package dev.kept.security;

import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.SecretTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: created with a password or from a signed-in page (both limited per client
 * address), revocable, stored hashed.
 */
@Service
public class ApiTokens {

    static final String PREFIX = "kept_";
    // writing the last use on every call would turn each read into a write
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final People people;
    private final SignIn signIn;
    private final AddressLimits addresses;
    private final Clock clock;

    ApiTokens(ApiTokenRepository tokens, People people, SignIn signIn, AddressLimits addresses, Clock clock) {
        this.tokens = tokens;
        this.people = people;
        this.signIn = signIn;
        this.addresses = addresses;
        this.clock = clock;
    }

    /**
     * Creates a token for the person with this e-mail and password, asked from this client address:
     * limited per address, and throttled like sign-in. Not in a transaction: the attempts are
     * counted whatever becomes of the request.
     */
    public IssuedToken create(String email, String password, String name, String address) {
        addresses.charge(AddressLimits.Action.TOKENS, address);
        Caller caller = signIn.check(email, password, address);
        return issue(caller, name);
    }

    /** Creates a token for the signed-in caller, asked from this client address (limited per address). */
    public IssuedToken create(Caller caller, String name, String address) {
        addresses.charge(AddressLimits.Action.TOKENS, address);
        return issue(caller, name);
    }

    private IssuedToken issue(Caller caller, String name) {
        String token = SecretTokens.generate(PREFIX);
        String label = name == null || name.isBlank() ? "API token" : name.strip();
        ApiToken saved = tokens.save(ApiToken.issue(
                caller.organizationId(), caller.personId(), label, SecretTokens.hash(token), clock.instant()));
        return new IssuedToken(saved.getId(), token);
    }

    /** Revokes one of the caller's own tokens; anyone else's answers 404. */
    @Transactional
    public void revoke(Caller caller, UUID id) {
        ApiToken token = tokens.findByIdAndOrganizationIdAndPersonId(id, caller.organizationId(), caller.personId())
                .filter(ApiToken::isActive)
                .orElseThrow(() -> new NotFoundException("API token"));
        token.revoke(clock.instant());
        tokens.save(token);
    }

    @Transactional(readOnly = true)
    public List<TokenSummary> list(Caller caller) {
        return tokens
                .findByOrganizationIdAndPersonIdOrderByCreatedAtDesc(caller.organizationId(), caller.personId())
                .stream()
                .filter(ApiToken::isActive)
                .map(t -> new TokenSummary(t.getId(), t.getName(), t.getCreatedAt(), t.getLastUsedAt()))
                .toList();
    }

    /** The caller a bearer token stands for, if it is known, not revoked, and its person active. */
    @Transactional
    public Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(SecretTokens.hash(token))
                .filter(ApiToken::isActive)
                .flatMap(found -> {
                    Instant now = clock.instant();
                    if (found.getLastUsedAt() == null
                            || found.getLastUsedAt().plus(TOUCH_EVERY).isBefore(now)) {
                        tokens.touch(found.getId(), now);
                    }
                    return people.activeCaller(found.getOrganizationId(), found.getPersonId());
                });
    }

    /** What the tokens page lists: never the secret. */
    public record TokenSummary(UUID id, String name, Instant createdAt, Instant lastUsedAt) {}
}
