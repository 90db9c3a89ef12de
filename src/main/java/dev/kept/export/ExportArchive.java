package dev.kept.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes one person's data as a ZIP: a JSON file per kind for machines, {@code index.html} with the
 * same content for people (no script, no outside resource), and {@code README.txt} on the format.
 */
@Component
class ExportArchive {

    static final String README = """
            Your data from Kept
            ===================

            Everything Kept holds that is yours, as of %s (UTC), for person %s.

            Files
            -----
            index.html           the same content as the JSON files, to read in a browser
            profile.json         your profile: name, e-mail, title, team, manager, time zone, strengths, preferences
            commitments.json     the commitments you own or co-own, each with its co-owners, the partnerships it is
                                 shared with, milestones, progress updates, renegotiations, verification
                                 (outcome, the other side's confirmation), reflections and the challenges on it
            challenges.json      the challenges you wrote (on someone else's commitment: your words and the
                                 answers, the commitment named by id only) and those received on your commitments
            check-ins.json       the check-ins of your partnerships, with your notes (shared and private) and your
                                 partner's shared notes while the partnership is active; next steps
            expectations.json    what you asked of others and what was asked of you, with the messages
            partnerships.json    your partnerships and their agreements; the competitors you declared (only you see them)
            kudos.json           thanks you gave and received
            flags.json           jeopardy flags you raised, answered or received as an owner
            help-offers.json     help you offered and help offered to you
            advice.json          advice you asked for (with the answers), answers you gave, requests you were invited to
            decisions.json       decision notes you recorded and your comments on decisions
            matching.json        the matching programs you joined (your tags, whom you respect) and the matches proposed to you
            notifications.json   your in-app notifications

            Format
            ------
            JSON (UTF-8): each file is one object whose fields hold lists of items; field names are
            camelCase; times are ISO-8601 instants in UTC (2026-01-31T09:00:00Z), dates are ISO-8601
            (2026-01-31), ids are UUIDs. Other people appear by name only, never by e-mail.

            Not included
            ------------
            Pulse answers (they are anonymous and cannot be tied to you), another person's private notes,
            and commitments of other people, even those shared with you: they are their owners' data.
            """;

    private final ObjectWriter json;

    ExportArchive(JsonMapper mapper) {
        this.json = mapper.writerWithDefaultPrettyPrinter();
    }

    byte[] write(String personId, Instant at, List<PersonData.Kind> kinds) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            entry(zip, "README.txt", README.formatted(at, personId).getBytes(StandardCharsets.UTF_8));
            entry(zip, "index.html", html(at, kinds).getBytes(StandardCharsets.UTF_8));
            for (PersonData.Kind kind : kinds) {
                entry(zip, kind.file(), json.writeValueAsBytes(kind.content()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static String html(Instant at, List<PersonData.Kind> kinds) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Your data from Kept</title>
                <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
                dl{margin:0 0 0 1rem}dt{font-weight:bold}dd{margin:0 0 .3rem 1rem}li{margin-bottom:.6rem}</style>
                </head><body>
                """);
        page.append("<h1>Your data from Kept</h1><p>As of ").append(at).append(" (UTC).</p><nav><ul>");
        for (PersonData.Kind kind : kinds) {
            page.append("<li><a href=\"#").append(anchor(kind)).append("\">").append(escape(kind.title()));
            page.append("</a> (<a href=\"")
                    .append(kind.file())
                    .append("\">")
                    .append(kind.file())
                    .append("</a>)</li>");
        }
        page.append("</ul></nav>");
        for (PersonData.Kind kind : kinds) {
            page.append("<section id=\"").append(anchor(kind)).append("\"><h2>").append(escape(kind.title()));
            page.append("</h2>");
            render(page, kind.content());
            page.append("</section>");
        }
        return page.append("</body></html>\n").toString();
    }

    private static String anchor(PersonData.Kind kind) {
        return kind.file().replace(".json", "");
    }

    private static void render(StringBuilder page, Object value) {
        if (value instanceof Map<?, ?> map) {
            page.append("<dl>");
            map.forEach((key, item) -> {
                page.append("<dt>").append(escape(String.valueOf(key))).append("</dt><dd>");
                render(page, item);
                page.append("</dd>");
            });
            page.append("</dl>");
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                page.append("none");
                return;
            }
            page.append("<ol>");
            for (Object item : list) {
                page.append("<li>");
                render(page, item);
                page.append("</li>");
            }
            page.append("</ol>");
        } else {
            page.append(value == null ? "" : escape(String.valueOf(value)));
        }
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
