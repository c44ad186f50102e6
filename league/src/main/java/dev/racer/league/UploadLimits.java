package dev.racer.league;

/**
 * Limits on one uploaded model archive.
 *
 * @param maxUploadBytes   the archive as sent [bytes]
 * @param maxEntries       entries in the archive (and in the weights archive inside it)
 * @param maxUnpackedBytes bytes actually inflated from all entries together (zip bombs lie in their headers)
 * @param maxJsonBytes     one JSON file
 */
public record UploadLimits(long maxUploadBytes, int maxEntries, long maxUnpackedBytes, int maxJsonBytes) {
    public static final UploadLimits DEFAULT = new UploadLimits(32L << 20, 32, 128L << 20, 64 << 10);

    public UploadLimits {
        if (maxUploadBytes < 1024 || maxEntries < 2 || maxUnpackedBytes < 1024 || maxJsonBytes < 1024) {
            throw new IllegalArgumentException("upload limits are too small to hold a model");
        }
    }
}
