package dev.kept.shared;

import java.util.function.Function;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A list on a page of HTML with a "Show more" link: the page from the cursor that link sent, and
 * what the template needs to show it. A cursor that is not one this list gave out (forged, stale,
 * or another list's) starts the list over from its first page; a page never refuses it.
 */
public final class MorePages {

    private MorePages() {}

    /** The page {@code read} answers from {@code cursor} on, or its first page if the cursor is not its own. */
    public static <T> Page<T> pageOrFirst(Function<String, Page<T>> read, String cursor) {
        try {
            return read.apply(cursor);
        } catch (BadCursorException notOurs) {
            return read.apply(null);
        }
    }

    /**
     * Reads the page as {@link #pageOrFirst} does and puts its items in the model under {@code
     * itemsName}, and under {@code moreHref} the address its "Show more" link loads (null on the
     * last page, see {@link PageAnswer#moreHref}); answers the page.
     */
    public static <T> Page<T> show(Model model, String itemsName, Function<String, Page<T>> read, String cursor) {
        Page<T> page = pageOrFirst(read, cursor);
        model.addAttribute(itemsName, page.items());
        model.addAttribute("moreHref", PageAnswer.moreHref(page));
        return page;
    }

    /**
     * For a page that shows several lists: the address of one list's next page, {@code path} with
     * {@code list} naming the list and {@code cursor} set; null on the last page.
     */
    public static String moreHref(String path, String list, Page<?> page) {
        if (!page.hasNext()) {
            return null;
        }
        return UriComponentsBuilder.fromPath(path)
                .queryParam("list", list)
                .queryParam("cursor", page.next())
                .build()
                .toUriString();
    }
}
