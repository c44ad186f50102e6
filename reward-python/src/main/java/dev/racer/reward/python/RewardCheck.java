package dev.racer.reward.python;

import dev.racer.car.CarState;
import dev.racer.race.EnvConfig;
import dev.racer.race.RacingEnv;
import dev.racer.reward.RewardFunction;
import dev.racer.reward.RewardParams;
import dev.racer.sensor.Sensor;
import dev.racer.track.Projection;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code racer reward check}: runs a reward function on meaningful states of a real track and reports what
 * would break training (errors) and what would make it learn badly (warnings). Style is not judged.
 */
public final class RewardCheck {

    /** A named state and the params a reward function sees in it. */
    public record State(String name, String what, RewardParams params) {
    }

    /** One state's outcome: a reward, or the error it raised, and how long the call took [ns]. */
    public record Outcome(State state, double reward, RewardScriptException error, long nanos) {
        public boolean ok() {
            return error == null;
        }
    }

    /** A problem found: an error breaks training, a warning is worth a look. */
    public record Problem(boolean error, String message) {
    }

    /** All outcomes and problems. */
    public record Report(List<Outcome> outcomes, List<Problem> problems) {
        public boolean hasErrors() {
            return problems.stream().anyMatch(Problem::error);
        }
    }

    /** Median time per call above which check warns. */
    static final double SLOW_MS = 20;

    private RewardCheck() {
    }

    /**
     * The states: start, centre, near each border, off track, wrong way, reversed track, finishing at 99% and
     * 100%, fast and slow on a straight, sharp steering both ways. Params come from placing the car with
     * {@link RacingEnv#placeCar} (so they are what the environment computes) and setting the per-step values
     * (speed, steering, steps, progress) with {@link RewardParams#set}.
     */
    public static List<State> states(Track track) {
        return states(track, EnvConfig.DEFAULT);
    }

    /**
     * {@link #states(Track)} under {@code config}'s race type: with objects (OBJECT_AVOIDANCE) every state has
     * them, and states near and past the first boxes are added (approaching one in its lane, beside it in the
     * other lane, just past it, crashed into it).
     */
    public static List<State> states(Track track, EnvConfig config) {
        RacingEnv env = new RacingEnv(track, config, p -> 0, Sensor.none());
        TrackGeometry geo = env.geometry();
        env.reset(0);
        int straight = straightest(geo);
        double len = geo.length();
        double speedNormal = 1.5;
        List<State> out = new ArrayList<>();
        out.add(state(env, geo, "start", "at the start line, first step", 0, 0, 0, 1.0, 0, 1, 0));
        out.add(state(env, geo, "centre", "on the centre line, on a straight", geo.ndist(straight) * len, 0, 0,
                speedNormal, 0, 0, -1));
        double w = width(geo, straight);
        // the outer wheels 3 cm inside the border: on the road, close to leaving it
        double near = Math.max(0, 0.5 * w - env.config().car().axleTrack() / 2 - 0.03);
        double at = geo.ndist(straight) * len;
        // the lateral offsets are searched so that the wheels really are on (or off) the road here
        out.add(state(env, geo, "near left border", "outer wheels just inside the left border", at,
                lateral(env, geo, at, near, -0.01, 4), 0, speedNormal, 0, 0, -1));
        out.add(state(env, geo, "near right border", "outer wheels just inside the right border", at,
                lateral(env, geo, at, -near, 0.01, 4), 0, speedNormal, 0, 0, -1));
        out.add(state(env, geo, "off track", "all four wheels off the road, left", at,
                lateral(env, geo, at, 0.5 * w + 0.1, 0.02, 0), 0, speedNormal, 0, 0, -1));
        out.add(state(env, geo, "off track right", "all four wheels off the road, right", at,
                lateral(env, geo, at, -(0.5 * w + 0.1), -0.02, 0), 0, speedNormal, 0, 0, -1));
        out.add(state(env, geo, "wrong way", "on the centre line heading backwards", geo.ndist(straight) * len, 0,
                Math.PI, speedNormal, 0, 0, -1));
        out.add(state(env, geo, "finishing 99%", "just before the finish line", 0.99 * len, 0, 0, speedNormal, 0,
                0, 99.0));
        out.add(state(env, geo, "finished 100%", "lap complete", 0.99999 * len, 0, 0, speedNormal, 0, 0, 100.0));
        out.add(state(env, geo, "fast", "4 m/s on a straight", geo.ndist(straight) * len, 0, 0, 4.0, 0, 0, -1));
        out.add(state(env, geo, "slow", "0.5 m/s on a straight", geo.ndist(straight) * len, 0, 0, 0.5, 0, 0, -1));
        out.add(state(env, geo, "steer left 30", "sharp left on a straight", geo.ndist(straight) * len, 0, 0,
                speedNormal, 30, 0, -1));
        out.add(state(env, geo, "steer right 30", "sharp right on a straight", geo.ndist(straight) * len, 0, 0,
                speedNormal, -30, 0, -1));
        int curve = sharpest(geo);
        out.add(state(env, geo, "in a curve", "centre line of the sharpest curve", geo.ndist(curve) * len, 0, 0,
                speedNormal, 0, 0, -1));
        addObjectStates(env, geo, out, speedNormal);
        RacingEnv rev = new RacingEnv(track, config.withReversed(true), p -> 0, Sensor.none());
        rev.reset(0);
        TrackGeometry rgeo = rev.geometry();
        int rstraight = straightest(rgeo);
        out.add(state(rev, rgeo, "reversed track", "training on the track driven the other way (is_reversed)",
                rgeo.ndist(rstraight) * rgeo.length(), 0, 0, speedNormal, 0, 0, -1));
        return out;
    }

