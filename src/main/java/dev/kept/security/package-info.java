/**
 * Security: sign-up and sign-in, sessions for pages and personal API tokens for clients (with an
 * expiry and a scope), the throttling of failed sign-ins per e-mail and the limits per client
 * address on sign-in, sign-up and token creation (counted in the database, so that all instances
 * share them), the security headers, and the access policy that decides who may see what (see
 * {@link dev.kept.access.AccessPolicy}).
 */
package dev.kept.security;
