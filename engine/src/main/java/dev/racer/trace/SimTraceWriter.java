package dev.racer.trace;

import dev.racer.io.AtomicFiles;
import dev.racer.race.EpisodeStatus;
import dev.racer.race.RacingEnv;
import dev.racer.race.StepResult;
import dev.racer.race.TrialRow;
import dev.racer.reward.RewardParams;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a DeepRacer sim-trace: one CSV row per step, with DeepRacer's columns in DeepRacer's order and
 * meaning, so that racers' log-analysis notebooks read it, then Racer's own columns.
 *
 * <p>DeepRacer's columns ({@link #DEEPRACER_COLUMNS}): {@code episode} (from 0), {@code steps} (from 1 in
 * the episode), {@code X, Y} the car's front point [m] (the params' {@code x, y}), {@code yaw} [deg],
 * {@code steer} the commanded steering [deg], {@code throttle} the commanded speed [m/s], {@code action}
 * the discrete action index (-1 when there is none), {@code reward}, {@code done} ({@code True/False}),
 * {@code all_wheels_on_track} ({@code True/False}), {@code progress} [%], {@code closest_waypoint} (the nearer
 * of the params' previous and next waypoints), {@code track_len} [m], {@code tstamp} simulation time [s],
 * {@code episode_status} ({@code in_progress, off_track, pause, lap_complete}...) and {@code pause_duration}
 * (penalty time left [s]). Racer's ({@link #RACER_COLUMNS}): {@code speed} the actual speed [m/s],
 * {@code lap} (from 1), {@code wheels_on_track} (0..4).
 *
 * <p>Numbers are written as Java's shortest round-trip decimal form, so a reader gets back exactly what was
 * written. The file appears atomically: rows go to a temporary file beside it, renamed on {@link #close()}
 * ({@link #abort()} drops it). Not thread-safe.
 */
public final class SimTraceWriter implements Closeable {
    public static final List<String> DEEPRACER_COLUMNS = List.of("episode", "steps", "X", "Y", "yaw", "steer",
            "throttle", "action", "reward", "done", "all_wheels_on_track", "progress", "closest_waypoint",
            "track_len", "tstamp", "episode_status", "pause_duration");
    public static final List<String> RACER_COLUMNS = List.of("speed", "lap", "wheels_on_track");
    public static final List<String> COLUMNS;

    static {
        List<String> all = new ArrayList<>(DEEPRACER_COLUMNS);
        all.addAll(RACER_COLUMNS);
        COLUMNS = List.copyOf(all);
    }

    private final Path file;
    private final Path tmp;
    private final BufferedWriter out;
    private final StringBuilder line = new StringBuilder(256);
    private long rows;
    private boolean closed;

    private SimTraceWriter(Path file) throws IOException {
        this.file = file.toAbsolutePath();
        Path dir = this.file.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        this.tmp = this.file.resolveSibling("." + this.file.getFileName() + ".tmp");
        this.out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
        out.write(String.join(",", COLUMNS));
        out.write('\n');
    }

    /** Starts a trace that will appear at {@code file} when closed. */
    public static SimTraceWriter open(Path file) {
        try {
            return new SimTraceWriter(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write a sim-trace: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Rows written so far. */
    public long rows() {
        return rows;
    }

    /** A time-trial row: one episode per lap, as DeepRacer's evaluation logs them. */
    public void row(TrialRow r) {
        RewardParams p = r.params();
        row(r.lap() - 1, r.lapRow(), p, r.steering(), r.throttle(), r.action(), r.reward(), r.done(), r.status(),
                r.time(), r.pauseDuration(), r.speed(), r.lap());
    }

    /**
     * A training row, right after {@code env.step}: the step counter, commanded action, status and done flag
     * come from the environment.
     *
     * @param episode the trainer's episode number, from 0
     * @param action  the discrete action index, or -1
     * @param tstamp  simulation time [s] (a trainer may keep one clock across episodes)
     */
    public void row(int episode, RacingEnv env, StepResult r, int action, double tstamp) {
        RewardParams p = r.params();
        row(episode, p.steps(), p, p.steeringAngle(), p.speed(), action, r.reward(), r.done(), r.status(), tstamp,
                0, env.carSpeed(), 1);
    }

    /** A row with every value given; position, heading, progress and waypoints come from {@code p}. */
    public void row(int episode, int steps, RewardParams p, double steer, double throttle, int action,
                    double reward, boolean done, EpisodeStatus status, double tstamp, double pauseDuration,
                    double speed, int lap) {
        if (closed) {
            throw new IllegalStateException("sim-trace " + file + " is closed");
        }
        StringBuilder b = line;
        b.setLength(0);
        b.append(episode).append(',')
                .append(steps).append(',')
                .append(p.x()).append(',')
                .append(p.y()).append(',')
                .append(p.heading()).append(',')
                .append(steer).append(',')
                .append(throttle).append(',')
                .append(action).append(',')
                .append(reward).append(',')
                .append(done ? "True" : "False").append(',')
                .append(p.allWheelsOnTrack() ? "True" : "False").append(',')
                .append(p.progress()).append(',')
                .append(closestWaypoint(p)).append(',')
                .append(p.trackLength()).append(',')
                .append(tstamp).append(',')
                .append(status.traceName()).append(',')
                .append(pauseDuration).append(',')
                .append(speed).append(',')
                .append(lap).append(',')
                .append(p.wheelsOnTrack()).append('\n');
        try {
            out.append(b);
        } catch (IOException e) {
            throw new UncheckedIOException(tmp + ": cannot write: " + e.getMessage(), e);
        }
        rows++;
    }

    /** DeepRacer's {@code closest_waypoint}: the nearer of the previous and next waypoints to the front point. */
    public static int closestWaypoint(RewardParams p) {
        double[][] w = p.waypoints();
        int prev = p.closestWaypointPrev(), next = p.closestWaypointNext();
        if (w.length == 0) {
            return prev;
        }
        double dp = Math.hypot(w[prev][0] - p.x(), w[prev][1] - p.y());
        double dn = Math.hypot(w[next][0] - p.x(), w[next][1] - p.y());
        return dn < dp ? next : prev;
    }

    /** Finishes the file and moves it into place. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
            AtomicFiles.move(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot finish the sim-trace: " + e.getMessage(), e);
        }
    }

    /** Drops the rows written so far; nothing appears at {@link #file()}. */
    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // the file is being dropped anyway
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // nothing more to do
        }
    }
}
