package dev.racer.multi;

import dev.racer.car.MutableCarState;
import dev.racer.race.RacingEnv;
import dev.racer.track.Projection;
import dev.racer.track.TrackGeometry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A race of several racing cars (and bots) on one {@link MultiCarWorld}, step by step, with DeepRacer's race
 * rules per car:
 * <ul>
 *   <li>Off track (no wheel on the road): the car stops where it went off for the off-track penalty
 *       (blinking: the others' crash test does not see it), then is put back at rest on the centre line at
 *       the distance it had before the failing step, heading along the track.</li>
 *   <li>Crash ({@link CarCrashRule}, the car behind pays): the car stops where it is for the collision penalty,
 *       blinking, and drives on from there (the simapp moves a car back only after hitting a static box).</li>
 *   <li>A car finishes when its front point has covered {@code laps} laps from the start line (a car on the
 *       grid behind the line drives the extra metres); it is then parked (out of the crash test), as the
 *       simapp parks a finished car.</li>
 *   <li>The race ends when every car has finished or the clock reaches the time limit.</li>
 * </ul>
 * Ranking ({@link #standings}): finished cars by finish time, then the others by distance covered. Stepping
 * allocates nothing. Not thread-safe.
 */
public final class MultiCarRace {
    /** Writes car {@code car}'s command into {@code steeringDeg[car]} [deg] and {@code speed[car]} [m/s]. */
    @FunctionalInterface
    public interface Controller {
        void act(MultiCarWorld world, int car, double[] steeringDeg, double[] speed);
    }

    /**
     * @param laps             laps to finish
     * @param offTrackPenalty  [s]
     * @param collisionPenalty [s] (DeepRacer's {@code collision_penalty})
     * @param timeLimit        [s]
     * @param dt               control step [s]
     */
    public record Rules(int laps, double offTrackPenalty, double collisionPenalty, double timeLimit, double dt) {
        public Rules {
            if (laps < 1) {
                throw new IllegalArgumentException("--laps must be >= 1, got " + laps);
            }
            if (!(offTrackPenalty >= 0) || !(collisionPenalty >= 0) || !(timeLimit > 0) || !(dt > 0)) {
                throw new IllegalArgumentException("race penalties must be >= 0 and time limit and dt > 0 [s], got "
                        + offTrackPenalty + ", " + collisionPenalty + ", " + timeLimit + ", " + dt);
            }
        }
    }

    /**
     * One car's result.
     *
     * @param car       index on the grid
     * @param rank      1 = winner
     * @param finished  whether it covered every lap
     * @param laps      whole laps completed
     * @param time      finish time [s] (penalties included), or the race's end
     * @param distance  centre-line metres covered since its grid position
     * @param crashes   crashes it paid for
     * @param offTracks times off track
     */
    public record CarResult(int car, int rank, boolean finished, int laps, double time, double distance, int crashes,
                            int offTracks) {
    }

    private final MultiCarWorld w;
    private final Rules rules;
    private final Controller[] drivers;
    private final int k;
    private final double[] steer, speed, penaltyLeft, finishTime, prevAlong;
    private final boolean[] putBack, finished;
    private final int[] crashes, offTracks;
    private final double[] wx = new double[4], wy = new double[4];
    private final Projection p = new Projection();
    private double clock;
    private boolean over;

    public MultiCarRace(MultiCarWorld world, Rules rules, Controller... drivers) {
        if (drivers.length != world.cars()) {
            throw new IllegalArgumentException(drivers.length + " drivers for " + world.cars() + " cars");
        }
        this.w = world;
        this.rules = rules;
        this.drivers = drivers.clone();
        this.k = world.cars();
        steer = new double[k];
        speed = new double[k];
        penaltyLeft = new double[k];
        finishTime = new double[k];
        prevAlong = new double[k];
        putBack = new boolean[k];
        finished = new boolean[k];
        crashes = new int[k];
        offTracks = new int[k];
    }

    /** Resets the world with {@code seed} and starts the race. */
    public void start(long seed) {
        w.reset(seed);
        clock = 0;
        over = false;
        for (int i = 0; i < k; i++) {
            penaltyLeft[i] = 0;
            finishTime[i] = Double.NaN;
            putBack[i] = false;
            finished[i] = false;
            crashes[i] = 0;
            offTracks[i] = 0;
            prevAlong[i] = w.along(i);
        }
    }

    /** One control step for every car; returns false once the race is over. */
    public boolean step() {
        if (over) {
            return false;
        }
        double dt = rules.dt();
        for (int i = 0; i < k; i++) {
            steer[i] = 0;
            speed[i] = 0;
            if (finished[i]) {
                continue;
            }
            if (penaltyLeft[i] > 0) {
                penaltyLeft[i] -= dt;
                if (penaltyLeft[i] <= 1e-9) {
                    penaltyLeft[i] = 0;
                    w.setFrozen(i, false);
                    if (putBack[i]) {
                        putBack(i);
                    }
                }
                continue;
            }
            prevAlong[i] = w.along(i);
            drivers[i].act(w, i, steer, speed);
        }
        w.step(steer, speed, dt);
        clock += dt;
        TrackGeometry g = w.geometry();
        double lapLength = g.length() * rules.laps();
        boolean allDone = true;
        for (int i = 0; i < k; i++) {
            if (finished[i]) {
                continue;
            }
            if (w.distance(i) >= lapLength) {
                // laps × length from the start line: a grid car behind the line drives the extra metres
                finished[i] = true;
                finishTime[i] = clock;
                w.setFrozen(i, true);
                continue;
            }
            allDone = false;
            if (penaltyLeft[i] > 0 || w.frozen(i)) {
                continue;
            }
            if (offTrack(i)) {
                offTracks[i]++;
                startPenalty(i, rules.offTrackPenalty(), true);
            } else if (w.crashed(i)) {
                crashes[i]++;
                startPenalty(i, rules.collisionPenalty(), false);
            }
        }
        if (allDone || clock >= rules.timeLimit() - 1e-9) {
            over = true;
        }
        return !over;
    }

    private void startPenalty(int i, double seconds, boolean thenPutBack) {
        putBack[i] = thenPutBack;
        if (seconds > 0) {
            penaltyLeft[i] = seconds;
            w.setFrozen(i, true);
            // stopped where it is: after a crash it drives on from rest, not at the speed it hit the car with
            MutableCarState c = w.car(i);
            w.place(i, c.x, c.y, c.yaw);
        } else if (thenPutBack) {
            putBack(i);
        }
    }

    private void putBack(int i) {
        TrackGeometry g = w.geometry();
        // front point back at the distance it had before the failing step: origin 0.14 m behind it
        double along = prevAlong[i] - w.spec().frontPointOffset();
        double at = wrap(along, g.length());
        double yaw = g.headingAt(at, p);
        g.center().interpolate(at, p);
        w.place(i, p.x, p.y, yaw);
        w.refreshViews();
        putBack[i] = false;
    }

    private static double wrap(double d, double len) {
        return d - len * Math.floor(d / len);
    }

    private boolean offTrack(int i) {
        MutableCarState c = w.car(i);
        RacingEnv.wheelPoints(c.x, c.y, Math.cos(c.yaw), Math.sin(c.yaw), w.spec(), wx, wy);
        for (int q = 0; q < 4; q++) {
            if (w.geometry().onTrack(wx[q], wy[q])) {
                return false;
            }
        }
        return true;
    }

    /** Runs the race to its end from {@link #start} and returns the standings. */
    public List<CarResult> run(long seed) {
        start(seed);
        while (step()) {
            // the rules end it
        }
        return standings();
    }

    /** Standings now: finished cars by finish time, then the others by distance covered (allocates). */
    public List<CarResult> standings() {
        double len = w.geometry().length();
        List<CarResult> rows = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            double covered = w.distance(i) - w.startDistance(i);
            int laps = (int) Math.floor(Math.max(0, w.distance(i)) / len + 1e-9);
            rows.add(new CarResult(i, 0, finished[i], Math.min(laps, rules.laps()),
                    finished[i] ? finishTime[i] : clock, covered, crashes[i], offTracks[i]));
        }
        rows.sort(Comparator.comparing((CarResult r) -> !r.finished())
                .thenComparingDouble(r -> r.finished() ? r.time() : -r.distance())
                .thenComparingInt(CarResult::car));
        List<CarResult> ranked = new ArrayList<>(k);
        for (int r = 0; r < k; r++) {
            CarResult c = rows.get(r);
            ranked.add(new CarResult(c.car(), r + 1, c.finished(), c.laps(), c.time(), c.distance(), c.crashes(),
                    c.offTracks()));
        }
        return List.copyOf(ranked);
    }

    public double clock() { return clock; }
    public Rules rules() { return rules; }
    public boolean isOver() { return over; }
    public boolean finished(int i) { return finished[i]; }
    public boolean inPenalty(int i) { return penaltyLeft[i] > 0; }
    public int crashes(int i) { return crashes[i]; }
    public int offTracks(int i) { return offTracks[i]; }
    public MultiCarWorld world() { return w; }
}
