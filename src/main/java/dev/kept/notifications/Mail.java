package dev.kept.notifications;

/** A plain-text e-mail to one person. */
record Mail(String to, String subject, String body) {}
