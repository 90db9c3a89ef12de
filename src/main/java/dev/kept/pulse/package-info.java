/**
 * The accountability pulse: a short recurring survey on the behaviours of mutual accountability
 * (asking early when a shared expectation is in jeopardy, noticing without judging, offering help,
 * owning mistakes, putting shared results first), answered 1–5 with an optional comment.
 *
 * <p>An admin sets a pulse up: its questions (1 to 10; the default set is pre-filled; they no
 * longer change once a round has opened), the teams it goes to (1 to 50), its cadence (weekly,
 * every two weeks, monthly), its start day and N, the fewest respondents a group needs (5 unless
 * set, never fewer than 3); and pauses, resumes or closes it. A scheduled job opens each round on
 * its day (UTC) for seven days; the members of the pulse's teams are told in the app and by
 * e-mail ({@link dev.kept.pulse.PulseRoundOpened}). A member answers each open round of a pulse
 * going to their current team once; guests are never asked.
 *
 * <p>Anonymity by design. An answer is stored without its person: one row per question
 * ({@code pulse_answer}: round, team, question, score) and the comment apart ({@code pulse_comment}),
 * with random ids and no time finer than the round. Who has answered is a receipt
 * ({@code pulse_receipt}: round, person) written in the same transaction and sharing nothing with
 * the answers. Results show only for a round that has closed (watching a count grow would single
 * out the last to answer), and only for groups of at least N respondents: a smaller team shows
 * "fewer than N answers", with no count, score or comment. All the pulse's teams together show only
 * when the respondents of the hidden teams number 0 or at least N, so that taking the shown teams
 * from the total reveals no small group. There is no other filter (role, manager, part of a round)
 * that could narrow a group. Comments show only in a shown team, sorted by their text, never with a
 * person or a time.
 *
 * <p>Who sees results: an admin, every team of the pulse; a member, their own team; a team's lead,
 * the team they lead; each of them, all teams together. They are counted in SQL, a fixed number of
 * statements whatever the number of answers, and follow the last twelve closed rounds.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pulse")
package dev.kept.pulse;
