package dev.kept.notifications;

/**
 * A plain-text e-mail to one person. A confidential one (between partners) is kept out of the
 * admin outbox.
 */
record Mail(String to, String subject, String body, boolean confidential) {

    Mail(String to, String subject, String body) {
        this(to, subject, body, false);
    }
}
