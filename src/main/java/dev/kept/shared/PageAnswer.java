package dev.kept.shared;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A page as the API answers it: {@code {"items": [...], "next": "<address of the next page>"}},
 * the same address in a {@code Link: <...>; rel="next"} header, and {@code next} null on the last
 * page. The next address is this request's own, with the cursor and the limit replaced.
 */
public record PageAnswer<T>(List<T> items, String next) {

    public static <T> ResponseEntity<PageAnswer<T>> of(Page<T> page, Integer limit) {
        if (!page.hasNext()) {
            return ResponseEntity.ok(new PageAnswer<>(page.items(), null));
        }
        String next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("cursor", page.next())
                .replaceQueryParam("limit", Page.limitOr(limit))
                .toUriString();
        return ResponseEntity.ok()
                .header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"")
                .body(new PageAnswer<>(page.items(), next));
    }

    /**
     * For a page of HTML: the address (path and query, no host) of this same page from the next
     * cursor on, which its "Show more" link loads; null on the last page.
     */
    public static String moreHref(Page<?> page) {
        if (!page.hasNext()) {
            return null;
        }
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return UriComponentsBuilder.fromPath(request.getRequestURI())
                .query(request.getQueryString())
                .replaceQueryParam("cursor", page.next())
                .build()
                .toUriString();
    }
}
