/**
 * Notifications: e-mail and the in-app inbox, delivered by listeners of other modules' events.
 * Listeners run after the publishing transaction commits, from the event publication registry, and
 * are idempotent. An e-mail is queued in the outbox ({@code outgoing_mail}) and sent over SMTP by
 * {@code MailSender}, once, with retries; without a mail server it is written to the log and kept
 * in the outbox admins can read. With a mail server an e-mail with a secret link (an invitation)
 * shows there without its body, which is not kept once it is sent.
 */
package dev.kept.notifications;
