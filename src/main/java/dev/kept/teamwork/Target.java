package dev.kept.teamwork;

import java.util.Set;
import java.util.UUID;

/**
 * A commitment, expectation or goal as a caller who may see it knows it (pages show it): its title, who owns it
 * now (who answers a flag on it), and to whom help with it goes.
 *
 * @param owners who answers a flag: a commitment's owner and accepted co-owners; an expectation's
 *     requester and the side asked (the person, or the team's lead and members); a goal's team lead
 *     (the admins for an organization goal)
 * @param ownCommitment whether it is a commitment these owners own (nobody flags their own)
 * @param helpPerson the person help offered with it goes to, or null when it goes to a team
 * @param helpTeam the team help offered with it goes to, or null
 * @param teamId a goal's team (null for an organization goal, or for other targets)
 */
public record Target(
        TargetType type, UUID id, String title, Set<UUID> owners, UUID helpPerson, UUID helpTeam, UUID teamId) {

    public String link() {
        return type.link(id);
    }
}
