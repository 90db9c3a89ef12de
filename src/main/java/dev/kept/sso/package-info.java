/**
 * Single sign-on with OpenID Connect: an organization's identity providers (issuer, client id, the
 * client secret encrypted at rest, the e-mail domains each one vouches for), the switch that makes
 * them the only way in, the client registrations Spring Security's {@code oauth2Login} reads from
 * the database, and what a sign-in through a provider signs in as: the person linked to the
 * provider's subject, the member with the verified e-mail, an invited person who joins, or a member
 * created just in time, through the people module's {@link dev.kept.people.Accounts}. The public
 * entry is {@link dev.kept.sso.SingleSignOn}.
 */
package dev.kept.sso;
