package dev.racer.track;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tracks a user can race: the built-in library (class-path resources {@code /tracks/index.json} and
 * {@code /tracks/ID.json}, from the {@code tracks} module) plus the user's imported tracks in
 * {@link #userDir()}. A user track with a built-in id shadows the built-in one.
 *
 * <p>Every track is validated when loaded ({@link TrackValidator}). Warnings about a user's file are logged at
 * WARN; those about built-in tracks (the duplicate points in DeepRacer's own route files) at INFO, so that a run on
 * a built-in track stays quiet. {@link #load} returns them for commands that print them.
 */
public final class TrackLibrary {
    private static final Logger LOG = LoggerFactory.getLogger(TrackLibrary.class);
    private final Path userDir;
    private final Map<String, TrackValidator.Result> cache = new LinkedHashMap<>();

    public TrackLibrary(Path userDir) {
        this.userDir = userDir;
    }

    /** The built-in tracks plus those in {@link #defaultUserDir()}. */
    public static TrackLibrary standard() {
        return new TrackLibrary(defaultUserDir());
    }

    /** {@code $RACER_HOME/tracks} (or system property {@code racer.home}), else {@code ~/.racer/tracks}. */
    public static Path defaultUserDir() {
        String home = System.getProperty("racer.home", System.getenv("RACER_HOME"));
        Path base = home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".racer");
        return base.resolve("tracks");
    }

    public Path userDir() {
        return userDir;
    }

    /** Ids of the built-in tracks, in index order. */
    public List<String> builtInIds() {
        try (InputStream in = TrackLibrary.class.getResourceAsStream("/tracks/index.json")) {
            if (in == null) {
                return List.of();
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<String> ids = new ArrayList<>();
            root.get("tracks").forEach(n -> ids.add(n.asText()));
            return ids;
        } catch (IOException e) {
            throw new TrackException("built-in track index /tracks/index.json cannot be read: " + e.getMessage(), e);
        }
    }

    /** Ids of the user's tracks (files {@code ID.json} in {@link #userDir()}). */
    public List<String> userIds() {
        if (!Files.isDirectory(userDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(userDir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
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

    /** The track with this id, validated; a clear error lists the known ids when there is none. */
    public Track get(String id) {
        return load(id).track();
    }

    /** Whether {@code id} names a file in the user's track directory (which shadows a built-in track). */
    public boolean isUserTrack(String id) {
        return isSafeId(id) && Files.isRegularFile(userDir.resolve(id + ".json"));
    }

    /** The track with this id, validated, with the validator's warnings (already logged once). */
    public synchronized TrackValidator.Result load(String id) {
        TrackValidator.Result cached = cache.get(id);
        if (cached != null) {
            return cached;
        }
        TrackValidator.Result r = null;
        Path user = userDir.resolve(id + ".json");
        if (isUserTrack(id)) {
            r = TrackJson.readChecked(user);
            r.warnings().forEach(LOG::warn);
        } else if (isSafeId(id)) {
            try (InputStream in = TrackLibrary.class.getResourceAsStream("/tracks/" + id + ".json")) {
                if (in != null) {
                    r = TrackJson.readChecked(in, "built-in track " + id);
                    r.warnings().forEach(LOG::info);
                }
            } catch (IOException e) {
                throw new TrackException("built-in track " + id + " cannot be read: " + e.getMessage(), e);
            }
        }
        if (r == null) {
            throw new TrackException("no track \"" + id + "\"; known tracks: " + String.join(", ", ids()));
        }
        if (!r.track().id().equals(id)) {
            throw new TrackException("track file for \"" + id + "\" says its id is \"" + r.track().id() + "\"");
        }
        cache.put(id, r);
        return r;
    }

    /** Ids are file names: letters, digits, '_', '-', '.', not starting with '.'. */
    public static boolean isSafeId(String id) {
        return id != null && id.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}");
    }
}
