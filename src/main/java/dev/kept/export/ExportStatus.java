package dev.kept.export;

/** Where a person's export stands. */
public enum ExportStatus {
    /** Asked for; the background job has not built it yet. */
    PENDING,
    /** Built: its link works once, until it expires. */
    READY,
    /** Downloaded: the archive is gone, the link answers 410. */
    DOWNLOADED,
    /** Not downloaded in time: the archive is gone, the link answers 410. */
    EXPIRED,
    /** Could not be built; the person may ask again. */
    FAILED
}
