package dev.racer.league;

/** A request the server refuses: an HTTP status and a message for the client, sent as {@code {"error": ...}}. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String field;

    public ApiException(int status, String message) {
        this(status, message, null);
    }

    public ApiException(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    private long retryAfterSeconds;

    /** Sets the {@code Retry-After} the client is told [s]. */
    public ApiException retryAfter(long seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    /** Seconds until a retry may succeed, or 0. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    /** A 400 naming the request field at fault. */
    public static ApiException badField(String field, String m) { return new ApiException(400, m, field); }

    public static ApiException badRequest(String m) { return new ApiException(400, m); }
    public static ApiException unauthorized(String m) { return new ApiException(401, m); }
    public static ApiException forbidden(String m) { return new ApiException(403, m); }
    public static ApiException notFound(String m) { return new ApiException(404, m); }
    public static ApiException conflict(String m) { return new ApiException(409, m); }
    public static ApiException tooLarge(String m) { return new ApiException(413, m); }
    public static ApiException unsupported(String m) { return new ApiException(415, m); }
    public static ApiException invalid(String m) { return new ApiException(422, m); }
    public static ApiException tooMany(String m) { return new ApiException(429, m); }
}
