/**
 * Notifications: e-mail sent over SMTP (or, without a mail server, written to the log and kept in
 * an outbox admins can read), delivered by listeners of other modules' events. Listeners run after
 * the publishing transaction commits, from the event publication registry, and are idempotent.
 */
package dev.kept.notifications;
