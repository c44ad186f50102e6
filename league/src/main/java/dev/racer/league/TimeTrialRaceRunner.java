package dev.racer.league;

import dev.racer.race.Driver;
import dev.racer.race.DriverProvider;
import dev.racer.race.EnvConfig;
import dev.racer.race.RaceType;
import dev.racer.race.TimeTrial;
import dev.racer.race.TimeTrialConfig;
import dev.racer.race.TrialResult;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import dev.racer.world.ObjectConfig;
import dev.racer.world.ObjectPlacer;
import dev.racer.world.WorldObjects;
import dev.racer.track.TrackLibrary;
import dev.racer.race.TrialObserver;
import dev.racer.trace.SimTraceWriter;
import java.nio.file.Path;

/**
 * A league race is a time trial ({@link TimeTrial}, the rules {@code racer evaluate} races by) of the model
 * folder, opened with {@link DriverProvider#openModel}, writing its sim-trace with {@link SimTraceWriter}, in the
 * environment of the league's race type ({@link #envConfig}): an object-avoidance league's boxes stand where
 * {@code racer evaluate --race-type OBJECT_AVOIDANCE} puts them for seed {@value #SEED}, and a crash costs the
 * league's collision penalty. The league's wall-clock limit is checked on every row, so a slow model is stopped
 * mid-race.
 */
public final class TimeTrialRaceRunner implements RaceRunner {
    /** simulated time allowed per lap [s] before the trial is called (time up) */
    static final int SIM_SECONDS_PER_LAP = 180;
    /** the reset seed of every league race (it places randomised objects: every submission meets the same boxes) */
    public static final long SEED = 0;

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
                .withTimeLimit(rules.laps() * (double) SIM_SECONDS_PER_LAP)
                .withCollisionPenalty(rules.collisionPenaltyMs() / 1000.0);
    }

    /**
     * The environment a league's race runs in: the one place where a league's race type becomes the engine's
     * settings ({@code racer evaluate}'s defaults, with the league's race type and objects).
     *
     * @throws IllegalArgumentException for a race type the league cannot race yet
     */
    public static EnvConfig envConfig(LeagueRules rules) {
        EnvConfig base = EnvConfig.DEFAULT;
        return switch (rules.raceType()) {
            case TIME_TRIAL -> base.withRaceType(RaceType.TIME_TRIAL);
            case OBJECT_AVOIDANCE -> base.withRaceType(RaceType.OBJECT_AVOIDANCE).withObjects(rules.objects());
            case HEAD_TO_BOT -> base.withRaceType(RaceType.HEAD_TO_BOT).withBots(rules.bots());
            default -> throw new IllegalArgumentException("league races of race type " + rules.raceType()
                    + " are not supported yet");
        };
    }

    /**
     * The objects on the track in a league's race, exactly as the race's environment places them at its reset
     * with {@link #SEED} (what {@code RacingEnv.reset} does); empty without objects.
     */
    public static WorldObjects objects(Track track, LeagueRules rules) {
        EnvConfig env = envConfig(rules);
        ObjectConfig oc = env.placedObjects();
        WorldObjects out = new WorldObjects(oc.objects());
        if (oc.objects() > 0) {
            new ObjectPlacer().place(oc, TrackGeometry.of(track, env.reversed()), SEED, out);
        }
        return out;
    }

    @Override
    public RaceOutcome race(Path modelDir, LeagueRules rules, Path traceOut, long deadlineNanos) {
        Track track = tracks.get(rules.trackId());
        TimeTrial trial = new TimeTrial(track, envConfig(rules), trialConfig(rules));
        SimTraceWriter trace = SimTraceWriter.open(traceOut);
        boolean ok = false;
        try (Driver driver = DriverProvider.openModel(modelDir)) {
            TrialObserver deadline = row -> {
                if ((row.trialRow() & 63) == 0
                        && (System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted())) {
                    throw new RaceTimeoutException("the race ran past the evaluation time limit");
                }
            };
            TrialResult r = trial.run(driver, SEED, deadline.andThen(trace.trialObserver()));
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
