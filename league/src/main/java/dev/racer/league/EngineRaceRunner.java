package dev.racer.league;

import dev.racer.car.CarState;
import dev.racer.car.Control;
import dev.racer.race.Driver;
import dev.racer.race.DriverProvider;
import dev.racer.race.EnvConfig;
import dev.racer.race.EpisodeStatus;
import dev.racer.race.RacingEnv;
import dev.racer.race.StepResult;
import dev.racer.reward.CenterLineReward;
import dev.racer.reward.RewardParams;
import dev.racer.track.Projection;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A league race on the engine's {@link RacingEnv}: laps raced continuously from the start line; off track,
 * the car is frozen for the penalty and put back on the centre line at its last progress; reversed,
 * immobilised or out of simulated time ends the race. Lap times are simulation time (steps × dt) plus
 * penalties. The model is opened with {@link DriverProvider#openModel}.
 */
public final class EngineRaceRunner implements RaceRunner {
    /** simulated time allowed per lap [s] before the race is called off */
    private static final int SIM_SECONDS_PER_LAP = 180;

    private final TrackLibrary tracks;

    public EngineRaceRunner(TrackLibrary tracks) {
        this.tracks = tracks;
    }

    @Override
    public RaceOutcome race(Path modelDir, LeagueRules rules, Path traceOut, long deadlineNanos) throws Exception {
        Track track = tracks.get(rules.trackId());
        try (Driver driver = DriverProvider.openModel(modelDir);
             BufferedWriter trace = Files.newBufferedWriter(traceOut, StandardCharsets.UTF_8)) {
            EnvConfig cfg = EnvConfig.DEFAULT.withMaxSteps(
                    (int) Math.round(rules.laps() * SIM_SECONDS_PER_LAP / EnvConfig.DEFAULT.dt()));
            RacingEnv env = new RacingEnv(track, cfg, new CenterLineReward(), driver.newSensor());
            return run(env, driver, rules, trace, deadlineNanos);
        }
    }

    private static RaceOutcome run(RacingEnv env, Driver driver, LeagueRules rules, BufferedWriter trace,
                                   long deadlineNanos) throws java.io.IOException {
        TraceCsv.writeHeader(trace);
        StepResult r = env.reset(0);
        driver.reset(env);
        TrackGeometry geo = env.geometry();
        Projection scratch = new Projection();
        double dtMs = env.config().dt() * 1000;
        List<RaceOutcome.Lap> laps = new ArrayList<>();
        long penaltyMs = 0;
        long lapStartMs = 0;
        int lap = 0, lapOfftracks = 0, offtracks = 0, resets = 0;
        double lastProgress = 0;
        String end;
        while (true) {
            if ((env.steps() & 63) == 0 && (System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted())) {
                throw new RaceTimeoutException("the race ran past the evaluation time limit");
            }
            Control c = driver.act(env, r.observation());
            r = env.step(c);
            long nowMs = Math.round(env.steps() * dtMs) + penaltyMs;
            EpisodeStatus s = r.status();
            RewardParams p = r.params();
            TraceCsv.writeRow(trace, lap, env.steps(), p, env.carYaw(), c, r.reward(), r.done(), nowMs, s, 0);
            if (s == EpisodeStatus.IN_PROGRESS) {
                lastProgress = p.progress();
                continue;
            }
            if (s == EpisodeStatus.LAP_COMPLETE) {
                laps.add(new RaceOutcome.Lap(lap, nowMs - lapStartMs, lapOfftracks, true));
                lap++;
                lapOfftracks = 0;
                lapStartMs = nowMs;
                lastProgress = 0;
                if (lap == rules.laps()) {
                    end = "finished";
                    break;
                }
                env.placeCar(env.carState(), 0);
                continue;
            }
            if (s == EpisodeStatus.OFF_TRACK) {
                offtracks++;
                lapOfftracks++;
                if (rules.maxResets() >= 0 && resets >= rules.maxResets()) {
                    end = "off_track";
                    break;
                }
                resets++;
                penaltyMs += rules.offtrackPenaltyMs();
                TraceCsv.writeRow(trace, lap, env.steps(), p, env.carYaw(), c, 0, false,
                        Math.round(env.steps() * dtMs) + penaltyMs, EpisodeStatus.PAUSE, rules.offtrackPenaltyMs() / 1000.0);
                double along = (env.startNdist() + lastProgress / 100.0) % 1.0 * geo.length();
                double yaw = geo.headingAt(along, scratch);
                env.placeCar(CarState.atRest(scratch.x, scratch.y, yaw), lastProgress);
                continue;
            }
            end = s.traceName();
            break;
        }
        long totalMs = Math.round(env.steps() * dtMs) + penaltyMs;
        boolean completed = lap == rules.laps();
        if (!completed) {
            laps.add(new RaceOutcome.Lap(lap, totalMs - lapStartMs, lapOfftracks, false));
        }
        return new RaceOutcome(completed, end.toLowerCase(Locale.ROOT), laps, totalMs, offtracks, resets, env.steps());
    }
}
