/**
 * People: organizations (the tenants), their members and guests, reporting lines, teams,
 * invitations and accounts. The public entry is {@link dev.kept.people.People}; the caller of a
 * request is a {@link dev.kept.people.Caller}.
 */
package dev.kept.people;