    /**
     * A state with the front point {@code lateral} [m] left of the centre line at {@code along} [m], heading
     * along the track plus {@code yawOffset} [rad].
     *
     * @param progress [%], or -1 for the one implied by {@code along}
     * @param steps    or 0 for the number a car at 1.5 m/s would have taken to get there
     */
    static State state(RacingEnv env, TrackGeometry geo, String name, String what, double along, double lateral,
                       double yawOffset, double speed, double steering, int steps, double progress) {
        Projection pr = new Projection();
        double h = geo.headingAt(along % geo.length(), pr);
        double fx = pr.x - Math.sin(h) * lateral;
        double fy = pr.y + Math.cos(h) * lateral;
        double yaw = h + yawOffset;
        double off = env.config().car().frontPointOffset();
        env.placeCar(CarState.atRest(fx - off * Math.cos(yaw), fy - off * Math.sin(yaw), normalise(yaw)), 0);
        RewardParams p = env.params().copy();
        double prog = progress >= 0 ? progress : 100 * along / geo.length();
        int st = steps > 0 ? steps : Math.max(1, (int) Math.round(along / 1.5 * 15));
        p.set(p.x(), p.y(), p.heading(), p.distanceFromCenter(), p.isLeftOfCenter(), prog, speed, steering, st,
                p.trackWidth(), p.closestWaypointPrev(), p.closestWaypointNext(), p.projectionDistance(),
                p.wheelsOnTrack());
        return new State(name, what, p);
    }

    /** The keys a reward reads that only an OBJECT_AVOIDANCE race fills. */
    static final List<String> OBJECT_KEYS = List.of("objects_location", "objects_left_of_center", "objects_distance",
            "objects_distance_from_center", "objects_speed", "objects_heading", "closest_objects", "object_in_camera");

    /**
     * The hint for a reward that reads object keys but was checked without objects, or null: the first object key
     * {@code source} mentions.
     */
    public static String objectHint(String source) {
        for (String k : OBJECT_KEYS) {
            if (source.contains("\"" + k + "\"") || source.contains("'" + k + "'")) {
                return "this reward uses " + k + ": check it with --race-type OBJECT_AVOIDANCE";
            }
        }
        return null;
    }

    /**
     * States around the first two boxes (at most), or bots (HEAD_TO_BOT, at their start places): in their lane
     * before them, beside, past, crashed.
     */
    private static void addObjectStates(RacingEnv env, TrackGeometry geo, List<State> out, double speed) {
        dev.racer.world.WorldObjects objects = env.objects();
        for (int i = 0; i < Math.min(2, objects.count()); i++) {
            double at = objects.pdist(i);
            double side = objects.leftOfCenter(i) ? 1 : -1; // + left of the centre line
            double lane = objects.centerDistance(i) * side;
            String kind = env.isBot(i) ? "bot" : "box"; // HEAD_TO_BOT: the bots where they start
            String box = kind + " " + i;
            out.add(state(env, geo, "before " + box, "in the " + kind + "'s lane, 1.5 m before it", wrap(at - 1.5, geo),
                    lane, 0, speed, 0, 0, -1));
            out.add(state(env, geo, "beside " + box, "level with the " + kind + ", in the other lane", at, -lane, 0,
                    speed, 0, 0, -1));
            out.add(state(env, geo, "past " + box, "0.5 m past the " + kind + ", in the other lane", wrap(at + 0.5, geo),
                    -lane, 0, speed, 0, 0, -1));
            out.add(state(env, geo, "crashed " + box, "the front against the " + kind + " (is_crashed)",
                    wrap(at - 0.1, geo), lane, 0, speed, 0, 0, -1));
        }
    }

    private static double wrap(double along, TrackGeometry geo) {
        double len = geo.length();
        return along - Math.floor(along / len) * len;
    }

    /** From {@code start}, steps the lateral offset by {@code step} until {@code wheels} wheels are on the road. */
    private static double lateral(RacingEnv env, TrackGeometry geo, double along, double start, double step,
                                  int wheels) {
        double lat = start;
        for (int i = 0; i < 100; i++) {
            if (state(env, geo, "", "", along, lat, 0, 1, 0, 1, 0).params().wheelsOnTrack() == wheels) {
                return lat;
            }
            lat += step;
        }
        return start;
    }

