/**
 * Matching: partner-matching programs and the engine that pairs a whole program at once. It owns
 * the participant profiles a program works on (strengths, growth areas, respect nominations, time
 * zone, preferred cadence), the program's rules and weights, the compatibility score of two people
 * with the reasons shown to both of them, and the pairing with the highest total compatibility that
 * never breaks a hard rule (a maximum-weight matching, with odd people joined to a pair as a trio).
 * Which pairs are forbidden for private reasons (reporting line, declared competitors, previous
 * partners, another organization) is decided by the caller and handed in as a {@link
 * dev.kept.matching.PairRule}, so the engine never sees, and so can never reveal, those reasons.
 * Programs, profiles, runs and the match proposals people accept or decline live in {@code
 * dev.kept.matching.programs}, whose entry is {@code MatchingPrograms}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Matching")
package dev.kept.matching;
