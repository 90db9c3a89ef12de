package dev.kept.export;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a person's export lives: its link works once until {@code linkValidFor} after it is
 * ready; every trace of the request is forgotten {@code forgetAfter} after it was asked for. The
 * job builds at most {@code batch} exports a run.
 */
@ConfigurationProperties("kept.export")
record ExportProperties(
        @DefaultValue("7d") Duration linkValidFor,
        @DefaultValue("30d") Duration forgetAfter,
        @DefaultValue("20") int batch) {

    ExportProperties {
        if (batch < 1) {
            throw new IllegalArgumentException("kept.export.batch must be at least 1");
        }
    }
}
