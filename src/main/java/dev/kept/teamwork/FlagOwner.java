package dev.kept.teamwork;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** Someone who owned a flag's target when it was raised. */
@Table("jeopardy_flag_owner")
record FlagOwner(UUID personId) {}