    private static double normalise(double a) {
        while (a > Math.PI) {
            a -= 2 * Math.PI;
        }
        while (a <= -Math.PI) {
            a += 2 * Math.PI;
        }
        return a;
    }

    private static double width(TrackGeometry g, int k) {
        return Math.hypot(g.innerX(k) - g.outerX(k), g.innerY(k) - g.outerY(k));
    }

    /** Turn [rad] over a few rows around row k. */
    private static double turn(TrackGeometry g, int k) {
        int n = g.size() - 1;
        int a = Math.floorMod(k - 3, n), b = k, c = (k + 3) % n;
        double h1 = Math.atan2(g.centerY(b) - g.centerY(a), g.centerX(b) - g.centerX(a));
        double h2 = Math.atan2(g.centerY(c) - g.centerY(b), g.centerX(c) - g.centerX(b));
        return Math.abs(normalise(h2 - h1));
    }

    private static int straightest(TrackGeometry g) {
        int n = g.size() - 1, best = n / 4;
        double bestTurn = Double.MAX_VALUE;
        for (int k = n / 10; k < n - n / 10; k++) { // away from the start line
            double t = turn(g, k);
            if (t < bestTurn - 1e-9) {
                bestTurn = t;
                best = k;
            }
        }
        return best;
    }

    private static int sharpest(TrackGeometry g) {
        int n = g.size() - 1, best = 0;
        double bestTurn = -1;
        for (int k = 0; k < n; k++) {
            double t = turn(g, k);
            if (t > bestTurn) {
                bestTurn = t;
                best = k;
            }
        }
        return best;
    }

    /** Runs {@code reward} on {@code states} in order (module state persists as in training) and judges it. */
    public static Report run(RewardFunction reward, List<State> states) {
        List<Outcome> outcomes = new ArrayList<>();
        for (State s : states) {
            long t0 = System.nanoTime();
            try {
                double r = reward.reward(s.params());
                outcomes.add(new Outcome(s, r, null, System.nanoTime() - t0));
            } catch (RewardScriptException e) {
                outcomes.add(new Outcome(s, Double.NaN, e, System.nanoTime() - t0));
            }
        }
        return new Report(outcomes, judge(outcomes));
    }

    static List<Problem> judge(List<Outcome> outcomes) {
        List<Problem> problems = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (!o.ok()) {
                problems.add(new Problem(true, "state \"" + o.state().name() + "\": " + o.error().getMessage()));
            }
        }
        List<Outcome> ok = outcomes.stream().filter(Outcome::ok).toList();
        if (ok.isEmpty()) {
            return problems;
        }
        double min = ok.stream().mapToDouble(Outcome::reward).min().orElseThrow();
        double max = ok.stream().mapToDouble(Outcome::reward).max().orElseThrow();
        if (ok.size() > 1 && min == max) {
            problems.add(new Problem(false, "the reward is " + min + " in every state"
                    + (ok.size() < outcomes.size() ? " that ran" : "") + ": a constant reward teaches the car nothing"));
        }
        List<String> negative = ok.stream().filter(o -> o.reward() < 0).map(o -> o.state().name()).toList();
        if (!negative.isEmpty()) {
            problems.add(new Problem(false, "negative reward in " + String.join(", ", negative) + ": DeepRacer "
                    + "accepts it, but a car that can only lose may learn to end episodes early (go off track)"));
        }
        Double centre = rewardOf(ok, "centre");
        for (String off : List.of("off track", "off track right")) {
            Double r = rewardOf(ok, off);
            if (centre != null && r != null && r >= centre && min != max) {
                problems.add(new Problem(false, "\"" + off + "\" earns " + fmt(r) + ", not less than \"centre\" ("
                        + fmt(centre) + "): the car is not taught to stay on the road"));
            }
        }
        long[] times = ok.stream().mapToLong(Outcome::nanos).sorted().toArray();
        double medianMs = times[times.length / 2] / 1e6;
        if (medianMs > SLOW_MS) {
            problems.add(new Problem(false, String.format(java.util.Locale.ROOT, "slow: %.1f ms per call (median, "
                    + "before any JIT warm-up); training calls it every step", medianMs)));
        }
        Double wrong = rewardOf(ok, "wrong way");
        if (centre != null && wrong != null && wrong > centre) {
            problems.add(new Problem(false, "\"wrong way\" earns more (" + fmt(wrong) + ") than \"centre\" ("
                    + fmt(centre) + ")"));
        }
        return problems;
    }

    private static Double rewardOf(List<Outcome> ok, String name) {
        return ok.stream().filter(o -> o.state().name().equals(name)).map(Outcome::reward).findFirst().orElse(null);
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
