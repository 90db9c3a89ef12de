/**
 * Directory sync with SCIM 2.0 (RFC 7643, RFC 7644) at {@code /scim/v2}: an identity provider
 * creates, changes and deactivates the organization's people (Users, with the enterprise
 * extension's manager and department) and keeps its teams (Groups), authenticated by a bearer token
 * an admin creates for it ({@link dev.kept.scim.ScimTokens}). Changes go through the people
 * module's {@link dev.kept.people.DirectorySync} and {@link dev.kept.people.Offboarding}.
 */
package dev.kept.scim;
