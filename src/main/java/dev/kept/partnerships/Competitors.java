package dev.kept.partnerships;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each person's private list of the people they compete with (for a promotion, for resources).
 * Only its author ever reads it back; the rules use it without saying whose declaration applied.
 */
@Component
class Competitors {

    private final JdbcClient jdbc;

    Competitors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<UUID> declaredBy(UUID organizationId, UUID personId) {
        return jdbc.sql("""
                        select competitor_id from competitor_declaration
                         where organization_id = :organization and person_id = :person
                         order by created_at, competitor_id""")
                .param("organization", organizationId)
                .param("person", personId)
                .query(UUID.class)
                .list();
    }

    /** Whether {@code declarer} declared {@code declared} a competitor. */
    boolean declared(UUID organizationId, UUID declarer, UUID declared) {
        return jdbc.sql("""
                        select count(*) from competitor_declaration
                         where organization_id = :organization and person_id = :declarer and competitor_id = :declared""")
                        .param("organization", organizationId)
                        .param("declarer", declarer)
                        .param("declared", declared)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether either of the two declared the other a competitor. */
    boolean between(UUID organizationId, UUID a, UUID b) {
        return jdbc.sql("""
                        select count(*) from competitor_declaration
                         where organization_id = :organization
                           and ((person_id = :a and competitor_id = :b) or (person_id = :b and competitor_id = :a))""")
                        .param("organization", organizationId)
                        .param("a", a)
                        .param("b", b)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Every pair of an organization in which one declared the other, without saying which one. */
    Set<Set<UUID>> pairs(UUID organizationId) {
        Set<Set<UUID>> pairs = new HashSet<>();
        jdbc.sql("select person_id, competitor_id from competitor_declaration where organization_id = :organization")
                .param("organization", organizationId)
                .query((rs, row) ->
                        Set.of(rs.getObject("person_id", UUID.class), rs.getObject("competitor_id", UUID.class)))
                .list()
                .forEach(pairs::add);
        return pairs;
    }

    void replace(UUID organizationId, UUID personId, Collection<UUID> competitors, Instant now) {
        jdbc.sql("delete from competitor_declaration where organization_id = :organization and person_id = :person")
                .param("organization", organizationId)
                .param("person", personId)
                .update();
        if (competitors.isEmpty()) {
            return;
        }
        // one statement whatever the number: the declared are people of the same organization
        jdbc.sql("""
                        insert into competitor_declaration (organization_id, person_id, competitor_id, created_at)
                        select :organization, :person, p.id, :now from person p
                         where p.organization_id = :organization and p.id in (:competitors)""")
                .param("organization", organizationId)
                .param("person", personId)
                .param("competitors", java.util.List.copyOf(competitors))
                .param("now", java.sql.Timestamp.from(now))
                .update();
    }
}
