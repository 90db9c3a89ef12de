/**
 * Partnerships: two people who hold each other (peer) or one of them (coach, mentor) accountable;
 * the rules that decide who may be whose partner (never oneself, never the reporting line, never a
 * declared competitor, never twice at once), each person's private competitor declarations, the
 * agreement each side sees, and the fit hint shown while choosing. The public entry is {@link
 * dev.kept.partnerships.Partnerships}; the access policy asks it through which partnerships a
 * person sees someone's shared commitments.
 */
package dev.kept.partnerships;
