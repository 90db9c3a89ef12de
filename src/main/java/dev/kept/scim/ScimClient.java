package dev.kept.scim;

import java.util.UUID;

/** An identity provider that authenticated with a directory sync token: the organization it keeps. */
record ScimClient(UUID organizationId, UUID tokenId) {}
