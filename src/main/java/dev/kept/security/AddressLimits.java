package dev.kept.security;

import dev.kept.security.RateLimitStore.Bucket;
import dev.kept.security.RateLimitStore.Decision;
import dev.kept.shared.SecretTokens;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Limits how often one client address may try each action open to strangers, whatever e-mail it
 * names: N attempts per window ({@link RateLimitProperties}), counted in the database so that all
 * instances together allow no more than one. The address is the request's remote address, which
 * reflects forwarded headers only from proxies the server trusts. An IPv6 address counts with its
 * /64 network, since one host may hold all of it.
 */
@Component
class AddressLimits {

    /** The actions limited per address. */
    enum Action {
        SIGN_IN,
        SIGN_UP,
        TOKENS,
        PASSWORD_RESET
    }

    /** An attempt that was counted: a sign-in that succeeds gives it back with {@link #refund}. */
    record Charge(Action action, String key, Instant windowStartedAt) {}

    private final RateLimitProperties properties;
    private final RateLimitStore store;
    private final Clock clock;

    AddressLimits(RateLimitProperties properties, RateLimitStore store, Clock clock) {
        this.properties = properties;
        this.store = store;
        this.clock = clock;
    }

    /** Counts an attempt of this action from this address; refuses it (429) past the limit. */
    Charge charge(Action action, String address) {
        RateLimitProperties.Limit limit = properties.of(action);
        Instant now = RateLimitStore.now(clock);
        String key = key(action, address);
        Decision decision = store.apply(key, current -> {
            if (current.isPresent()
                    && current.get().startedAt().plus(limit.window()).isAfter(now)) {
                Bucket bucket = current.get();
                if (bucket.hits() >= limit.attempts()) {
                    return Decision.refuse(
                            Duration.between(now, bucket.startedAt().plus(limit.window())));
                }
                return Decision.allow(
                        new Bucket(bucket.hits() + 1, bucket.startedAt(), now, bucket.blockedUntil()),
                        bucket.startedAt().plus(limit.window()));
            }
            return Decision.allow(new Bucket(1, now, now, now), now.plus(limit.window()));
        });
        if (!decision.allowed()) {
            throw TooManyAttemptsException.forAddress(action, decision.retryAfter());
        }
        return new Charge(action, key, decision.next().startedAt());
    }

    /** Gives a counted attempt back, if its window is still the one counting. */
    void refund(Charge charge) {
        store.apply(
                charge.key(),
                current -> current.filter(bucket ->
                                bucket.hits() > 0 && bucket.startedAt().equals(charge.windowStartedAt()))
                        .map(bucket -> Decision.allow(
                                new Bucket(
                                        bucket.hits() - 1, bucket.startedAt(), bucket.lastAt(), bucket.blockedUntil()),
                                bucket.startedAt()
                                        .plus(properties.of(charge.action()).window())))
                        .orElseGet(Decision::unchanged));
    }

    private static String key(Action action, String address) {
        return action.name() + ":" + SecretTokens.hash(network(address));
    }

    static String network(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String literal = address.strip().toLowerCase(Locale.ROOT);
        if (!literal.contains(":")) {
            return literal;
        }
        try {
            // a literal is parsed, never looked up
            InetAddress parsed = InetAddress.getByName(literal.startsWith("[") ? literal : "[" + literal + "]");
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                for (int i = 8; i < bytes.length; i++) {
                    bytes[i] = 0;
                }
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return literal;
        }
    }
}
