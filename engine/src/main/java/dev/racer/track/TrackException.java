package dev.racer.track;

/** A track file or id that cannot be used; the message names the file, the row or field, and what was expected. */
public class TrackException extends RuntimeException {
    public TrackException(String message) {
        super(message);
    }

    public TrackException(String message, Throwable cause) {
        super(message, cause);
    }
}
