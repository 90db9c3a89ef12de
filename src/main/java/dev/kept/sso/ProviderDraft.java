package dev.kept.sso;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An identity provider as an admin enters it. A {@code clientSecret} left out (null or blank) on a
 * change keeps the one stored; {@code enabled} left out means enabled.
 */
record ProviderDraft(
        @NotBlank @Size(max = 80) String name,
        @NotBlank @Size(max = 500) String issuer,
        @NotBlank @Size(max = 255) String clientId,
        @Size(max = 500) String clientSecret,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 253) String> domains,
        Boolean enabled) {

    boolean enabledOrDefault() {
        return enabled == null || enabled;
    }
}
