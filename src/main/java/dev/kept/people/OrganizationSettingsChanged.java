package dev.kept.people;

import java.util.UUID;

/** Published when an admin changes the settings of their organization; carries the settings as they now are. */
public record OrganizationSettingsChanged(UUID organizationId, boolean apiTokensMayNeverExpire) {}
