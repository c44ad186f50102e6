package dev.racer.evaluate;

import dev.racer.io.Jsons;
import dev.racer.multi.BotConfig;
import dev.racer.race.RaceType;
import dev.racer.plot.LapPlot;
import dev.racer.race.Driver;
import dev.racer.race.EnvConfig;
import dev.racer.race.LapResult;
import dev.racer.race.TimeTrial;
import dev.racer.race.TimeTrialConfig;
import dev.racer.race.TrialObserver;
import dev.racer.race.TrialResult;
import dev.racer.reward.RewardFunction;
import dev.racer.trace.EvaluationLog;
import dev.racer.trace.ObjectTrace;
import dev.racer.trace.SimTraceWriter;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/**
 * The evaluation service: one time trial of a driver under DeepRacer's rules, with its outputs (the sim-trace
 * CSV, the result as JSON, a picture of the laps). {@code racer evaluate} and {@code racer demo} call it; it lives
 * in the engine, beside the time trial, the sim-trace writer and the lap plot it needs, so the league (which
 * depends on the engine, not on the command line) can call it too.
 */
public final class Evaluation {

    /**
     * What to race and what to write.
     *
     * @param reward the reward of the trace's reward column, or null (0)
     * @param model  the model folder's name for the report, or null for a built-in driver
     * @param trace  sim-trace CSV to write, or null
     * @param json   result JSON to write, or null
     * @param png    lap picture to write, or null
     * @param env    the episode rules and race type (objects); {@code reversed} overrides its direction; null: the default
     * @param modelLog model folder to log the trial into as DeepRacer-for-Cloud does
     *                 ({@code evaluation-STAMP/evaluation-simtrace/}, {@code metrics/EvaluationMetrics-STAMP.json}),
     *                 or null
     */
    public record Request(Track track, boolean reversed, TimeTrialConfig rules, long seed, RewardFunction reward,
                          String model, Path trace, Path json, Path png, EnvConfig env, Path modelLog) {
        public Request {
            java.util.Objects.requireNonNull(track, "track");
            java.util.Objects.requireNonNull(rules, "rules");
            if (env == null) {
                env = EnvConfig.DEFAULT;
            }
        }

        /** A time trial (no objects). */
        public Request(Track track, boolean reversed, TimeTrialConfig rules, long seed, RewardFunction reward,
                       String model, Path trace, Path json, Path png) {
            this(track, reversed, rules, seed, reward, model, trace, json, png, EnvConfig.DEFAULT, null);
        }

        /** A request with no files written. */
        public static Request of(Track track, TimeTrialConfig rules) {
            return new Request(track, false, rules, 0, null, null, null, null, null, null, null);
        }
    }

    /**
     * What {@code --json} writes ({@code kind} racer-time-trial/1).
     *
     * @param raceType     TIME_TRIAL, OBJECT_AVOIDANCE or HEAD_TO_BOT
     * @param bots         the bot cars that drove (HEAD_TO_BOT), or null
     * @param crashesPerLap crashes per lap raced (the laps in the result, the unfinished last one included), or
     *                     null in a time trial
     */
    public record Report(String kind, String track, String trackName, double trackLength, String driver, String model,
                         TrialResult result, double wallMs, RaceType raceType, BotConfig bots, Double crashesPerLap) {
    }

    /** Crashes per lap raced (each lap of the result counts, the unfinished last one included); 0 with none. */
    public static double crashesPerLap(TrialResult r) {
        return r.laps().isEmpty() ? 0 : (double) r.crashes() / r.laps().size();
    }

    /**
     * The outcome.
     *
     * @param wallMs      wall time of the race itself [ms]
     * @param traceRows   rows written to the sim-trace (0 without one)
     * @param log         the log written into the model folder, or null
     */
    public record Outcome(Report report, double wallMs, long traceRows, EvaluationLog log) {
        public TrialResult result() {
            return report.result();
        }
    }

    private Evaluation() {
    }

