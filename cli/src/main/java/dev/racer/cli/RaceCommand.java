package dev.racer.cli;

import dev.racer.model.ModelFolder;
import dev.racer.multi.BotConfig;
import dev.racer.multi.HeadToModel;
import dev.racer.multi.MultiCarRace;
import dev.racer.multi.MultiCarWorld;
import dev.racer.race.Driver;
import dev.racer.race.DriverProvider;
import dev.racer.race.EnvConfig;
import dev.racer.race.TimeTrialConfig;
import dev.racer.track.Track;
import dev.racer.trainer.BestCheckpoint;
import dev.racer.trainer.ModelDriverProvider;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code racer race}: a head-to-model race of two or more models on one track. */
@Command(name = "race", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Races two or more models against each other on one track, as DeepRacer's head-to-model race.",
            "Car i (the models' order on the command line) starts 0.75 m x i behind the start line, even cars in the"
                + " outer lane, odd cars in the inner lane; each model drives greedily and sees the others as objects."
                + " A car that runs into a car ahead pays the collision penalty, frozen where it is; off track ="
                + " frozen for the off-track penalty, then back on the centre line. Ranked by finish time, then by"
                + " distance.",
            "Prints the standings; writes them as JSON and one DeepRacer sim-trace per car, which racer view"
                + " --replay DIR replays together."})
