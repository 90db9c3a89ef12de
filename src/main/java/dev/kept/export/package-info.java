/**
 * A person's export of their own data (GDPR articles 15 and 20): asked for over the API or on the
 * "Your data" page, built in the background into one ZIP (a JSON file per kind, a readable {@code
 * index.html}, a {@code README.txt}), and handed out once, to the same person, before it expires.
 * It reads the other modules' tables with read-only SQL, a fixed number of statements per kind,
 * selecting only what the person owns, wrote or was addressed; never anyone else's hidden content.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Export")
package dev.kept.export;
