/**
 * Advice: a person asks for advice, people with a matching strength in other teams are invited,
 * they answer, and the asker says what each answer was worth.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Advice")
package dev.kept.advice;
