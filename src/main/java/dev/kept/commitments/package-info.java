/**
 * Commitments: who will do what by when and why, their clarity check, progress updates with a
 * confidence, and the closing verification with a reflection. The public entry is
 * {@link dev.kept.commitments.Commitments}; every read goes through the access policy.
 */
package dev.kept.commitments;
