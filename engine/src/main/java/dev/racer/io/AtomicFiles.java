package dev.racer.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader (or a run killed half-way) sees either the old file or the whole new one:
 * a temp file in the same folder, then a rename over the target.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream (may throw I/O errors). */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code file} atomically, creating its folder. */
    public static void write(Path file, byte[] bytes) {
        write(file, out -> out.write(bytes));
    }

    /** Writes {@code text} (UTF-8) to {@code file} atomically, creating its folder. */
    public static void writeString(Path file, String text) {
        write(file, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Streams a file's content into a temp file beside {@code file}, then renames it over {@code file}. On any
     * failure the temp file is removed and {@code file} is left as it was.
     *
     * @throws UncheckedIOException naming the file
     */
    public static void write(Path file, Writer writer) {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writer.write(out);
            }
            move(tmp, abs);
            tmp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the original error says what went wrong
                }
            }
        }
    }

    /** Renames {@code source} over {@code target}, atomically where the file system can. */
    public static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
