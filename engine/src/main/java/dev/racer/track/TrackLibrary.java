package dev.racer.track;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.io.AtomicFiles;
import dev.racer.io.Jsons;
import dev.racer.io.RacerHome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracks a user can race: the built-in library (class-path resources {@code /tracks/index.json} and
 * {@code /tracks/ID.json.gz}, from the {@code tracks} module: every closed route of DeepRacer's simulator) plus
 * the user's imported tracks in {@link #userDir()}. A user track with a built-in id shadows the built-in one.
 *
 * <p>Every track is validated when loaded ({@link TrackValidator}) and numbered as DeepRacer's simulator from
 * 6.0.2 on numbers it; {@link #get(String, WaypointNumbering)} gives the legacy numbering. Warnings about a
 * user's file are logged at WARN.
 */
public final class TrackLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(TrackLibrary.class);
    private final Path userDir;
    private final Map<String, TrackValidator.Result> cache = new LinkedHashMap<>();

    /** The built-in tracks plus those in {@code userDir} (null: the built-in tracks only). */
    public TrackLibrary(Path userDir) {
        this.userDir = userDir;
    }

    /** The built-in tracks plus those in {@link #defaultUserDir()}. */
    public static TrackLibrary standard() {
        return new TrackLibrary(defaultUserDir());
    }

    /** The built-in tracks only: what tests use, so that none reads a user's own tracks. */
    public static TrackLibrary builtIn() {
        return new TrackLibrary(null);
    }

    /** {@code tracks} under the Racer home ({@link RacerHome}: {@code racer.home}, {@code $RACER_HOME}, {@code ~/.racer}). */
    public static Path defaultUserDir() {
        return RacerHome.resolve("tracks");
    }

    /** The user's track folder, or null for a library of built-in tracks only. */
    public Path userDir() {
        return userDir;
    }

    /** Ids of the built-in tracks, in index order. */
    public List<String> builtInIds() {
        try (InputStream in = TrackLibrary.class.getResourceAsStream("/tracks/index.json")) {
            if (in == null) {
                return List.of();
            }
            JsonNode root = Jsons.mapper().readTree(in);
            List<String> ids = new ArrayList<>();
            root.get("tracks").forEach(n -> ids.add(n.asText()));
            return ids;
        } catch (IOException e) {
            throw new TrackException("built-in track index /tracks/index.json cannot be read: " + e.getMessage(), e);
        }
    }

    /** Ids of the user's tracks (files {@code ID.json} in {@link #userDir()}). */
    public List<String> userIds() {
        if (userDir == null || !Files.isDirectory(userDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(userDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).filter(TrackLibrary::isSafeId).sorted().toList();
        } catch (IOException e) {
            throw new TrackException(userDir + ": cannot list tracks: " + e.getMessage(), e);
        }
    }

    /** Every id, built-in first, then the user's (without duplicates). */
    public List<String> ids() {
        List<String> ids = new ArrayList<>(builtInIds());
        for (String u : userIds()) {
            if (!ids.contains(u)) {
                ids.add(u);
            }
        }
        return ids;
    }

    /** The track with this id, validated, numbered as DeepRacer's simulator from 6.0.2 on. */
    public Track get(String id) {
        return load(id).track();
    }

    /** The track with this id, validated, in the given waypoint numbering. */
    public Track get(String id, WaypointNumbering numbering) {
        return load(id).track(numbering);
    }

    /** Whether {@code id} names a file in the user's track directory (which shadows a built-in track). */
    public boolean isUserTrack(String id) {
        return userDir != null && isSafeId(id) && Files.isRegularFile(userDir.resolve(id + ".json"));
    }

    /**
     * The track a DeepRacer {@code _cw}/{@code _ccw} route id is one direction of ({@code 2022_april_open_cw}:
     * {@code 2022_april_open}), or null. Such a route is a file of its own (resampled, its own start row and
     * waypoint numbers), which DeepRacer's console loads for "track, clockwise"; it is not the track reversed.
     */
    public static String variantOf(String id) {
        for (String suffix : new String[] {"_ccw", "_cw"}) {
            if (id.endsWith(suffix)) {
                return id.substring(0, id.length() - suffix.length());
            }
        }
        return null;
    }

    /** The track with this id, validated, with the dropped rows and warnings (warnings already logged once). */
    public synchronized TrackValidator.Result load(String id) {
        TrackValidator.Result cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        TrackValidator.Result r = null;
        if (isUserTrack(id)) {
            r = TrackJson.readChecked(userDir.resolve(id + ".json"));
            r.warnings().forEach(LOG::warn);
        } else if (isSafeId(id)) {
            try (InputStream gz = TrackLibrary.class.getResourceAsStream("/tracks/" + id + ".json.gz")) {
                if (gz != null) {
                    r = TrackJson.readChecked(new GZIPInputStream(gz), "built-in track " + id);
                    r.warnings().forEach(LOG::info);
                }
            } catch (IOException e) {
                throw new TrackException("built-in track " + id + " cannot be read: " + e.getMessage(), e);
            }
        }
        if (r == null) {
            throw new TrackException("no track \"" + id + "\"; known tracks: " + String.join(", ", ids())
                    + " (racer tracks list)");
        }
        if (!r.track().id().equals(id)) {
            throw new TrackException("track file for \"" + id + "\" says its id is \"" + r.track().id() + "\"");
        }
        cache.put(id, r);
        return r;
    }

    /**
     * Imports a DeepRacer route file ({@code .npy}, N x 6) as the user's track {@code id}: validated, written
     * atomically to {@link #userDir()} as Racer's JSON (every row of the file, so both numberings stay available).
     *
     * @param direction   the declared direction, or null to take the centre line's
     * @param attribution where the data comes from (null: "imported from FILE")
     * @param force       replace the user's track of that id, or shadow a built-in one
     * @return the validated track with its dropped rows and warnings
     * @throws TrackException naming the file, field or id and what was expected
     */
    public synchronized TrackValidator.Result importTrack(Path npy, String id, String name, Direction direction,
                                                          String attribution, boolean force) {
        if (userDir == null) {
            throw new TrackException("this track library has no user folder to import into");
        }
        if (!isSafeId(id)) {
            throw new TrackException("--id \"" + id + "\": expected 1 to 64 letters, digits, '_', '.' or '-', "
                    + "not starting with '.' or '-'");
        }
        if (name == null || name.isBlank()) {
            throw new TrackException("--name is empty; expected the track's human name");
        }
        if (!Files.isRegularFile(npy)) {
            throw new TrackException(npy + ": no such file");
        }
        Path target = userDir.resolve(id + ".json");
        if (!force && Files.exists(target)) {
            throw new TrackException("track \"" + id + "\" already exists (" + target + "); use --force to replace it");
        }
        if (!force && builtInIds().contains(id)) {
            throw new TrackException("\"" + id + "\" is a built-in track; choose another --id, or --force to shadow"
                    + " the built-in one with yours");
        }
        double[][] rows = NpyReader.read(npy);
        String attr = attribution != null ? attribution : "imported from " + npy.getFileName();
        TrackValidator.Result r = TrackValidator.validate(id, name, direction, attr, rows, npy.toString());
        try {
            AtomicFiles.writeString(target, TrackJson.write(r.legacy()));
        } catch (java.io.UncheckedIOException e) {
            throw new TrackException(target + ": cannot write the track: " + e.getMessage(), e);
        }
        cache.remove(id);
        return r;
    }

    /** Ids are file names: letters, digits, '_', '-', '.', not starting with '.'. */
    public static boolean isSafeId(String id) {
        return id != null && id.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");
    }
}
