package dev.racer.league;

import dev.racer.car.Control;
import dev.racer.multi.HeadToModel;
import dev.racer.multi.MultiCarRace;
import dev.racer.race.Driver;
import dev.racer.race.EnvConfig;
import dev.racer.race.ForwardingDriver;
import dev.racer.sensor.CarView;
import dev.racer.track.TrackLibrary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A head-to-model league's race of one new submission: the model is first opened alone (a model that cannot load
 * fails with its reason), then raced in one heat ({@link HeadToModel#run}) against the league's other current
 * entries, at most {@link LeagueRules#heatSize()} cars in all.
 *
 * <p><b>Who races:</b> the new entry and the best-rated current entries of the other racers (each racer's newest
 * rated submission; ties: the older one), chosen by {@link HeatStore#opponents}. The first entry of a league races
 * alone (its heat has one car and moves no rating). <b>Grid:</b> the cars in an order shuffled with the heat's
 * seed, staggered as DeepRacer starts them. <b>Seed:</b> from the heat's id (the new submission's id), so a heat
 * raced again after its worker died is the same race. <b>A car that fails</b> (its folder no longer loads, or
 * its driver throws mid-race) is left out and the heat is raced again without it, the entry named in
 * {@link HeatStore.Heat#notRaced()}; if the new entry itself fails the submission fails.
 */
final class HeadToModelRunner {
    /** simulated time allowed per lap [s], as {@link TimeTrialRaceRunner#SIM_SECONDS_PER_LAP} */
    static final int SIM_SECONDS_PER_LAP = TimeTrialRaceRunner.SIM_SECONDS_PER_LAP;

    private final TrackLibrary tracks;
    private final Path modelsDir;
    private final Function<Path, Driver> opener;

    /**
     * @param modelsDir where submissions' model folders are ({@code modelsDir/ID}); a car's name is its folder's,
     *                  the submission id
     * @param opener    opens a model folder ({@link dev.racer.race.DriverProvider#openModel})
     */
    HeadToModelRunner(TrackLibrary tracks, Path modelsDir, Function<Path, Driver> opener) {
        this.tracks = tracks;
        this.modelsDir = modelsDir;
        this.opener = opener;
    }

    /** What one submission's heat produced: the new entry's own result, and the heat with its traces in {@code traceDir}. */
    record Result(RaceOutcome outcome, HeatStore.Heat heat) {
    }

    /** The seed of heat {@code heatId}: the first 8 bytes of its SHA-256. */
    static long seed(String heatId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(heatId.getBytes(StandardCharsets.UTF_8));
            long s = 0;
            for (int i = 0; i < 8; i++) {
                s = (s << 8) | (h[i] & 0xff);
            }
            return s;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The race rules of a league's heats: its laps, penalties [s], a time limit of 180 s a lap, the engine's step. */
    static MultiCarRace.Rules rules(LeagueRules r) {
        return new MultiCarRace.Rules(r.laps(), r.offtrackPenaltyMs() / 1000.0, r.collisionPenaltyMs() / 1000.0,
                r.laps() * (double) SIM_SECONDS_PER_LAP, EnvConfig.DEFAULT.dt());
    }

    /**
     * Checks the submission's model loads, then races its heat against {@code opponents}.
     *
     * @param traceDir       an empty folder for the heat's sim-traces ({@code ID.csv} per car)
     * @param deadlineNanos  {@link System#nanoTime()} after which the race stops with a
     *                       {@link RaceRunner.RaceTimeoutException} (also when the thread is interrupted)
     * @throws IllegalArgumentException the new entry's model cannot load or fails mid-race (the reason named)
     */
    Result race(String submissionId, String leagueId, LeagueRules rules, List<HeatStore.Entry> opponents,
                Path traceDir, long deadlineNanos) {
        Path own = modelsDir.resolve(submissionId);
        try (HeadToModel.Lineup alone = HeadToModel.open(List.of(own), opener)) {
            if (!alone.failures().isEmpty()) {
                throw new IllegalArgumentException(alone.failures().get(0).reason());
            }
        }
        String heatId = submissionId;
        long seed = seed(heatId);
        List<String> ids = new ArrayList<>();
        ids.add(submissionId);
        for (HeatStore.Entry e : opponents) {
            ids.add(e.submissionId());
        }
        Collections.shuffle(ids, new Random(seed));
        List<String> notRaced = new ArrayList<>();
        HeadToModel.Request req = new HeadToModel.Request(tracks.get(rules.trackId()), false, rules(rules), null, seed,
                null, traceDir, null);
        while (true) {
            List<Path> folders = ids.stream().map(modelsDir::resolve).toList();
            try (HeadToModel.Lineup lineup = HeadToModel.open(folders, f -> timed(opener.apply(f), deadlineNanos))) {
                if (!lineup.failures().isEmpty()) {
                    for (HeadToModel.Failure f : lineup.failures()) {
                        if (f.name().equals(submissionId)) {
                            throw new IllegalArgumentException(f.reason());
                        }
                        ids.remove(f.name());
                        notRaced.add(f.name());
                    }
                    continue;
                }
                HeadToModel.Report report;
                try {
                    report = HeadToModel.run(req, lineup);
                } catch (IllegalStateException e) {
                    if (timedOut(e)) {
                        throw new RaceRunner.RaceTimeoutException("the race ran past the evaluation time limit");
                    }
                    String failed = ids.stream().filter(n -> String.valueOf(e.getMessage()).startsWith(n + " "))
                            .findFirst().orElseThrow(() -> e);
                    if (failed.equals(submissionId)) {
                        throw new IllegalArgumentException("the model failed in the race: " + e.getMessage(), e);
                    }
                    ids.remove(failed);
                    notRaced.add(failed);
                    continue;
                }
                return result(submissionId, leagueId, rules, seed, report, notRaced);
            }
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RaceRunner.RaceTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static Result result(String submissionId, String leagueId, LeagueRules rules, long seed,
                                 HeadToModel.Report report, List<String> notRaced) {
        List<HeatStore.Car> cars = new ArrayList<>();
        RaceOutcome own = null;
        for (HeadToModel.Standing s : report.standings()) {
            Long timeMs = s.time() == null ? null : Math.round(s.time() * 1000);
            String trace = report.traces().get(s.name());
            cars.add(new HeatStore.Car(s.name(), s.car(), s.rank(), s.finished(), timeMs, s.laps(), s.crashes(),
                    s.offTracks(), trace == null ? null : Path.of(trace).getFileName().toString()));
            if (s.name().equals(submissionId)) {
                own = outcome(s, rules, report);
            }
        }
        HeatStore.Heat heat = new HeatStore.Heat(submissionId, leagueId, submissionId, seed, rules.laps(),
                Math.round(report.raceTime() * 1000), cars, notRaced);
        return new Result(own, heat);
    }

    /** The new entry's own figures, as the submission's result: its finish time is its score. */
    private static RaceOutcome outcome(HeadToModel.Standing s, LeagueRules rules, HeadToModel.Report report) {
        List<RaceOutcome.Lap> laps = new ArrayList<>();
        Long best = null;
        for (int i = 0; i < s.lapTimes().size(); i++) {
            long ms = Math.round(s.lapTimes().get(i) * 1000);
            best = best == null ? ms : Math.min(best, ms);
            laps.add(new RaceOutcome.Lap(i + 1, ms, 0, true, 100, 0));
        }
        Long time = s.time() == null ? null : Math.round(s.time() * 1000);
        return new RaceOutcome(s.finished(), s.finished() ? "finished" : "not_finished", laps, time, best, null,
                time != null ? time : Math.round(report.raceTime() * 1000), s.offTracks(), 0, report.steps(),
                s.crashes());
    }

    /** {@code d}, stopping with {@link RaceRunner.RaceTimeoutException} past the deadline or when interrupted. */
    private static Driver timed(Driver d, long deadlineNanos) {
        return new ForwardingDriver(d) {
            private int steps;

            @Override
            public Control act(CarView car, float[] observation) {
                if ((++steps & 63) == 0
                        && (System.nanoTime() - deadlineNanos > 0 || Thread.currentThread().isInterrupted())) {
                    throw new RaceRunner.RaceTimeoutException("the race ran past the evaluation time limit");
                }
                return delegate.act(car, observation);
            }
        };
    }
}
