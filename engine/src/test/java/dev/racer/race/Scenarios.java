package dev.racer.race;

import dev.racer.sensor.CarView;
import dev.racer.car.Control;
import dev.racer.sensor.Sensor;
import dev.racer.track.Direction;
import dev.racer.track.Track;
import java.util.ArrayList;
import java.util.List;

/** Hand-built tracks and scripted drivers for the time-trial tests. */
final class Scenarios {
    private Scenarios() {
    }

    /** A counter-clockwise circle of radius {@code r} [m] around the origin, {@code width} wide, starting at (r, 0). */
    /** Steps {@code env} straight at {@code speed} until the episode ends or {@code maxSteps} steps; the last result. */
    static StepResult driveStraight(RacingEnv env, double speed, int maxSteps) {
        StepResult r = env.step(0, speed);
        for (int steps = 1; r.status() == EpisodeStatus.IN_PROGRESS && steps < maxSteps; steps++) {
            r = env.step(0, speed);
        }
        return r;
    }

    static Track circle(String id, double r, double width, int n) {
        double[][] rows = new double[n + 1][];
        for (int i = 0; i <= n; i++) {
            double a = 2 * Math.PI * (i % n) / n;
            double c = Math.cos(a), s = Math.sin(a);
            double ri = r - width / 2, ro = r + width / 2;
            rows[i] = new double[] {r * c, r * s, ri * c, ri * s, ro * c, ro * s};
        }
        return new Track(id, id, Direction.COUNTERCLOCKWISE, "test", rows);
    }

    /** What the driver saw when it was asked to act. */
    record Seen(int act, int sinceRest, double x, double y, double yaw, double speed, double progress, int envSteps) {
    }

    /** A driving script; null means "let pure pursuit drive". */
    @FunctionalInterface
    interface Script {
        /**
         * @param act       actions so far, this one included (from 1)
         * @param sinceRest actions since the car was last at rest (from 1; the start and every put-back
         *                  restart the count)
         * @param putBacks  times the car has been put back on the track so far
         */
        Control apply(int act, int sinceRest, int putBacks);
    }

    /** Drives by {@link Script}, or by pure pursuit where the script returns null. */
    static final class Scripted implements Driver {
        final Script script;
        final PurePursuitDriver pursuit = new PurePursuitDriver();
        final List<Seen> seen = new ArrayList<>();
        int acts;
        int sinceRest;
        int putBacks;

        Scripted(Script script) {
            this.script = script;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public Sensor newSensor() {
            return Sensor.none();
        }

        @Override
        public void reset(CarView env) {
            pursuit.reset(env);
        }

        @Override
        public Control act(CarView env, float[] observation) {
            acts++;
            sinceRest = env.carSpeed() == 0 ? 1 : sinceRest + 1;
            if (acts > 1 && sinceRest == 1 && seen.get(seen.size() - 1).speed() != 0) {
                putBacks++;
            }
            seen.add(new Seen(acts, sinceRest, env.carX(), env.carY(), env.carYaw(), env.carSpeed(),
                    env.params().progress(), env.steps()));
            Control c = script.apply(acts, sinceRest, putBacks);
            return c != null ? c : pursuit.act(env, observation);
        }
    }

    /** Keeps a copy of every row. */
    record Row(int lap, int lapRow, int trialRow, double time, EpisodeStatus status, double pause, boolean done,
               double progress, double x, double y, double heading, double steer, double throttle, double speed,
               double reward, int action, int steps, boolean allWheels, int wheels, int prev, int next,
               double trackLength) {
    }

    static final class Recorder implements TrialObserver {
        final List<Row> rows = new ArrayList<>();

        @Override
        public void onRow(TrialRow r) {
            var p = r.params();
            rows.add(new Row(r.lap(), r.lapRow(), r.trialRow(), r.time(), r.status(), r.pauseDuration(), r.done(),
                    p.progress(), p.x(), p.y(), p.heading(), r.steering(), r.throttle(), r.speed(), r.reward(),
                    r.action(), p.steps(), p.allWheelsOnTrack(), p.wheelsOnTrack(), p.closestWaypointPrev(),
                    p.closestWaypointNext(), p.trackLength()));
        }

        List<Row> driving() {
            return rows.stream().filter(r -> r.status() != EpisodeStatus.PAUSE).toList();
        }
    }
}
