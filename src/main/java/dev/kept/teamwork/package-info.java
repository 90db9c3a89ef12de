/**
 * Teamwork around a target (a commitment, an expectation or a goal): jeopardy flags (speaking up
 * when it seems at risk: what was noticed, a question, maybe help; the owners' answer; resolved or
 * withdrawn) with non-blocking hints on the wording ({@code FlagWording}), offers of help to a
 * person or a team and their answers, and the teamwork panel of a target that shows both.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Teamwork")
package dev.kept.teamwork;
