package dev.racer.trainer;

import dev.racer.race.Driver;
import dev.racer.race.EpisodeStatus;
import dev.racer.race.LapResult;
import dev.racer.race.RaceSession;
import dev.racer.race.RacingEnv;
import dev.racer.race.ResetOptions;
import dev.racer.race.TimeTrialConfig;
import dev.racer.race.TrialObserver;
import dev.racer.race.TrialResult;
import java.util.List;

/**
 * The greedy evaluation after each training iteration, as DeepRacer's: each episode is a one-lap race under
 * the {@link RaceSession} rules (the rules {@code racer evaluate} and the league score), started at a given
 * row. DeepRacer trains with no resets ({@code number_of_resets} 0), so its training evaluation ends at the
 * first off-track: {@link #RULES} allow none, and reversed or immobilised end the lap too; the environment's
 * step cap is the clock.
 */
public final class Evaluation {
    /** one lap, no reset, the environment's step cap as the only time limit */
    public static final TimeTrialConfig RULES = TimeTrialConfig.DEFAULT.withLaps(1).withMaxResets(0)
            .withTimeLimit(1e7);

    private Evaluation() {
    }

    /**
     * One evaluation episode.
     *
     * @param startRow  the row it started at
     * @param progress  completion [%]: 100 when the lap was completed, else the progress before the step that
     *                  ended it
     * @param completed whether the lap was completed
     * @param lapTime   lap time [s] when completed, else NaN
     * @param meanSpeed mean actual speed over its driving steps [m/s]
     * @param steps     driving steps
     * @param status    the status of its last step (lap_complete, off_track, reversed, immobilized, time_up)
     */
    public record Lap(int startRow, double progress, boolean completed, double lapTime, double meanSpeed, int steps,
                      EpisodeStatus status) {
    }

    /** A session for evaluation laps on {@code env}, driven by {@code driver}. */
    public static RaceSession session(RacingEnv env, Driver driver) {
        return new RaceSession(env, RULES, driver);
    }

    /** Races one evaluation lap from {@code startRow}; {@code observer} sees every row. */
    public static Lap race(RaceSession session, long seed, int startRow, TrialObserver observer) {
        start(session, seed, startRow, observer);
        EpisodeStatus last = EpisodeStatus.PREPARE;
        while (!session.isFinished()) {
            last = step(session, observer);
        }
        return lap(session, startRow, last);
    }

    /**
     * {@link #race} a row at a time (laps raced side by side): starts the lap; then {@link #step} until the
     * session {@link RaceSession#isFinished() is finished}, then {@link #lap}.
     */
    public static void start(RaceSession session, long seed, int startRow, TrialObserver observer) {
        session.start(seed, ResetOptions.at(startRow));
        observer.onStart(session.row()); // the state before the car moves, as DeepRacer's traces start
    }

    /** The next row of a lap begun by {@link #start}; returns its status. */
    public static EpisodeStatus step(RaceSession session, TrialObserver observer) {
        EpisodeStatus st = session.step().status();
        observer.onRow(session.row());
        return st;
    }

    /** The lap a finished session raced from {@code startRow}; {@code last} is the status of its last row. */
    public static Lap lap(RaceSession session, int startRow, EpisodeStatus last) {
        TrialResult r = session.result();
        LapResult l = r.laps().get(0);
        return new Lap(startRow, l.progress(), l.completed(), l.completed() ? l.timeMs() / 1000.0 : Double.NaN,
                l.meanSpeed(), l.steps(), last);
    }

    /**
     * What an iteration's evaluation adds up to; NaN where there is nothing to average.
     *
     * @param meanProgress   mean completion [%]
     * @param completionRate fraction of laps completed
     * @param bestLap        fastest completed lap [s]
     * @param meanLap        mean time of the completed laps [s]
     * @param meanSpeed      mean actual speed over every driving step of the evaluation [m/s]
     */
    public record Summary(double meanProgress, double completionRate, double bestLap, double meanLap,
                          double meanSpeed) {

        public static Summary of(List<Lap> laps) {
            double progress = 0, completed = 0, best = Double.NaN, lapSum = 0, speedSum = 0;
            long steps = 0;
            for (Lap l : laps) {
                progress += l.progress();
                speedSum += l.meanSpeed() * l.steps();
                steps += l.steps();
                if (l.completed()) {
                    completed++;
                    lapSum += l.lapTime();
                    best = Double.isNaN(best) ? l.lapTime() : Math.min(best, l.lapTime());
                }
            }
            int n = laps.size();
            return new Summary(progress / n, completed / n, best, completed == 0 ? Double.NaN : lapSum / completed,
                    steps == 0 ? Double.NaN : speedSum / steps);
        }
    }
}
