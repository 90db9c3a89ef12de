package dev.kept.sso;

import dev.kept.shared.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The providers, their domains, the organizations' SSO-only switch and the linked subjects, in SQL. */
@Repository
class ProviderRows {

    /** A provider as stored: the admin's view, its organization and its sealed client secret. */
    record Stored(UUID organizationId, IdentityProvider provider, String sealedSecret) {}

    /** A provider that signs in addresses of a domain, for the sign-in page. */
    record Offered(UUID id, String name) {}

    private final JdbcClient jdbc;

    ProviderRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID organizationId, IdentityProvider provider, String sealedSecret) {
        withFields(jdbc.sql("""
                insert into sso_provider
                       (id, organization_id, name, issuer, client_id, client_secret, enabled, created_at, updated_at)
                values (:id, :org, :name, :issuer, :clientId, :secret, :enabled, :createdAt, :updatedAt)"""), organizationId, provider, sealedSecret)
                .param("createdAt", Timestamp.from(provider.createdAt()))
                .update();
        insertDomains(provider.id(), provider.domains());
    }

    void update(UUID organizationId, IdentityProvider provider, String sealedSecret) {
        withFields(jdbc.sql("""
                update sso_provider
                   set name = :name, issuer = :issuer, client_id = :clientId, client_secret = :secret,
                       enabled = :enabled, updated_at = :updatedAt
                 where id = :id and organization_id = :org"""), organizationId, provider, sealedSecret).update();
        jdbc.sql("delete from sso_domain where provider_id = :id")
                .param("id", provider.id())
                .update();
        insertDomains(provider.id(), provider.domains());
    }

    private static JdbcClient.StatementSpec withFields(
            JdbcClient.StatementSpec statement, UUID organizationId, IdentityProvider provider, String sealedSecret) {
        return statement
                .param("id", provider.id())
                .param("org", organizationId)
                .param("name", provider.name())
                .param("issuer", provider.issuer())
                .param("clientId", provider.clientId())
                .param("secret", sealedSecret)
                .param("enabled", provider.enabled())
                .param("updatedAt", Timestamp.from(provider.updatedAt()));
    }

    private void insertDomains(UUID providerId, Collection<String> domains) {
        for (String domain : domains) {
            jdbc.sql("insert into sso_domain (provider_id, domain) values (:id, :domain)")
                    .param("id", providerId)
                    .param("domain", domain)
                    .update();
        }
    }

    boolean delete(UUID organizationId, UUID id) {
        return jdbc.sql("delete from sso_provider where id = :id and organization_id = :org")
                        .param("id", id)
                        .param("org", organizationId)
                        .update()
                > 0;
    }

    /** A provider of any organization (for the sign-in, which starts from the provider). */
    Optional<Stored> find(UUID id) {
        return withDomains(jdbc.sql("select * from sso_provider where id = :id")
                        .param("id", id)
                        .query(ProviderRows::stored)
                        .list())
                .stream()
                .findFirst();
    }

    Optional<Stored> find(UUID organizationId, UUID id) {
        return find(id).filter(stored -> stored.organizationId().equals(organizationId));
    }

    /** The organization's providers after {@code after} (a creation time and an id), oldest first. */
    List<Stored> page(UUID organizationId, Cursor after, int rows) {
        return withDomains(jdbc.sql("""
                        select * from sso_provider where organization_id = :org
                           and (created_at > :after or (created_at = :after and id > :afterId))
                         order by created_at, id
                         limit :rows""")
                .param("org", organizationId)
                .param("after", Timestamp.from(Instant.parse(after.position())))
                .param("afterId", after.id())
                .param("rows", rows)
                .query(ProviderRows::stored)
                .list());
    }

    long enabledCount(UUID organizationId) {
        return jdbc.sql("select count(*) from sso_provider where organization_id = :org and enabled")
                .param("org", organizationId)
                .query(Long.class)
                .single();
    }

    long count(UUID organizationId) {
        return jdbc.sql("select count(*) from sso_provider where organization_id = :org")
                .param("org", organizationId)
                .query(Long.class)
                .single();
    }

    /** The enabled providers that sign in addresses of this domain, in every organization, by name. */
    List<Offered> enabledFor(String domain, int most) {
        return jdbc.sql("""
                select p.id, p.name from sso_provider p join sso_domain d on d.provider_id = p.id
                 where d.domain = :domain and p.enabled
                 order by p.name, p.id
                 limit :most""")
                .param("domain", domain)
                .param("most", most)
                .query((rs, row) -> new Offered(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
    }

    boolean ssoOnly(UUID organizationId) {
        return jdbc.sql("select sso_only from sso_setting where organization_id = :org")
                .param("org", organizationId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    void ssoOnly(UUID organizationId, boolean only) {
        int changed = jdbc.sql("update sso_setting set sso_only = :only where organization_id = :org")
                .param("org", organizationId)
                .param("only", only)
                .update();
        if (changed == 0) {
            jdbc.sql("insert into sso_setting (organization_id, sso_only) values (:org, :only)")
                    .param("org", organizationId)
                    .param("only", only)
                    .update();
        }
    }

    /** The person this subject of this issuer signed in as before, if any. */
    Optional<UUID> linkedPerson(UUID organizationId, String issuer, String subject) {
        return jdbc.sql("""
                select person_id from sso_identity
                 where organization_id = :org and issuer = :issuer and subject = :subject""")
                .param("org", organizationId)
                .param("issuer", issuer)
                .param("subject", subject)
                .query(UUID.class)
                .optional();
    }

    void link(UUID organizationId, String issuer, String subject, UUID personId, Instant now) {
        int changed = jdbc.sql("""
                update sso_identity set person_id = :person
                 where organization_id = :org and issuer = :issuer and subject = :subject""")
                .param("org", organizationId)
                .param("issuer", issuer)
                .param("subject", subject)
                .param("person", personId)
                .update();
        if (changed == 0) {
            jdbc.sql("""
                    insert into sso_identity (organization_id, issuer, subject, person_id, created_at)
                    values (:org, :issuer, :subject, :person, :now)""")
                    .param("org", organizationId)
                    .param("issuer", issuer)
                    .param("subject", subject)
                    .param("person", personId)
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    private List<Stored> withDomains(List<Stored> providers) {
        if (providers.isEmpty()) {
            return providers;
        }
        Map<UUID, List<String>> domains = new HashMap<>();
        jdbc.sql("select provider_id, domain from sso_domain where provider_id in (:ids) order by domain")
                .param("ids", providers.stream().map(p -> p.provider().id()).toList())
                .query((rs, row) -> Map.entry(rs.getObject("provider_id", UUID.class), rs.getString("domain")))
                .list()
                .forEach(entry -> domains.computeIfAbsent(entry.getKey(), id -> new ArrayList<>())
                        .add(entry.getValue()));
        return providers.stream()
                .map(stored -> {
                    IdentityProvider p = stored.provider();
                    return new Stored(
                            stored.organizationId(),
                            new IdentityProvider(
                                    p.id(),
                                    p.name(),
                                    p.issuer(),
                                    p.clientId(),
                                    p.clientSecretSet(),
                                    domains.getOrDefault(p.id(), List.of()),
                                    p.enabled(),
                                    p.createdAt(),
                                    p.updatedAt()),
                            stored.sealedSecret());
                })
                .toList();
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        String secret = rs.getString("client_secret");
        return new Stored(
                rs.getObject("organization_id", UUID.class),
                new IdentityProvider(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getString("issuer"),
                        rs.getString("client_id"),
                        secret != null,
                        List.of(),
                        rs.getBoolean("enabled"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("updated_at").toInstant()),
                secret);
    }
}
