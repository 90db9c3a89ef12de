/**
 * The web shell: the layout every page shares, the home dashboard, and the error handling that
 * turns every failure into a problem document (API) or a friendly page, never a stack trace.
 */
package dev.kept.web;
