package dev.kept.people;

import java.util.List;
import java.util.UUID;

/** A person as the API shows them; {@code strengths} only where one person is read. */
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
        Integer level,
        List<String> strengths) {

    /** The person without their strengths (null: not read), as lists and sign-up show them. */
    public static PersonView of(Person person) {
        return of(person, null);
    }

    /** The person with their strengths (areas of expertise). */
    public static PersonView of(Person person, List<String> strengths) {
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
                person.getLevel(),
                strengths);
    }
}
