/**
 * Insights: what accountability does for a person, a team and the organization, measured on the
 * organization's own data (kept and on-time rates, renegotiations, the effect of sharing a
 * commitment with a partner and meeting them), and the accountability pulse. Computed with SQL
 * aggregates, shown as charts drawn on the server with their tables, in the API and as CSV.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insights")
package dev.kept.insights;
