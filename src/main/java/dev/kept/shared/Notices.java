package dev.kept.shared;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notice the next page shows after a form was handled ("Saved."), written in {@code
 * messages.properties} under a key, with its arguments: the layout reads it in the page's language.
 */
public final class Notices {

    private Notices() {}

    /** The notice of {@code key} with {@code arguments}, for the page the redirect leads to. */
    public static void flash(RedirectAttributes redirect, String key, Object... arguments) {
        redirect.addFlashAttribute("noticeKey", key);
        redirect.addFlashAttribute("noticeArguments", arguments);
    }
}
