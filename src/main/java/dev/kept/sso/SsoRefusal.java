package dev.kept.sso;

/**
 * Why a sign-in through an identity provider was refused after the provider answered. Each one is
 * the OAuth 2.0 error code of the refusal, and the sign-in page explains it.
 */
public enum SsoRefusal {
    /** The provider is disabled, deleted, or its configuration cannot be read from its issuer. */
    PROVIDER_UNAVAILABLE("sso_provider_unavailable"),
    /** The provider did not say that the e-mail is verified. */
    UNVERIFIED_EMAIL("sso_unverified_email"),
    /** The e-mail's domain is not one the provider may sign in. */
    DOMAIN_NOT_ALLOWED("sso_domain_not_allowed"),
    /** The person was deactivated. */
    DEACTIVATED("sso_deactivated");

    private final String code;

    SsoRefusal(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
