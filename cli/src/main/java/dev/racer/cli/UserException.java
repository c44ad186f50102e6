package dev.racer.cli;

/** An error the user can act on: printed as one line, no stack trace. */
public class UserException extends RuntimeException {
    private final int exitCode;

    public UserException(String message) {
        this(message, 2);
    }

    public UserException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
