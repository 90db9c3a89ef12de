package dev.kept.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/** The mappings' cheap first test passes over only what could not match: every address finds the handler it did before. */
class LiteralPrefixMappingsTests {

    @RestController
    static class Routes {

        @GetMapping("/things/{id}")
        String thing(@PathVariable String id) {
            return "thing " + id;
        }

        @GetMapping("/things/{id}/parts")
        String parts(@PathVariable String id) {
            return "parts of " + id;
        }

        @GetMapping("/things/special")
        String special() {
            return "special";
        }

        @GetMapping({"/others/{id}", "/also/{id}"})
        String other(@PathVariable String id) {
            return "other " + id;
        }

        @GetMapping("/{kind}/tail")
        String tail(@PathVariable String kind) {
            return "tail of " + kind;
        }

        @GetMapping("/files/**")
        String file() {
            return "file";
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Routes())
            .setCustomHandlerMapping(LiteralPrefixMappings::new)
            .build();

    @Test
    void everyAddressReachesItsHandler() throws Exception {
        expect("/things/7", "thing 7");
        expect("/things/7/parts", "parts of 7");
        expect("/things/special", "special");
        expect("/others/3", "other 3");
        expect("/also/4", "other 4");
        expect("/things/tail", "thing tail");
        expect("/boxes/tail", "tail of boxes");
        expect("/files/a/b.txt", "file");
    }

    @Test
    void anEscapedAddressIsTestedAgainstEveryMapping() throws Exception {
        // "th%69ngs" is "things" once decoded: no literal beginning may pass over its mapping
        expect("/th%69ngs/8", "thing 8");
        expect("/others/a%20b", "other a b");
    }

    @Test
    void whatMatchesNothingAnswersAsBefore() throws Exception {
        mvc.perform(get("/nowhere/at/all")).andExpect(status().isNotFound());
        mvc.perform(post("/things/7")).andExpect(status().isMethodNotAllowed());
    }

    @Test
    void aPatternsLiteralBeginningEndsAtItsFirstVariableOrWildcard() {
        assertThat(LiteralPrefixMappings.literalBeginning("/api/v1/goals/{id}/map"))
                .isEqualTo("/api/v1/goals/");
        assertThat(LiteralPrefixMappings.literalBeginning("/files/**")).isEqualTo("/files/");
        assertThat(LiteralPrefixMappings.literalBeginning("/fil?s")).isEqualTo("/fil");
        assertThat(LiteralPrefixMappings.literalBeginning("/teams")).isEqualTo("/teams");
        assertThat(LiteralPrefixMappings.beginnings(
                        RequestMappingInfo.paths("/a/{x}", "/b").build()))
                .containsExactlyInAnyOrder("/a/", "/b");
        // a pattern that begins with a variable may match any address
        assertThat(LiteralPrefixMappings.beginnings(
                        RequestMappingInfo.paths("/a/{x}", "/{kind}/tail").build()))
                .containsExactlyInAnyOrder("/a/", "/");
    }

    private void expect(String address, String answer) throws Exception {
        // as sent, not encoded again
        mvc.perform(get(URI.create(address)))
                .andExpect(status().isOk())
                .andExpect(content().string(answer));
    }
}
