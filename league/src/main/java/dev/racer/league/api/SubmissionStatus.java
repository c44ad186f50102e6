package dev.racer.league.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Where a submission is: {@code queued} (waiting for a worker), {@code running} (leased by a worker), {@code done}
 * (raced; the result is stored) or {@code failed} (the race could not be run). The lower-case name is both the
 * wire value and the {@code submissions.status} text in the database.
 */
public enum SubmissionStatus {
    QUEUED, RUNNING, DONE, FAILED;

    /** The wire and database text: {@code queued}, {@code running}, {@code done}, {@code failed}. */
    @JsonValue
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The text as an SQL literal, for statements that compare or set it. */
    public String sql() {
        return "'" + text() + "'";
    }

    /** Whether the submission will not change any more. */
    public boolean finished() {
        return this == DONE || this == FAILED;
    }

    /** The status a database or wire text names. */
    @JsonCreator
    public static SubmissionStatus of(String text) {
        for (SubmissionStatus s : values()) {
            if (s.text().equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown submission status \"" + text + "\" (known: queued, running, done,"
                + " failed)");
    }

    @Override
    public String toString() {
        return text();
    }
}
