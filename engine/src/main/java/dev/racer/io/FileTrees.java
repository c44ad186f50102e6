package dev.racer.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder trees. */
public final class FileTrees {
    private FileTrees() {
    }

    /** Deletes {@code root} and everything under it; nothing if it does not exist. Links are not followed. */
    public static void delete(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root + ": " + e.getMessage(), e);
        }
    }

    /** {@link #delete}, ignoring failures (clean-up of temporary folders). */
    public static void deleteQuietly(Path root) {
        try {
            delete(root);
        } catch (UncheckedIOException ignored) {
            // best effort
        }
    }
}