    /** Races {@code driver} (not closed here) and writes the requested files; a failed race leaves no trace file. */
    public static Outcome run(Request r, Driver driver) {
        EnvConfig envConfig = r.env().withReversed(r.reversed());
        TimeTrial trial = r.reward() == null ? new TimeTrial(r.track(), envConfig, r.rules())
                : new TimeTrial(r.track(), envConfig, r.rules(), r.reward());
        TrackGeometry geo = TrackGeometry.of(r.track(), r.reversed());
        LapPlot plot = r.png() == null ? null : new LapPlot(geo).maxSpeed(envConfig.car().maxSpeed());
        EvaluationLog log = r.modelLog() == null ? null : EvaluationLog.open(r.modelLog(), Instant.now());
        SimTraceWriter writer = r.trace() == null ? null : SimTraceWriter.open(r.trace());
        TrialObserver observer = TrialObserver.NONE;
        if (writer != null) {
            observer = observer.andThen(writer.trialObserver());
        }
        if (log != null) {
            observer = observer.andThen(log.observer());
        }
        if (plot != null) {
            observer = observer.andThen(plot.observer());
        }
        // the boxes beside each sim-trace (NAME.objects.json), for racer view --replay
        ObjectTrace.Recorder boxes = envConfig.placedObjects().objects() > 0 && (writer != null || log != null)
                ? new ObjectTrace.Recorder() : null;
        if (boxes != null) {
            observer = observer.andThen(boxes);
        }
        TrialResult result;
        long t0 = System.nanoTime();
        try {
            result = trial.run(driver, r.seed(), observer);
        } catch (RuntimeException e) {
            if (writer != null) {
                writer.abort();
            }
            if (log != null) {
                log.abort();
            }
            throw e;
        }
        double wallMs = (System.nanoTime() - t0) / 1e6;
        long rows = 0;
        if (writer != null) {
            writer.close();
            rows = writer.rows();
            if (boxes != null) {
                boxes.writeBeside(r.trace());
            }
        }
        if (log != null) {
            log.finish(result);
            if (boxes != null) {
                boxes.writeBeside(log.traceFile());
            }
        }
        if (plot != null) {
            plot.title(String.format(Locale.ROOT, "%s on %s%s: %s", result.driver(), r.track().id(),
                    r.reversed() ? " (reversed)" : "", summary(result)));
            for (LapResult l : result.laps()) {
                plot.note(String.format(Locale.ROOT, "lap %d %9s%s", l.lap(), seconds(l.timeMs()),
                        l.completed() ? "" : String.format(Locale.ROOT, " %.0f%%", l.progress())));
            }
            plot.note("");
            plot.note("best  " + orDash(result.bestLapMs()));
            plot.note("avg   " + orDash(result.avgLapMs()));
            plot.note("total " + orDash(result.totalTimeMs()));
            boolean objects = envConfig.placedObjects().objects() > 0 || envConfig.placedBots().count() > 0;
            plot.note("off track " + result.offTracks() + ", resets " + result.resets()
                    + (objects ? ", crashes " + result.crashes() : ""));
            plot.write(r.png());
        }
        RaceType type = envConfig.raceType();
        Report report = new Report("racer-time-trial/1", r.track().id(), r.track().name(), geo.length(),
                result.driver(), r.model(), result, wallMs, type,
                type == RaceType.HEAD_TO_BOT ? envConfig.placedBots() : null,
                type == RaceType.TIME_TRIAL ? null : crashesPerLap(result));
        if (r.json() != null) {
            Jsons.writeAtomically(r.json(), report);
        }
        return new Outcome(report, wallMs, rows, log);
    }

    /** "2/3 laps, best lap 12.345 s". */
    public static String summary(TrialResult r) {
        return r.lapsCompleted() + "/" + r.config().laps() + " laps"
                + (r.bestLapMs() == null ? "" : ", best lap " + seconds(r.bestLapMs()));
    }

    /** Milliseconds as "12.345 s". */
    public static String seconds(long ms) {
        return String.format(Locale.ROOT, "%d.%03d s", ms / 1000, ms % 1000);
    }

    /** {@link #seconds}, or "-" for none. */
    public static String orDash(Long ms) {
        return ms == null ? "-" : seconds(ms);
    }
}
