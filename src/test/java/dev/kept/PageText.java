package dev.kept;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** What a page answered, as text: for page tests that read the HTML. */
public final class PageText {

    private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]*)\"");

    private PageText() {}

    public static String body(MockMvcTester.MockMvcRequestBuilder request) {
        return body(request.exchange());
    }

    public static String body(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The values of every {@code <option>} of a page that answered 200, in order. */
    public static List<String> options(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        List<String> values = new ArrayList<>();
        Matcher option = OPTION.matcher(body(result));
        while (option.find()) {
            values.add(option.group(1));
        }
        return values;
    }
}
