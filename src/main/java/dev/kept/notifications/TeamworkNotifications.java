package dev.kept.notifications;

import dev.kept.teamwork.FlagAnswered;
import dev.kept.teamwork.FlagClosed;
import dev.kept.teamwork.FlagRaised;
import dev.kept.teamwork.FlagStatus;
import dev.kept.teamwork.HelpOfferAnswered;
import dev.kept.teamwork.HelpOffered;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells, in the app, the owners of a flagged commitment, expectation or goal of the flag, the raiser
 * of the answer and of the resolution, the recipients of an offer of help and the offerer of the
 * answer. The texts name people and never quote a flag, an offer or what they are about.
 */
@Component
class TeamworkNotifications {

    private final Inbox inbox;

    TeamworkNotifications(Inbox inbox) {
        this.inbox = inbox;
    }

    @ApplicationModuleListener
    void on(FlagRaised raised) {
        String what = raised.targetType().name().toLowerCase();
        for (UUID owner : raised.ownerIds()) {
            inbox.tell(
                    raised.organizationId(),
                    owner,
                    "flag-raised:" + raised.flagId() + ":" + owner,
                    "FLAG_RAISED",
                    raised.raiserName() + " raised a flag: " + (what.startsWith("e") ? "an " : "a ") + what
                            + " of yours may be in jeopardy. Answer their question.",
                    flag(raised.flagId()));
        }
    }

    @ApplicationModuleListener
    void on(FlagAnswered answered) {
        inbox.tell(
                answered.organizationId(),
                answered.raisedBy(),
                "flag-answered:" + answered.flagId() + ":" + answered.at().toEpochMilli(),
                "FLAG_ANSWERED",
                answered.answeredByName() + " answered the flag you raised.",
                flag(answered.flagId()));
    }

    @ApplicationModuleListener
    void on(FlagClosed closed) {
        boolean resolved = closed.status() == FlagStatus.RESOLVED;
        for (UUID person : closed.toTell()) {
            inbox.tell(
                    closed.organizationId(),
                    person,
                    "flag-closed:" + closed.flagId() + ":" + person,
                    resolved ? "FLAG_RESOLVED" : "FLAG_WITHDRAWN",
                    closed.closedByName() + (resolved ? " resolved" : " withdrew") + " a flag.",
                    flag(closed.flagId()));
        }
    }

    @ApplicationModuleListener
    void on(HelpOffered offered) {
        for (UUID recipient : offered.recipientIds()) {
            inbox.tell(
                    offered.organizationId(),
                    recipient,
                    "help-offered:" + offered.offerId() + ":" + recipient,
                    "HELP_OFFERED",
                    offered.offererName() + " offers help: accept or decline it.",
                    help(offered.offerId()));
        }
    }

    @ApplicationModuleListener
    void on(HelpOfferAnswered answered) {
        inbox.tell(
                answered.organizationId(),
                answered.offeredBy(),
                "help-answered:" + answered.offerId(),
                answered.accepted() ? "HELP_ACCEPTED" : "HELP_DECLINED",
                answered.answeredByName() + (answered.accepted() ? " accepted" : " declined")
                        + " the help you offered.",
                help(answered.offerId()));
    }

    private static String flag(UUID id) {
        return "/flags/" + id;
    }

    private static String help(UUID id) {
        return "/help-offers/" + id;
    }
}
