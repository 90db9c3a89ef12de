package dev.kept.sso;

import dev.kept.people.Accounts;
import dev.kept.people.Caller;
import dev.kept.people.People;
import dev.kept.shared.Cursor;
import dev.kept.shared.NotFoundException;
import dev.kept.shared.Page;
import dev.kept.shared.RuleViolationException;
import dev.kept.shared.StorableTime;
import dev.kept.sso.ProviderRows.Offered;
import dev.kept.sso.ProviderRows.Stored;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Single sign-on of an organization: its identity providers (admins only), the switch that makes
 * them the only way in, the providers a sign-in page offers for an e-mail, and whether a person may
 * sign in with a password.
 */
@Service
public class SingleSignOn {

    /** An organization keeps few providers: more than this is a mistake. */
    static final int MOST = 20;

    /** The providers the sign-in page offers for one e-mail domain, at most. */
    static final int MOST_OFFERED = 10;

    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");
    private static final Cursor OLDEST = new Cursor(StorableTime.FIRST_INSTANT.toString(), new UUID(0, 0));

    private final ProviderRows rows;
    private final SecretBox secrets;
    private final People people;
    private final Accounts accounts;
    private final SsoProperties properties;
    private final Clock clock;

    SingleSignOn(
            ProviderRows rows,
            SecretBox secrets,
            People people,
            Accounts accounts,
            SsoProperties properties,
            Clock clock) {
        this.rows = rows;
        this.secrets = secrets;
        this.people = people;
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether the organization signs in only through its providers, and how many are enabled. */
    public record Settings(boolean ssoOnly, long enabledProviders) {}

    /** A page of the organization's providers, oldest first (admins). A forged cursor answers 400. */
    @Transactional(readOnly = true)
    public Page<IdentityProvider> list(Caller caller, String cursor, int limit) {
        people.requireAdmin(caller);
        Cursor after = Cursor.orStart(cursor, StorableTime::instant, OLDEST);
        return Page.of(
                        rows.page(caller.organizationId(), after, limit + 1),
                        limit,
                        stored -> new Cursor(
                                stored.provider().createdAt().toString(),
                                stored.provider().id()))
                .map(Stored::provider);
    }

    @Transactional(readOnly = true)
    public IdentityProvider get(Caller caller, UUID id) {
        people.requireAdmin(caller);
        return stored(caller, id).provider();
    }

    /** Adds a provider (admins); its client secret is required and stored encrypted. */
    @Transactional
    public IdentityProvider create(Caller caller, ProviderDraft draft) {
        people.requireAdmin(caller);
        if (rows.count(caller.organizationId()) >= MOST) {
            throw new RuleViolationException(
                    "TOO_MANY_PROVIDERS", null, "An organization keeps at most " + MOST + " identity providers.");
        }
        if (blank(draft.clientSecret())) {
            throw new RuleViolationException("SECRET_REQUIRED", "clientSecret", "must not be blank");
        }
        Instant now = now();
        IdentityProvider provider = provider(UUID.randomUUID(), draft, now, now);
        rows.insert(
                caller.organizationId(),
                provider,
                secrets.seal(draft.clientSecret(), provider.id().toString()));
        return provider;
    }

    /**
     * Changes a provider (admins): every field as on creation, a missing secret keeps the stored
     * one. Disabling the last enabled provider of an organization that signs in only through them
     * is refused.
     */
    @Transactional
    public IdentityProvider update(Caller caller, UUID id, ProviderDraft draft) {
        people.requireAdmin(caller);
        Stored stored = stored(caller, id);
        IdentityProvider provider = provider(id, draft, stored.provider().createdAt(), now());
        if (stored.provider().enabled() && !provider.enabled()) {
            requireAnotherWayIn(caller.organizationId(), "enabled");
        }
        String sealed =
                blank(draft.clientSecret()) ? stored.sealedSecret() : secrets.seal(draft.clientSecret(), id.toString());
        rows.update(caller.organizationId(), provider, sealed);
        return provider;
    }

    /** The draft of a provider as it is stored, to change some of its fields (no secret: keep it). */
    @Transactional(readOnly = true)
    public ProviderDraft draftOf(Caller caller, UUID id) {
        IdentityProvider provider = get(caller, id);
        return new ProviderDraft(
                provider.name(), provider.issuer(), provider.clientId(), null, provider.domains(), provider.enabled());
    }

    /** Removes a provider (admins); not the last enabled one of an organization that signs in only through them. */
    @Transactional
    public void delete(Caller caller, UUID id) {
        people.requireAdmin(caller);
        Stored stored = stored(caller, id);
        if (stored.provider().enabled()) {
            requireAnotherWayIn(caller.organizationId(), null);
        }
        rows.delete(caller.organizationId(), id);
    }

    @Transactional(readOnly = true)
    public Settings settings(Caller caller) {
        people.requireAdmin(caller);
        return new Settings(rows.ssoOnly(caller.organizationId()), rows.enabledCount(caller.organizationId()));
    }

    /**
     * Makes single sign-on the only way in, or not (admins). Refused while no provider is enabled,
     * so that nobody is locked out.
     */
    @Transactional
    public Settings ssoOnly(Caller caller, boolean only) {
        people.requireAdmin(caller);
        if (only && rows.enabledCount(caller.organizationId()) == 0) {
            throw new RuleViolationException(
                    "NO_ENABLED_PROVIDER",
                    "ssoOnly",
                    "Add and enable an identity provider before making it the only way in.");
        }
        rows.ssoOnly(caller.organizationId(), only);
        return settings(caller);
    }

    /**
     * Whether this person may sign in with a password: not in an organization that signs in only
     * through single sign-on, unless the break-glass setting lets its admins in.
     */
    @Transactional(readOnly = true)
    public boolean allowsPasswordSignIn(Caller caller) {
        if (!rows.ssoOnly(caller.organizationId())) {
            return true;
        }
        return properties.passwordSignInForAdmins() && people.isAdmin(caller);
    }

    /** The enabled providers that sign in this e-mail's domain (of any organization), for the sign-in page. */
    @Transactional(readOnly = true)
    public List<Offered> offeredFor(String email) {
        return domainOf(email)
                .map(domain -> rows.enabledFor(domain, MOST_OFFERED))
                .orElse(List.of());
    }

    /** An enabled provider with its client secret in clear, for its client registration. */
    @Transactional(readOnly = true)
    Optional<Unsealed> enabled(UUID id) {
        return rows.find(id)
                .filter(stored -> stored.provider().enabled())
                .map(stored -> new Unsealed(
                        stored.organizationId(),
                        stored.provider(),
                        stored.sealedSecret() == null ? null : secrets.open(stored.sealedSecret(), id.toString())));
    }

    /** An enabled provider, and its client secret in clear: never logged, never answered. */
    record Unsealed(UUID organizationId, IdentityProvider provider, String clientSecret) {
        @Override
        public String toString() {
            return "Unsealed[" + provider.id() + "]";
        }
    }

    /** What a provider said of the person who signed in, once their ID token was checked. */
    record Vouched(UUID providerId, String issuer, String subject, String email, boolean emailVerified, String name) {}

    /**
     * The person a sign-in through a provider signs in as (see {@link Accounts#joinThroughSingleSignOn}),
     * linked to the provider's subject from then on; {@link SsoRefusedException} when the provider
     * is no longer enabled, the e-mail is not verified or not of an allowed domain, or the person was
     * deactivated. A refusal changes nothing.
     */
    @Transactional
    Caller signIn(Vouched vouched) {
        Stored provider = rows.find(vouched.providerId())
                .filter(stored -> stored.provider().enabled())
                .orElseThrow(() -> new SsoRefusedException(SsoRefusal.PROVIDER_UNAVAILABLE));
        if (vouched.email() == null || !vouched.emailVerified()) {
            throw new SsoRefusedException(SsoRefusal.UNVERIFIED_EMAIL);
        }
        if (!domainOf(vouched.email()).filter(provider.provider()::allows).isPresent()) {
            throw new SsoRefusedException(SsoRefusal.DOMAIN_NOT_ALLOWED);
        }
        UUID organizationId = provider.organizationId();
        UUID linked = rows.linkedPerson(organizationId, vouched.issuer(), vouched.subject())
                .orElse(null);
        Caller caller = accounts.joinThroughSingleSignOn(organizationId, linked, vouched.email(), nameOf(vouched))
                .orElseThrow(() -> new SsoRefusedException(SsoRefusal.DEACTIVATED));
        rows.link(organizationId, vouched.issuer(), vouched.subject(), caller.personId(), now());
        return caller;
    }

    private static String nameOf(Vouched vouched) {
        String name = blank(vouched.name())
                ? vouched.email().substring(0, vouched.email().indexOf('@'))
                : vouched.name().strip();
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    private void requireAnotherWayIn(UUID organizationId, String field) {
        if (rows.ssoOnly(organizationId) && rows.enabledCount(organizationId) <= 1) {
            throw new RuleViolationException(
                    "LAST_PROVIDER",
                    field,
                    "This is the last enabled identity provider and the organization signs in only through single"
                            + " sign-on: turn that off first, or nobody could sign in.");
        }
    }

    private Stored stored(Caller caller, UUID id) {
        return rows.find(caller.organizationId(), id).orElseThrow(() -> new NotFoundException("Identity provider"));
    }

    private static IdentityProvider provider(UUID id, ProviderDraft draft, Instant createdAt, Instant updatedAt) {
        return new IdentityProvider(
                id,
                draft.name().strip(),
                issuer(draft.issuer()),
                draft.clientId().strip(),
                true,
                domains(draft.domains()),
                draft.enabledOrDefault(),
                createdAt,
                updatedAt);
    }

    /**
     * The issuer as entered (it must match the provider's own to the letter): an https address, or
     * http on this machine only (a local Keycloak, the tests), with no query or fragment.
     */
    static String issuer(String text) {
        String issuer = text.strip();
        try {
            URI uri = new URI(issuer);
            boolean loopback =
                    uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
            boolean secure =
                    "https".equalsIgnoreCase(uri.getScheme()) || ("http".equalsIgnoreCase(uri.getScheme()) && loopback);
            if (secure && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null) {
                return issuer;
            }
        } catch (URISyntaxException malformed) {
            // answered below
        }
        throw new RuleViolationException(
                "BAD_ISSUER",
                "issuer",
                "must be an https address, such as https://login.example.com/realms/acme (http only on localhost)");
    }

    /** The domains in lower case, without a leading {@code @}, each once; 422 on one that is no domain. */
    static List<String> domains(List<String> entered) {
        List<String> domains = new ArrayList<>();
        for (String text : entered) {
            String domain = text.strip().toLowerCase(Locale.ROOT);
            domain = domain.startsWith("@") ? domain.substring(1) : domain;
            if (!DOMAIN.matcher(domain).matches()) {
                throw new RuleViolationException(
                        "BAD_DOMAIN",
                        "domains",
                        "\"" + text.strip() + "\" is not an e-mail domain such as example.com");
            }
            if (!domains.contains(domain)) {
                domains.add(domain);
            }
        }
        return domains;
    }

    static Optional<String> domainOf(String email) {
        if (email == null) {
            return Optional.empty();
        }
        int at = email.lastIndexOf('@');
        if (at < 1 || at == email.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(email.substring(at + 1).strip().toLowerCase(Locale.ROOT));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
