package dev.racer.model;

/** A model-folder file is missing, malformed or out of range; the message names the file and the field. */
public final class ModelFileException extends IllegalArgumentException {
    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
