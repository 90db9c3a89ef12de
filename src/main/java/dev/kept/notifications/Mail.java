package dev.kept.notifications;

import java.util.Objects;

/**
 * A plain-text e-mail to one person, perhaps with one text attachment. A confidential one (between
 * partners) is kept out of the admin outbox. One with a secret link (an invitation, a password
 * reset: whoever reads it can act as its recipient) shows in the admin outbox without its body when
 * a mail server is configured, and its body is not kept once it is sent or given up.
 */
record Mail(String to, String subject, String body, boolean confidential, boolean secretLink, Attachment attachment) {

    Mail(String to, String subject, String body) {
        this(to, subject, body, false, false, null);
    }

    Mail(String to, String subject, String body, boolean confidential) {
        this(to, subject, body, confidential, false, null);
    }

    Mail withAttachment(Attachment attachment) {
        return new Mail(to, subject, body, confidential, secretLink, attachment);
    }

    /** The same mail, marked as carrying a link that lets whoever reads it act as its recipient. */
    Mail withSecretLink() {
        return new Mail(to, subject, body, confidential, true, attachment);
    }

    /**
     * A text file sent along with the e-mail, such as a calendar invitation ({@code invite.ics},
     * {@code text/calendar; method=REQUEST; charset=UTF-8}).
     */
    record Attachment(String filename, String contentType, String content) {

        /** What the outbox holds ({@code outgoing_mail.attachment}). */
        static final int MAX_LENGTH = 20_000;

        Attachment {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(content, "content");
            // refused here rather than by the database, where it would fail the listener's transaction again and again
            if (content.length() > MAX_LENGTH) {
                throw new IllegalArgumentException(
                        "An attachment holds at most " + MAX_LENGTH + " characters: " + filename);
            }
        }
    }
}
