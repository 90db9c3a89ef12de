/**
 * Security: sign-up and sign-in, sessions for pages and personal API tokens for clients, the
 * throttling of failed sign-ins, the security headers, and the access policy that decides who
 * may see what (see {@link dev.kept.security.AccessPolicy}).
 */
package dev.kept.security;
