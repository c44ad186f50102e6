package dev.racer.league;

import dev.racer.io.AtomicFiles;
import dev.racer.io.FileTrees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The league's data folder:
 * <pre>
 *   models/ID/     an accepted submission's unpacked model folder
 *   traces/ID.csv  its race's sim-trace
 *   tmp/           uploads being received and checked (emptied at start-up)
 *   admin-token    the generated admin token (when none is configured), readable by the owner only
 * </pre>
 */
record LeagueFiles(Path models, Path traces, Path tmp, Path adminTokenFile) {

    /** Creates the folders under {@code data} and empties {@code tmp/}. */
    static LeagueFiles open(Path data) throws IOException {
        Path d = data.toAbsolutePath();
        LeagueFiles f = new LeagueFiles(Files.createDirectories(d.resolve("models")),
                Files.createDirectories(d.resolve("traces")), Files.createDirectories(d.resolve("tmp")),
                d.resolve("admin-token"));
        try (var s = Files.list(f.tmp)) {
            s.forEach(FileTrees::deleteQuietly);
        }
        return f;
    }

    /** The admin token in {@code admin-token}, created (owner-only) on first use. */
    String adminToken() throws IOException {
        if (Files.isRegularFile(adminTokenFile)) {
            String t = Files.readString(adminTokenFile).strip();
            if (!t.isEmpty()) {
                return t;
            }
        }
        String t = "adm_" + Tokens.randomId(32);
        AtomicFiles.write(adminTokenFile, out -> out.write((t + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try {
            Files.setPosixFilePermissions(adminTokenFile,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system
        }
        return t;
    }

    /** Forces a folder's files and the folder itself to disk (an accepted upload survives a power cut). */
    static void fsyncTree(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (Files.isDirectory(p)) {
                    fsyncTree(p);
                } else {
                    fsync(p);
                }
            }
        }
        fsync(dir);
    }

    static void fsync(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // directories cannot be opened for sync on every platform; the data files were
        }
    }
}
