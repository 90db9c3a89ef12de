package dev.kept.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kept.ApiFixtures;
import dev.kept.ApiResponse;
import dev.kept.KeptApiTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * The static files are served under their own paths only, cached for an hour, and the addresses a
 * page writes for them are the ones that serve them; any other address is not a static file.
 */
@KeptApiTest
class StaticFilesTests {

    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars)/[^\"]+)\"");

    @Autowired
    ApiFixtures api;

    @Test
    void servesEveryFileThePageLinksWithAnHourOfCaching() {
        String signIn = get("/login").body();
        Matcher assets = ASSET.matcher(signIn);
        int found = 0;
        while (assets.find()) {
            found++;
            ApiResponse asset = get(assets.group(1));
            assertThat(asset.status()).as(assets.group(1)).isEqualTo(200);
            assertThat(asset.body()).as(assets.group(1)).isNotEmpty();
            assertThat(asset.headers().getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("max-age=3600");
        }
        assertThat(found).as("the stylesheet, htmx and kept.js").isEqualTo(3);
        assertThat(get("/favicon.svg").status()).isEqualTo(200);
    }

    @Test
    void answersAnUnknownFileOrAPageAddressUnderStaticPathsWithNotFound() {
        assertThat(get("/css/missing.css").status()).isEqualTo(404);
        assertThat(get("/webjars/htmx.org/dist/missing.js").status()).isEqualTo(404);
        assertThat(get("/kept.css").status())
                .as("a file of static/ outside its own paths")
                .isIn(302, 401, 404);
    }

    private ApiResponse get(String path) {
        return api.http()
                .get()
                .uri(path)
                .accept(MediaType.ALL)
                .exchange((request, response) -> new ApiResponse(
                        response.getStatusCode().value(),
                        HttpHeaders.copyOf(response.getHeaders()),
                        new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }
}
