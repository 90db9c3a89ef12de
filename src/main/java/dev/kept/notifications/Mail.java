package dev.kept.notifications;

import java.util.Objects;

/**
 * A plain-text e-mail to one person, perhaps with one text attachment. A confidential one (between
 * partners) is kept out of the admin outbox.
 */
record Mail(String to, String subject, String body, boolean confidential, Attachment attachment) {

    Mail(String to, String subject, String body) {
        this(to, subject, body, false, null);
    }

    Mail(String to, String subject, String body, boolean confidential) {
        this(to, subject, body, confidential, null);
    }

    Mail withAttachment(Attachment attachment) {
        return new Mail(to, subject, body, confidential, attachment);
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
