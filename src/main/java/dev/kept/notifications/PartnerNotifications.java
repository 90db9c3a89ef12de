package dev.kept.notifications;

import dev.kept.commitments.ChallengeAnswered;
import dev.kept.commitments.ChallengePosted;
import dev.kept.partnerships.PartnershipChanged;
import dev.kept.partnerships.PartnershipInvited;
import dev.kept.partnerships.PartnershipSuspended;
import dev.kept.people.People;
import dev.kept.people.Person;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells partners, in the app, about invitations, answers to them, changes of a partnership and
 * challenges. The texts name people and never quote what they wrote.
 */
@Component
class PartnerNotifications {

    private final Inbox inbox;
    private final People people;

    PartnerNotifications(Inbox inbox, People people) {
        this.inbox = inbox;
        this.people = people;
    }

    @ApplicationModuleListener
    void on(PartnershipInvited invited) {
        String kind = switch (invited.kind()) {
            case PEER -> "peer accountability partner";
            case COACH -> "coach";
            case MENTOR -> "mentor";
        };
        inbox.tell(
                invited.organizationId(),
                invited.partnerId(),
                "partnership-invited:" + invited.partnershipId(),
                "PARTNERSHIP_INVITED",
                invited.inviterName() + " invites you to be their " + kind + ".",
                link(invited.partnershipId()));
    }

    @ApplicationModuleListener
    void on(PartnershipChanged changed) {
        String what = switch (changed.change()) {
            case ACCEPTED -> "accepted your invitation";
            case RESUMED -> "resumed your partnership";
            case DECLINED -> "declined your invitation";
            case PAUSED -> "paused your partnership";
            case ENDED -> "ended your partnership";
            case LEFT -> "left the organization: your partnership has ended, and its check-ins are cancelled";
        };
        inbox.tell(
                changed.organizationId(),
                changed.otherId(),
                "partnership:" + changed.partnershipId() + ":" + changed.version(),
                "PARTNERSHIP_" + changed.change(),
                changed.actorName() + " " + what + ".",
                link(changed.partnershipId()));
    }

    @ApplicationModuleListener
    void on(PartnershipSuspended suspended) {
        tellSuspended(suspended, suspended.inviterId(), suspended.partnerId());
        tellSuspended(suspended, suspended.partnerId(), suspended.inviterId());
    }

    private void tellSuspended(PartnershipSuspended suspended, UUID recipient, UUID other) {
        inbox.tell(
                suspended.organizationId(),
                recipient,
                "partnership:" + suspended.partnershipId() + ":" + suspended.version() + ":" + recipient,
                "PARTNERSHIP_SUSPENDED",
                "Your partnership with " + name(suspended.organizationId(), other)
                        + " is suspended: a change in the reporting line put you in one line.",
                link(suspended.partnershipId()));
    }

    @ApplicationModuleListener
    void on(ChallengePosted posted) {
        inbox.tell(
                posted.organizationId(),
                posted.ownerId(),
                "challenge:" + posted.challengeId(),
                "CHALLENGE",
                posted.authorName() + " challenged you on one of your commitments.",
                "/commitments/" + posted.commitmentId() + "#challenge-" + posted.challengeId());
    }

    @ApplicationModuleListener
    void on(ChallengeAnswered answered) {
        inbox.tell(
                answered.organizationId(),
                answered.authorId(),
                "challenge-answer:" + answered.challengeId() + ":" + answered.answer(),
                "CHALLENGE_ANSWERED",
                answered.ownerName() + " answered your challenge.",
                "/commitments/" + answered.commitmentId() + "#challenge-" + answered.challengeId());
    }

    private String name(UUID organizationId, UUID personId) {
        return people.personIn(organizationId, personId).map(Person::getName).orElse("your partner");
    }

    private static String link(UUID partnershipId) {
        return "/partnerships/" + partnershipId;
    }
}
