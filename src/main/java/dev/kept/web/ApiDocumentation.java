package dev.kept.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}: the API and how clients authenticate. */
@Configuration
class ApiDocumentation {

    @Bean
    OpenAPI keptApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Kept API")
                        .version("v1")
                        .description("Clear commitments, shared with the people who hold you to them. Errors are"
                                + " application/problem+json (RFC 9457). Authenticate with a personal API token"
                                + " from POST /api/v1/tokens.")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal API token: kept_...")))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
