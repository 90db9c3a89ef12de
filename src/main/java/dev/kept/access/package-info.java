/**
 * Access: who may see what. The one access policy ({@link dev.kept.access.AccessPolicy}) that
 * every module asks before it shows content: for one item ({@code canSee}) and for a list as a SQL
 * predicate ({@code visibleTo}), by the visibilities a commitment can have ({@link
 * dev.kept.access.Visibility}), the caller's team, the partnerships they hold and what was shared
 * with them. Sign-in and tokens, which establish who the caller is, are in {@code security}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package dev.kept.access;
