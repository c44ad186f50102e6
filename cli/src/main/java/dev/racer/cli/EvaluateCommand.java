package dev.racer.cli;

import dev.racer.evaluate.Evaluation;
import dev.racer.io.Jsons;
import dev.racer.race.BuiltInDriver;
import dev.racer.race.Driver;
import dev.racer.race.LapResult;
import dev.racer.race.DriverProvider;
import dev.racer.model.ModelFolder;
import dev.racer.trainer.BestCheckpoint;
import dev.racer.trainer.ModelDriverProvider;
import dev.racer.race.RankingRule;
import dev.racer.race.StuckRule;
import dev.racer.race.TimeTrialConfig;
import dev.racer.race.TrialResult;
import dev.racer.reward.RewardException;
import dev.racer.reward.RewardFunction;
import dev.racer.reward.Rewards;
import dev.racer.track.Track;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code racer evaluate}: a DeepRacer time trial of a model or a built-in driver. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Races a time trial under DeepRacer's rules: laps raced continuously from the start line,",
            "timed in simulation time; off track = frozen for the penalty, then back on the centre line.",
            "Prints a table; writes the result as JSON, a DeepRacer sim-trace CSV and a picture of the laps."})
final class EvaluateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL",
            description = "a model folder (e.g. models/NAME, written by racer train)")
    Path model;
    @Option(names = "--checkpoint", paramLabel = "best|last", description = "which of the model's networks races:"
            + " best (the training iteration with the best evaluation laps) or last (default: best when training kept"
            + " one, else last)")
    String checkpoint;
    @Option(names = "--driver", paramLabel = "NAME", converter = DriverOption.class,
            description = "a built-in driver instead of a model: ${COMPLETION-CANDIDATES}", completionCandidates = DriverOption.class)
    BuiltInDriver driverName;
    @Option(names = "--track", required = true, paramLabel = "ID", description = "track id (racer tracks list)")
    String trackId;
    @Option(names = "--laps", paramLabel = "N", description = "laps (default: " + TimeTrialConfig.DEFAULT_LAPS + ")")
    Integer laps;
    @Option(names = "--offtrack-penalty", paramLabel = "S", description = "seconds frozen after going off track (default: "
            + TimeTrialConfig.DEFAULT_OFF_TRACK_PENALTY + ")")
    Double offTrackPenalty;
    @Option(names = "--max-resets", paramLabel = "N",
            description = "resets allowed in the trial; 0 = the first off-track ends it (default: unlimited)")
    Integer maxResets;
    @Option(names = "--on-stuck", paramLabel = "end|reset",
            description = "a reversed or immobilised car ends the trial, or is reset like an off-track (default: end)")
    String onStuck;
    @Option(names = "--ranking", paramLabel = "RULE",
            description = "best_lap_time, avg_lap_time or total_time (default: best_lap_time)")
    String ranking;
    @Option(names = "--avg-laps", paramLabel = "N", description = "consecutive laps averaged by avg_lap_time (default: "
            + TimeTrialConfig.DEFAULT_AVG_LAPS + ")")
    Integer avgLaps;
    @Option(names = "--time-limit", paramLabel = "S", description = "simulation time after which the trial ends (default: "
            + TimeTrialConfig.DEFAULT_TIME_LIMIT + " s)")
    Double timeLimit;
    @Option(names = "--rules", paramLabel = "FILE",
            description = "time-trial rules as JSON (TimeTrialConfig fields); the options above override it")
    Path rulesFile;
    @picocli.CommandLine.Mixin
    ObjectOptions objectOptions = new ObjectOptions();
    @Option(names = "--collision-penalty", paramLabel = "S", description = "seconds frozen after crashing into a box"
            + " (default: " + TimeTrialConfig.DEFAULT_COLLISION_PENALTY + ", DeepRacer's)")
    Double collisionPenalty;
    @Option(names = "--reversed", description = "drive the track in reverse")
    boolean reversed;
    @Option(names = "--legacy-waypoints", description = TrackOption.LEGACY_WAYPOINTS)
    boolean legacyWaypoints;
    @Option(names = "--seed", defaultValue = "0", description = "reset seed (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--reward", paramLabel = "SPEC",
            description = "reward function for the trace's reward column: a built-in name, java:CLASS or a file (default: none, 0)")
    String reward;
    @Option(names = "--trace", paramLabel = "FILE", description = "write a per-step sim-trace CSV (DeepRacer's columns)")
    Path trace;
    @Option(names = "--no-model-log", description = "do not log the trial into the model folder (by default a model's"
            + " trial is logged as DeepRacer-for-Cloud logs an evaluation: MODEL/evaluation-STAMP/evaluation-simtrace/"
            + "0-iteration.csv and MODEL/metrics/EvaluationMetrics-STAMP.json, which deepracer-utils reads)")
    boolean noModelLog;
    @Option(names = "--json", paramLabel = "FILE", description = "write the result as JSON")
    Path json;
    @Option(names = "--png", paramLabel = "FILE", description = "draw the laps on the track, coloured by speed")
    Path png;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        TimeTrialConfig rules = rules();
        Track track = TrackOption.load(trackId, legacyWaypoints);
        RewardFunction rewardFn = null;
        if (reward != null) {
            try {
                rewardFn = Rewards.load(reward);
            } catch (RewardException e) {
                throw new UserException(e.getMessage());
            }
        }
        dev.racer.race.EnvConfig env = envConfig(track);
        try (Driver driver = openDriver(); RewardFunction rf = rewardFn) {
            double startupMs = (System.nanoTime() - start) / 1e6;
            Evaluation.Outcome o;
            try {
                o = Evaluation.run(new Evaluation.Request(track, reversed, rules, seed, rf,
                        model == null ? null : model.toString(), trace, json, png, env,
                        model == null || noModelLog ? null : model), driver);
            } catch (java.io.UncheckedIOException e) {
                throw new UserException(e.getMessage() + " (--no-model-log races without logging into the model folder)");
            }
            printTable(System.out, title(env), track, o.result(), o.wallMs(), startupMs);
            printRace(System.out, o.report());
            if (png != null) {
                System.out.println("Picture: " + png);
            }
            if (o.log() != null) {
                System.out.println("Logged in the model folder: " + o.log().traceFile() + ", " + o.log().metricsFile());
            }
            if (trace != null) {
                System.out.println("Sim-trace: " + trace + " (" + o.traceRows() + " rows)");
            }
            if (json != null) {
                System.out.println("Result: " + json);
            }
            return 0;
        }
    }

    /** The model's stored race type and objects (training_params.json), unless the flags say otherwise. */
    private dev.racer.race.EnvConfig envConfig(Track track) {
        dev.racer.race.EnvConfig base = dev.racer.race.EnvConfig.DEFAULT;
        Path dir = model == null ? null : modelDir();
        if (dir != null) {
            try {
                base = dev.racer.trainer.Trainer.storedEnv(new dev.racer.model.ModelFolder(dir));
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
        }
        dev.racer.race.EnvConfig c = objectOptions.apply(base, track, false);
        try {
            dev.racer.world.ObjectPlacer.validate(c.placedObjects(), dev.racer.track.TrackGeometry.of(track, reversed));
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage() + " (the model's training_params.json)");
        }
        ObjectOptions.checkBots(c.withReversed(reversed), track, " (the model's training_params.json)");
        return c;
    }

    private Path modelDir() {
        Path dir = model;
        if (!Files.isDirectory(dir) && !dir.isAbsolute() && dir.getNameCount() == 1
                && Files.isDirectory(Path.of("models").resolve(dir))) {
            dir = Path.of("models").resolve(dir);
        }
        return Files.isDirectory(dir) ? dir : null;
    }

    private TimeTrialConfig rules() {
        TimeTrialConfig c = TimeTrialConfig.DEFAULT;
        if (rulesFile != null) {
            try {
                c = Jsons.mapper().readValue(rulesFile.toFile(), TimeTrialConfig.class);
            } catch (IOException e) {
                throw new UserException(rulesFile + ": not valid time-trial rules: " + rootMessage(e));
            }
        }
        try {
            if (laps != null) {
                c = c.withLaps(laps);
            }
            if (offTrackPenalty != null) {
                c = c.withOffTrackPenalty(offTrackPenalty);
            }
            if (maxResets != null) {
                if (maxResets < 0) {
                    throw new UserException("--max-resets must be >= 0 (leave it out for unlimited)");
                }
                c = c.withMaxResets(maxResets);
            }
            if (onStuck != null) {
                c = c.withOnStuck(switch (onStuck.toLowerCase(Locale.ROOT)) {
                    case "end" -> StuckRule.END;
                    case "reset" -> StuckRule.RESET;
                    default -> throw new UserException("--on-stuck must be end or reset, not \"" + onStuck + "\"");
                });
            }
            if (ranking != null) {
                c = c.withRanking(RankingRule.parse(ranking));
            }
            if (avgLaps != null) {
                c = c.withAvgLaps(avgLaps);
            }
            if (timeLimit != null) {
                c = c.withTimeLimit(timeLimit);
            }
            if (collisionPenalty != null) {
                c = c.withCollisionPenalty(collisionPenalty);
            }
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        return c;
    }

    private Driver openDriver() {
        if ((model == null) == (driverName == null)) {
            throw new UserException("give a model folder (racer evaluate models/NAME ...) or --driver NAME, not "
                    + (model == null ? "neither" : "both"));
        }
        if (driverName != null) {
            if (checkpoint != null) {
                throw new UserException("--checkpoint picks a model folder's network; --driver " + driverName
                        + " has none");
            }
            return driverName.create();
        }
        Path dir = model;
        if (!Files.isDirectory(dir) && !dir.isAbsolute() && dir.getNameCount() == 1
                && Files.isDirectory(Path.of("models").resolve(dir))) {
            dir = Path.of("models").resolve(dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new UserException(model + ": no such model folder");
        }
        try {
            return openCheckpoint(dir, checkpoint);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /**
     * A model folder's greedy driver from {@code checkpoint} (best|last; null: the folder's default, best when
     * training kept one), saying which one on stdout; folders another provider opens are opened by it.
     */
    static Driver openCheckpoint(Path dir, String checkpoint) {
        ModelFolder folder = new ModelFolder(dir);
        if (!Files.isRegularFile(folder.metadata())) {
            if (checkpoint != null) {
                throw new UserException("--checkpoint: " + dir + " has no " + ModelFolder.BEST_DIR + "/ or model/"
                        + " network written by racer train");
            }
            return DriverProvider.openModel(dir);
        }
        ModelFolder.Checkpoint c = checkpoint == null ? folder.defaultCheckpoint()
                : ModelFolder.Checkpoint.parse(checkpoint, "--checkpoint");
        Driver d = ModelDriverProvider.open(dir, c);
        BestCheckpoint.Score best = c == ModelFolder.Checkpoint.BEST ? BestCheckpoint.read(folder) : null;
        System.out.println("Checkpoint: " + c.label() + (best == null ? "" : String.format(Locale.ROOT,
                " (iteration %d: evaluation %.0f%% of laps completed%s)", best.iteration(), 100 * best.completionRate(),
                Double.isNaN(best.meanLap()) ? "" : String.format(Locale.ROOT, ", mean lap %.2f s", best.meanLap()))));
        return d;
    }

    static void printTable(PrintStream out, Track track, TrialResult r, double wallMs, double startupMs) {
        printTable(out, "Time trial", track, r, wallMs, startupMs);
    }

    /** The race's name on the first line of the table. */
    private static String title(dev.racer.race.EnvConfig env) {
        return switch (env.raceType()) {
            case TIME_TRIAL -> "Time trial";
            case OBJECT_AVOIDANCE -> "Object avoidance";
            case HEAD_TO_BOT -> "Head-to-bot";
            case HEAD_TO_MODEL -> "Head-to-model"; // EnvConfig refuses it: racer race races several models
        };
    }

    static void printTable(PrintStream out, String title, Track track, TrialResult r, double wallMs,
                           double startupMs) {
        TimeTrialConfig c = r.config();
        out.printf(Locale.ROOT, "%s: %s on %s%s (%s), %d lap%s, seed %d%n", title, r.driver(), track.id(),
                r.reversed() ? " reversed" : "", track.name(), c.laps(), c.laps() == 1 ? "" : "s", r.seed());
        out.printf(Locale.ROOT, "Rules: off-track penalty %s s, resets %s, reversed/immobilised %s, ranked by %s%n",
                trim(c.offTrackPenalty()), c.unlimitedResets() ? "unlimited" : String.valueOf(c.maxResets()),
                c.onStuck() == StuckRule.END ? "end the trial" : "count as resets",
                c.ranking().key() + (c.ranking() == RankingRule.AVG_LAP_TIME ? " over " + c.avgLaps() + " laps" : ""));
        out.println();
        out.println("  Lap      Time   Steps  Penalty  Off-track  Crashes  Resets  Progress  Mean speed  Top speed");
        for (LapResult l : r.laps()) {
            out.printf(Locale.ROOT, "  %3d %9s %7d %8s %10d %8d %7d %8.1f%% %7.2f m/s %6.2f m/s%n", l.lap(),
                    seconds(l.timeMs()), l.steps(), seconds(l.penaltyMs()), l.offTracks(), l.crashes(), l.resets(),
                    l.progress(), l.meanSpeed(), l.maxSpeed());
        }
        out.println();
        out.printf(Locale.ROOT, "%s: %s%n", capitalise(r.status().label()), summary(r));
        out.printf(Locale.ROOT, "Best lap %s   average of %d %s   total %s   off track %d   crashes %d   resets %d%n",
                orDash(r.bestLapMs()), c.avgLaps(), orDash(r.avgLapMs()), orDash(r.totalTimeMs()), r.offTracks(),
                r.crashes(), r.resets());
        out.printf(Locale.ROOT, "Score (%s): %s%n", c.ranking().key(),
                r.score() == null ? "none (does not qualify)" : seconds(r.score()));
        out.printf(Locale.ROOT, "Simulated %.2f s in %.1f ms of wall time (%.0fx real time; start-up %.0f ms)%n",
                r.elapsedMs() / 1000.0, wallMs, r.elapsedMs() / Math.max(wallMs, 1e-3), startupMs);
    }

    /** The race type's lines under the table: the bots and the crashes per lap (nothing for a time trial). */
    static void printRace(PrintStream out, Evaluation.Report report) {
        if (report.raceType() == null || report.raceType() == dev.racer.race.RaceType.TIME_TRIAL) {
            return;
        }
        dev.racer.multi.BotConfig b = report.bots();
        String what = b == null ? "boxes" : String.format(Locale.ROOT, "%d bot car%s at %s m/s, lane changes %s",
                b.count(), b.count() == 1 ? "" : "s", trim(b.speed()), b.laneChange() ? "on" : "off");
        out.printf(Locale.ROOT, "Race type %s (%s): crashes per lap %.2f (%d in %d lap%s), collision penalty %s s%n",
                report.raceType(), what, report.crashesPerLap(), report.result().crashes(),
                report.result().laps().size(), report.result().laps().size() == 1 ? "" : "s",
                trim(report.result().config().collisionPenalty()));
    }

    private static String summary(TrialResult r) {
        return Evaluation.summary(r);
    }

    static String seconds(long ms) {
        return Evaluation.seconds(ms);
    }

    private static String orDash(Long ms) {
        return Evaluation.orDash(ms);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? e.getMessage() : t.getMessage();
    }
}
