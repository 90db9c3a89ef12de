/**
 * Partnerships: two people who hold each other (peer) or one of them (coach, mentor) accountable;
 * the rules that decide who may be whose partner (never oneself, never the reporting line, never a
 * declared competitor, never twice at once), each person's private competitor declarations, the
 * agreement each side sees, and the fit hint shown while choosing. Two entries: {@link
 * dev.kept.partnerships.Partnerships}, a partnership's life (the access policy asks it through
 * which partnerships a person sees someone's shared commitments), and {@link
 * dev.kept.partnerships.Partnering}, who may be partnered with whom and who would fit (candidates,
 * competitor declarations, the pairs a matching program must avoid, a partnership formed from a
 * match).
 */
package dev.kept.partnerships;
