package dev.racer.league;

import dev.racer.io.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Set;

/**
 * Takes a model upload: rate limits, then the zip streamed to {@code tmp/} within the size limit and hashed,
 * checked and unpacked by {@link ModelArchive} (the model format's own validators), forced to disk, moved into
 * {@code models/} and queued. A rejected upload leaves nothing behind.
 */
final class UploadService {
    private static final Set<String> ZIP_TYPES = Set.of("application/zip", "application/x-zip-compressed",
            "application/octet-stream");

    private final LeagueConfig config;
    private final LeagueFiles files;
    private final Store store;
    private final Evaluator evaluator;
    private final RateLimiter uploads;

    UploadService(LeagueConfig config, LeagueFiles files, Store store, Evaluator evaluator) {
        this.config = config;
        this.files = files;
        this.store = store;
        this.evaluator = evaluator;
        this.uploads = new RateLimiter(config.uploadsPerMinute());
    }

    /** The body's content type must be a zip's. */
    static void checkZipType(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!ZIP_TYPES.contains(type)) {
            throw ApiException.unsupported("send the model folder as a zip archive (Content-Type: application/zip),"
                    + " got \"" + ModelArchive.printable(type) + "\"");
        }
    }

    /**
     * Accepts {@code body} (declared {@code declaredBytes} long, or -1) from {@code racer} for {@code league}.
     *
     * @return the queued submission
     * @throws ApiException 429 over the rate limits, 413 too large, 422 not a model Racer can drive
     */
    Store.Submission accept(Store.Racer racer, Store.League league, String modelName, InputStream body,
                            long declaredBytes) throws IOException, SQLException {
        long wait = uploads.acquire(racer.id());
        if (wait > 0) {
            throw ApiException.tooMany("too many uploads: at most " + config.uploadsPerMinute()
                    + " a minute per racer; try again in " + wait + " s").retryAfter(wait);
        }
        int[] rp = store.recentAndPending(racer.id(), 0);
        if (rp[1] >= config.maxPending()) {
            throw ApiException.tooMany("you have " + rp[1] + " submissions waiting or racing (at most "
                    + config.maxPending() + "); wait for them to finish");
        }
        long max = config.limits().maxUploadBytes();
        if (declaredBytes > max) {
            throw ApiException.tooLarge("the upload is " + declaredBytes + " bytes; the limit is " + max);
        }
        String id = "s" + Tokens.randomId(10);
        Path zip = files.tmp().resolve(id + ".zip");
        Path staged = files.tmp().resolve(id);
        try {
            MessageDigest sha = sha256();
            long n = 0;
            try (OutputStream out = Files.newOutputStream(zip, StandardOpenOption.CREATE_NEW)) {
                byte[] buf = new byte[64 << 10];
                for (int r; (r = body.read(buf)) > 0; ) {
                    n += r;
                    if (n > max) {
                        throw ApiException.tooLarge("the upload is larger than the limit of " + max + " bytes");
                    }
                    sha.update(buf, 0, r);
                    out.write(buf, 0, r);
                }
            }
            if (n == 0) {
                throw ApiException.badRequest("the upload is empty: send the model's zip archive as the request body");
            }
            ModelArchive.unpack(zip, staged, config.limits());
            LeagueFiles.fsyncTree(staged);
            Path dest = files.models().resolve(id);
            // a whole folder, renamed in one step (never replacing): a crash leaves it in tmp/ or in models/
            Files.move(staged, dest, StandardCopyOption.ATOMIC_MOVE);
            LeagueFiles.fsync(files.models());
            try {
                store.insertSubmission(id, league.id(), racer.id(), modelName, HexFormat.of().formatHex(sha.digest()), n);
            } catch (SQLException e) {
                FileTrees.deleteQuietly(dest);
                throw e;
            }
        } finally {
            Files.deleteIfExists(zip);
            FileTrees.deleteQuietly(staged);
        }
        // read it back before waking the evaluator: the answer is the submission as accepted (queued), not
        // whatever a fast worker has made of it a moment later
        Store.Submission accepted = store.getSubmission(id).orElseThrow();
        evaluator.wakeUp();
        return accepted;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
