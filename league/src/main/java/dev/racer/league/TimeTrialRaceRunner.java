package dev.racer.league;

import dev.racer.race.Driver;
import dev.racer.race.DriverProvider;
import dev.racer.race.EnvConfig;
import dev.racer.race.TimeTrial;
import dev.racer.race.TimeTrialConfig;
import dev.racer.race.TrialResult;
import dev.racer.track.Track;
import dev.racer.track.TrackLibrary;
import dev.racer.race.TrialObserver;
import dev.racer.trace.SimTraceWriter;
import java.nio.file.Path;

/**
 * A league race is a time trial ({@link TimeTrial}, the rules {@code racer evaluate} races by) of the model
 * folder, opened with {@link DriverProvider#openModel}, writing its sim-trace with {@link SimTraceWriter}. The
 * league's wall-clock limit is checked on every row, so a slow model is stopped mid-race.
 */
public final class TimeTrialRaceRunner implements RaceRunner {
    /** simulated time allowed per lap [s] before the trial is called (time up) */
    static final int SIM_SECONDS_PER_LAP = 180;

    private final TrackLibrary tracks;

    public TimeTrialRaceRunner(TrackLibrary tracks) {
        this.tracks = tracks;
    }

    /** The time-trial rules of a league. */
    public static TimeTrialConfig trialConfig(LeagueRules rules) {
        return TimeTrialConfig.DEFAULT.withLaps(rules.laps())
                .withOffTrackPenalty(rules.offtrackPenaltyMs() / 1000.0)
                .withMaxResets(rules.maxResets())
                .withRanking(rules.ranking())
                .withAvgLaps(Math.min(TimeTrialConfig.DEFAULT_AVG_LAPS, rules.laps()))
                .withTimeLimit(rules.laps() * (double) SIM_SECONDS_PER_LAP);
    }

    @Override
    public RaceOutcome race(Path modelDir, LeagueRules rules, Path traceOut, long deadlineNanos) {
        Track track = tracks.get(rules.trackId());
        TimeTrial trial = new TimeTrial(track, EnvConfig.DEFAULT, trialConfig(rules));
        SimTraceWriter trace = SimTraceWriter.open(traceOut);
        boolean ok = false;
        try (Driver driver = DriverProvider.openModel(modelDir)) {
            TrialObserver deadline = row -> {
                if ((row.trialRow() & 63) == 0
                        && (System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted())) {
                    throw new RaceTimeoutException("the race ran past the evaluation time limit");
                }
            };
            TrialResult r = trial.run(driver, 0, deadline.andThen(trace.trialObserver()));
            ok = true;
            return RaceOutcome.of(r);
        } finally {
            if (ok) {
                trace.close();
            } else {
                trace.abort();
            }
        }
    }
}
