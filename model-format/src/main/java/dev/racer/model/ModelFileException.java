package dev.racer.model;

/** A model-folder file is missing, malformed or out of range; the message names the file and the field. */
public final class ModelFileException extends IllegalArgumentException {
    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A string from someone else's file, safe to echo in a message: control characters replaced, at most 80 characters. */
    public static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 80; i++) {
            char c = s.charAt(i);
            b.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return s.length() > 80 ? b + "..." : b.toString();
    }
}
