package dev.racer.trace;

import dev.racer.car.CarSpec;
import dev.racer.car.CarState;
import dev.racer.car.Dynamics;
import dev.racer.race.EnvConfig;
import dev.racer.race.RacingEnv;
import dev.racer.reward.RewardFunction;
import dev.racer.reward.RewardParams;
import dev.racer.sensor.Sensor;
import dev.racer.track.Track;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-scores the steps of a sim-trace with another reward function, without driving again (as
 * deepracer-utils' {@code NewRewardUtils} and deepracer-log-guru do): each driving row's {@code params} are
 * rebuilt from the row and the track, the reward is called, and the old and new rewards are summed per
 * episode.
 *
 * <p>How a row becomes {@code params}: the car is put at the logged front point {@code X, Y} with heading
 * {@code yaw} (its rear axle {@link CarSpec#frontPointOffset()} behind), and Racer's own geometry computes
 * {@code distance_from_center, is_left_of_center, track_width, closest_waypoints, all_wheels_on_track,
 * is_offtrack, projection_distance}, {@code waypoints, track_length} as the environment does;
 * {@code speed, steering_angle} are the commanded {@code throttle, steer}; {@code progress, steps} are
 * taken as logged. What a trace cannot give back: the exact rear-axle pose when the trace's front point
 * is not Racer's (DeepRacer's own traces are rounded and its car model differs), the car's actual speed and
 * steering (they are not params, but a reward cannot learn them either), {@code is_crashed} and the object
 * keys (no objects: false and empty), {@code is_reversed} beyond what {@code reversed} says, the order of
 * rows that were never logged (training traces hold one sampled episode an iteration, so a reward that keeps
 * state across calls sees only the traced steps). {@code prepare} and {@code pause} rows are not scored (the
 * simulator calls no reward on them): their new reward is 0.
 */
public final class RewardReplay {
    private final Track track;
    private final boolean reversed;

    /** Per-episode totals. */
    public record EpisodeTotals(int episode, int steps, double progress, String status, double oldReward,
                                double newReward) {
    }

    /** The replay: per-episode totals, and how many scored rows disagree with the track on the logged values. */
    public record Result(List<EpisodeTotals> episodes, int scoredRows, int wheelMismatches,
                         int waypointMismatches, double[] newRewards) {
    }

    public RewardReplay(Track track, boolean reversed) {
        this.track = track;
        this.reversed = reversed;
    }

    /**
     * Checks that {@code trace} was driven on this track: its {@code track_len} (the same in every row) must be
     * the track's length within 0.5 %.
     *
     * @throws IllegalArgumentException naming both lengths
     */
    public void checkTrack(SimTraceReader.SimTrace trace, String source) {
        if (trace.rows().isEmpty()) {
            throw new IllegalArgumentException(source + ": no rows to replay");
        }
        double logged = trace.rows().get(0).trackLength();
        RacingEnv env = env();
        double length = env.geometry().length();
        if (!(Math.abs(logged - length) <= 0.005 * length)) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s: the trace was driven on a track %.3f m long, but %s is %.3f m; give the trace's track with --track",
                    source, logged, track.id(), length));
        }
    }

    private RacingEnv env() {
        return new RacingEnv(track, EnvConfig.DEFAULT.withReversed(reversed), p -> 0.0, Sensor.none());
    }

    /** Scores every driving row of {@code trace} with {@code reward}, in the trace's order. */
    public Result replay(SimTraceReader.SimTrace trace, RewardFunction reward) {
        RacingEnv env = env();
        CarSpec car = env.config().car();
        List<SimTraceRow> rows = trace.rows();
        double[] fresh = new double[rows.size()];
        List<EpisodeTotals> out = new ArrayList<>();
        int scored = 0, wheelMismatches = 0, waypointMismatches = 0;
        int episode = Integer.MIN_VALUE, steps = 0;
        double progress = 0, oldSum = 0, newSum = 0;
        String status = "";
        for (int i = 0; i < rows.size(); i++) {
            SimTraceRow r = rows.get(i);
            if (r.episode() != episode) {
                if (episode != Integer.MIN_VALUE) {
                    out.add(new EpisodeTotals(episode, steps, progress, status, oldSum, newSum));
                }
                episode = r.episode();
                steps = 0;
                progress = 0;
                oldSum = 0;
                newSum = 0;
            }
            oldSum += r.reward();
            status = r.episodeStatus();
            progress = Math.max(progress, r.progress());
            if (status.equals("prepare") || status.equals("pause")) {
                continue;
            }
            steps++;
            RewardParams p = params(env, car, r);
            if (p.allWheelsOnTrack() != r.allWheelsOnTrack()) {
                wheelMismatches++;
            }
            if (SimTraceWriter.closestWaypoint(p) != r.closestWaypoint()) {
                waypointMismatches++;
            }
            double v = reward.reward(p);
            fresh[i] = v;
            newSum += v;
            scored++;
        }
        if (episode != Integer.MIN_VALUE) {
            out.add(new EpisodeTotals(episode, steps, progress, status, oldSum, newSum));
        }
        return new Result(out, scored, wheelMismatches, waypointMismatches, fresh);
    }

    /** The params of one logged row (see the class comment for what is rebuilt and what is taken as logged). */
    static RewardParams params(RacingEnv env, CarSpec car, SimTraceRow r) {
        double yaw = Math.toRadians(r.yaw());
        double speed = Double.isNaN(r.speed()) ? r.throttle() : r.speed();
        CarState state = new CarState(r.x() - car.frontPointOffset() * Math.cos(yaw),
                r.y() - car.frontPointOffset() * Math.sin(yaw), Dynamics.wrap(yaw), speed, Math.toRadians(r.steer()));
        RewardParams p = env.probe(state, r.steer(), r.throttle());
        p.set(p.x(), p.y(), p.heading(), p.distanceFromCenter(), p.isLeftOfCenter(), r.progress(), r.throttle(),
                r.steer(), r.steps(), p.trackWidth(), p.closestWaypointPrev(), p.closestWaypointNext(),
                p.projectionDistance(), p.wheelsOnTrack());
        return p;
    }
}
