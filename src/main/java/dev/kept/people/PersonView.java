package dev.kept.people;

import java.util.UUID;

/** A person as the API shows them. */
public record PersonView(
        UUID id,
        String name,
        String email,
        String title,
        UUID teamId,
        String region,
        UUID managerId,
        Role role,
        PersonStatus status,
        String timeZone,
        Integer level) {

    public static PersonView of(Person person) {
        return new PersonView(
                person.getId(),
                person.getName(),
                person.getEmail(),
                person.getTitle(),
                person.getTeamId(),
                person.getRegion(),
                person.getManagerId(),
                person.getRole(),
                person.getStatus(),
                person.getTimeZone(),
                person.getLevel());
    }
}