final class RaceCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "MODEL", description = "two or more model folders (e.g. models/NAME,"
            + " written by racer train), in grid order")
    List<Path> models;
    @Option(names = "--track", required = true, paramLabel = "ID", description = "track id (racer tracks list)")
    String trackId;
    @Option(names = "--laps", paramLabel = "N", defaultValue = "" + TimeTrialConfig.DEFAULT_LAPS,
            description = "laps (default: ${DEFAULT-VALUE})")
    int laps;
    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "the race's seed: bots and sensor noise (default:"
            + " ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--checkpoint", paramLabel = "best|last", description = "which network of each model races:"
            + " best or last (default: best when training kept one, else last)")
    String checkpoint;
    @Option(names = "--reversed", description = "drive the track in reverse")
    boolean reversed;
    @Option(names = "--offtrack-penalty", paramLabel = "S", defaultValue = "" + TimeTrialConfig.DEFAULT_OFF_TRACK_PENALTY,
            description = "seconds frozen after going off track (default: ${DEFAULT-VALUE})")
    double offTrackPenalty;
    @Option(names = "--collision-penalty", paramLabel = "S",
            defaultValue = "" + TimeTrialConfig.DEFAULT_COLLISION_PENALTY,
            description = "seconds frozen after running into a car ahead (default: ${DEFAULT-VALUE}, DeepRacer's)")
    double collisionPenalty;
    @Option(names = "--time-limit", paramLabel = "S", defaultValue = "" + TimeTrialConfig.DEFAULT_TIME_LIMIT,
            description = "simulation time after which the race ends, unfinished cars ranked by distance (default:"
                    + " ${DEFAULT-VALUE} s)")
    double timeLimit;
    @Option(names = "--bots", paramLabel = "N", defaultValue = "0",
            description = "DeepRacer bot cars on the track too (default: ${DEFAULT-VALUE})")
    int bots;
    @Option(names = "--bot-speed", paramLabel = "M/S", defaultValue = "" + BotConfig.DEFAULT_SPEED,
            description = "the bots' speed along the centre line (default: ${DEFAULT-VALUE} m/s)")
    double botSpeed;
    @Option(names = "--bot-lane-change", description = "the bots change lanes (every 3 to 5 s, the simapp's default)")
    boolean botLaneChange;
    @Option(names = "--json", paramLabel = "FILE", description = "write the result as JSON")
    Path json;
    @Option(names = "--trace-dir", paramLabel = "DIR",
            description = "write one sim-trace CSV per car, DIR/NAME.csv (NAME: the model folder's name), and per bot,"
                    + " DIR/bots/bot-N.csv")
    Path traceDir;

    @Override
    public Integer call() {
        if (models.size() < 2) {
            throw new UserException("a head-to-model race needs at least 2 model folders, got " + models.size()
                    + " (racer evaluate races one model alone)");
        }
        MultiCarRace.Rules rules;
        BotConfig botConfig;
        try {
            rules = new MultiCarRace.Rules(laps, offTrackPenalty, collisionPenalty, timeLimit, EnvConfig.DEFAULT.dt());
            botConfig = BotConfig.of(bots, botSpeed, botLaneChange);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        ModelFolder.Checkpoint which = checkpoint == null ? null
                : parseCheckpoint(checkpoint);
        Track track = TrackOption.load(trackId);
        List<Path> dirs = new ArrayList<>();
        for (Path m : models) {
            dirs.add(resolve(m));
        }
        java.util.Map<Path, String> networks = new java.util.HashMap<>();
        try (HeadToModel.Lineup lineup = HeadToModel.open(dirs, dir -> open(dir, which, networks))) {
            if (!lineup.failures().isEmpty()) {
                StringBuilder b = new StringBuilder();
                b.append(lineup.failures().size() == 1 ? "a model folder" : lineup.failures().size() + " model folders")
                        .append(" did not open, so the race did not start:");
                for (HeadToModel.Failure f : lineup.failures()) {
                    b.append("\n  ").append(f.reason().startsWith(f.folder().toString()) ? f.reason()
                            : f.folder() + ": " + f.reason());
                }
                throw new UserException(b.toString());
            }
            HeadToModel.Request req = new HeadToModel.Request(track, reversed, rules, botConfig, seed,
                    EnvConfig.DEFAULT.car(), traceDir, json);
            HeadToModel.Report report;
            try {
                report = HeadToModel.run(req, lineup);
            } catch (IllegalArgumentException e) {
                String hint = e.getMessage() != null && e.getMessage().contains("start grid")
                        ? " (" + models.size() + " cars need " + String.format(Locale.ROOT, "%.2f",
                        MultiCarWorld.START_POSITION_OFFSET * (models.size() - 1)) + " m of grid behind the line;"
                        + " race fewer models or on a longer track)" : "";
                throw new UserException(e.getMessage() + hint);
            } catch (IllegalStateException | java.io.UncheckedIOException e) {
                throw new UserException(e.getMessage());
            }
            StringBuilder nets = new StringBuilder();
            for (HeadToModel.Entrant e : lineup.entrants()) {
                String n = networks.get(e.folder());
                if (n != null) {
                    nets.append(nets.isEmpty() ? "Networks: " : ", ").append(e.name()).append(' ').append(n);
                }
            }
            if (!nets.isEmpty()) {
                System.out.println(nets);
            }
            printStandings(System.out, track, report);
            if (traceDir != null) {
                Path botDir = traceDir.resolve(HeadToModel.BOT_TRACE_DIR);
                System.out.println("Sim-traces: " + traceDir + " (one per car" + (bots > 0 ? ", the bots' in " + botDir
                        : "") + "; replay them together: racer view --track " + track.id()
                        + (reversed ? " --reversed" : "") + " --replay " + traceDir
                        + (bots > 0 ? " --replay " + botDir : "") + ")");
                warnAboutOtherTraces(report);
            }
            if (json != null) {
                System.out.println("Result: " + json);
            }
            return 0;
        }
    }

    private static ModelFolder.Checkpoint parseCheckpoint(String s) {
        try {
            return ModelFolder.Checkpoint.parse(s, "--checkpoint");
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** {@code NAME} alone may mean {@code models/NAME}, as racer evaluate takes it. */
    private static Path resolve(Path m) {
        if (!Files.isDirectory(m) && !m.isAbsolute() && m.getNameCount() == 1
                && Files.isDirectory(Path.of("models").resolve(m))) {
            return Path.of("models").resolve(m);
        }
        return m;
    }

    /**
     * A model folder's greedy driver; throws {@link IllegalArgumentException} saying why it cannot. Notes in
     * {@code networks} which network of a folder written by racer train races.
     */
    private static Driver open(Path dir, ModelFolder.Checkpoint which, java.util.Map<Path, String> networks) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": no such model folder");
        }
        ModelFolder folder = new ModelFolder(dir);
        if (!Files.isRegularFile(folder.metadata())) {
            if (which != null) {
                throw new IllegalArgumentException(dir + ": --checkpoint picks a network of a folder written by"
                        + " racer train, and this one has no " + dev.racer.model.ModelMetadata.FILE);
            }
            return DriverProvider.openModel(dir);
        }
        ModelFolder.Checkpoint c = which == null ? folder.defaultCheckpoint() : which;
        Driver d = ModelDriverProvider.open(dir, c);
        BestCheckpoint.Score best = c == ModelFolder.Checkpoint.BEST ? BestCheckpoint.read(folder) : null;
        networks.put(dir, c.label() + (best == null ? "" : " (iteration " + best.iteration() + ")"));
        return d;
    }

    static void printStandings(PrintStream out, Track track, HeadToModel.Report r) {
        out.printf(Locale.ROOT, "Head-to-model race: %d cars on %s%s (%s, %.2f m), %d lap%s, seed %d%n",
                r.standings().size(), track.id(), r.reversed() ? " reversed" : "", track.name(), r.trackLength(),
                r.laps(), r.laps() == 1 ? "" : "s", r.seed());
        MultiCarRace.Rules rules = r.rules();
        out.printf(Locale.ROOT, "Rules: off-track penalty %s s, collision penalty %s s (the car behind pays), time"
                + " limit %s s%s%n", trim(rules.offTrackPenalty()), trim(rules.collisionPenalty()),
                trim(rules.timeLimit()), r.bots().count() == 0 ? "" : String.format(Locale.ROOT,
                        "; %d bot cars at %s m/s%s", r.bots().count(), trim(r.bots().speed()),
                        r.bots().laneChange() ? ", changing lanes" : ""));
        int width = 5;
        for (HeadToModel.Standing s : r.standings()) {
            width = Math.max(width, s.name().length());
        }
        out.println();
        out.printf(Locale.ROOT, "  Rank  Grid  %-" + width + "s %10s  Laps  Crashes  Off-track  %-16s  Lap times%n",
                "Model", "Time", "Gap");
        for (HeadToModel.Standing s : r.standings()) {
            String time = s.time() == null ? "-" : String.format(Locale.ROOT, "%.3f s", s.time());
            String gap = !s.finished() ? String.format(Locale.ROOT, "DNF, %.2f m short", s.metresShort())
                    : s.rank() == 1 || s.gap() == null ? "-" : String.format(Locale.ROOT, "+%.3f s", s.gap());
            StringBuilder laps = new StringBuilder();
            for (double t : s.lapTimes()) {
                laps.append(laps.isEmpty() ? "" : "  ").append(String.format(Locale.ROOT, "%.3f", t));
            }
            out.printf(Locale.ROOT, "  %4d  %4d  %-" + width + "s %10s  %d/%d  %7d  %9d  %-16s  %s%n", s.rank(),
                    s.car() + 1, s.name(), time, s.laps(), r.laps(), s.crashes(), s.offTracks(), gap,
                    laps.isEmpty() ? "-" : laps);
        }
        out.println();
        out.printf(Locale.ROOT, "Simulated %.2f s (%d steps) in %.1f ms of wall time%n", r.raceTime(), r.steps(),
                r.wallMs());
    }

    /** Other .csv files in the trace folder would join the replay of the folder. */
    private void warnAboutOtherTraces(HeadToModel.Report r) {
        try (var files = Files.list(traceDir)) {
            List<String> others = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(p -> !r.traces().containsValue(p.toAbsolutePath().toString()))
                    .map(p -> p.getFileName().toString()).sorted().toList();
            if (!others.isEmpty()) {
                System.out.println("Note: " + traceDir + " also holds " + String.join(", ", others)
                        + ", which a replay of the folder shows too");
            }
        } catch (java.io.IOException e) {
            // only a note
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
