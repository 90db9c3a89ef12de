package dev.kept.people;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Each person's strengths, stored one row per tag. */
@Component
class StrengthStore {

    private final JdbcClient jdbc;

    StrengthStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> of(UUID organizationId, UUID personId) {
        return jdbc.sql("""
                        select strength from person_strength
                         where organization_id = :organization and person_id = :person
                         order by strength""")
                .param("organization", organizationId)
                .param("person", personId)
                .query(String.class)
                .list();
    }

    /** Replaces the person's strengths with these (already normalized) tags. */
    void replace(UUID organizationId, UUID personId, List<String> strengths) {
        jdbc.sql("delete from person_strength where organization_id = :organization and person_id = :person")
                .param("organization", organizationId)
                .param("person", personId)
                .update();
        for (String strength : strengths) {
            jdbc.sql("""
                            insert into person_strength (organization_id, person_id, strength)
                            values (:organization, :person, :strength)
                            on conflict do nothing""")
                    .param("organization", organizationId)
                    .param("person", personId)
                    .param("strength", strength)
                    .update();
        }
    }

    /** The active members (not guests) of an organization with any of these strengths. */
    List<UUID> peopleWithAny(UUID organizationId, Collection<String> areas) {
        if (areas.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct p.id from person_strength s
                          join person p on p.id = s.person_id and p.organization_id = s.organization_id
                         where s.organization_id = :organization and s.strength in (:areas)
                           and p.role <> 'GUEST' and p.status = 'ACTIVE'""")
                .param("organization", organizationId)
                .param("areas", areas)
                .query(UUID.class)
                .list();
    }
}
