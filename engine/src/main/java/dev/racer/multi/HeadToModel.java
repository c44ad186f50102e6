package dev.racer.multi;

import dev.racer.car.CarSpec;
import dev.racer.car.Control;
import dev.racer.car.Dynamics;
import dev.racer.io.Jsons;
import dev.racer.race.Driver;
import dev.racer.race.DriverProvider;
import dev.racer.race.EnvConfig;
import dev.racer.sensor.Sensor;
import dev.racer.trace.SimTraceWriter;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import dev.racer.world.LidarSensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The head-to-model service: several models race each other on one track, as DeepRacer's head-to-model race
 * (a {@link MultiCarWorld} start grid, {@link MultiCarRace}'s rules), each driven greedily by its own
 * {@link Driver} that sees the race from its own car ({@link MultiCarView}: its pose, the track, the other cars
 * and the bots as objects). Returns the standings and writes, on request, the result as JSON and one
 * DeepRacer sim-trace per car ({@code racer view --replay DIR} replays them together). {@code racer race}
 * calls it; it lives in the engine, which opens model folders through {@link DriverProvider}, so the league
 * can call it too.
 *
 * <p>Deterministic for a seed (greedy drivers, seeded bots; car {@code i}'s random source is seeded from the
 * seed and {@code i}). Opening models ({@link #open}) does not stop at a broken folder: the {@link Lineup}
 * lists what failed, and {@link #run(Request, Lineup)} races the others and names the missing ones in the
 * report.
 */
public final class HeadToModel {
    /** What {@code --json} writes. */
    public static final String KIND = "racer-head-to-model/1";
    /** The trace folder's sub-folder for the bots' traces ({@code bot-N.csv}). */
    public static final String BOT_TRACE_DIR = "bots";

    private HeadToModel() {
    }

    /**
     * One car of the race.
     *
     * @param name   unique within the race: tables, the trace's file name
     * @param folder the model folder it was opened from, or null (a built-in driver)
     * @param driver its greedy driver (closed by {@link Lineup#close()})
     */
    public record Entrant(String name, Path folder, Driver driver) {
        public Entrant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(driver, "driver");
        }
    }

    /** A model folder that could not be opened, and why. */
    public record Failure(String name, Path folder, String reason) {
    }

    /** The cars that will race, in grid order, and the folders that failed to open. */
    public record Lineup(List<Entrant> entrants, List<Failure> failures) implements AutoCloseable {
        public Lineup {
            entrants = List.copyOf(entrants);
            failures = List.copyOf(failures);
        }

        /** Closes every driver. */
        @Override
        public void close() {
            for (Entrant e : entrants) {
                e.driver().close();
            }
        }
    }

    /**
     * Opens each folder with {@code opener} (e.g. {@link DriverProvider#openModel}), in order; a folder whose
     * opener throws is listed as a failure with the exception's message, and the others are opened still.
     * Names come from the folders' names, made unique ({@code name}, {@code name-2}...).
     */
    public static Lineup open(List<Path> folders, Function<Path, Driver> opener) {
        List<String> names = names(folders);
        List<Entrant> ok = new ArrayList<>();
        List<Failure> failed = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            Path f = folders.get(i);
            try {
                ok.add(new Entrant(names.get(i), f, Objects.requireNonNull(opener.apply(f), "no driver")));
            } catch (RuntimeException e) {
                failed.add(new Failure(names.get(i), f, e.getMessage() == null ? e.toString() : e.getMessage()));
            }
        }
        return new Lineup(ok, failed);
    }

    /** The cars' names for these folders: each folder's name, with {@code -2}, {@code -3}... for repeats. */
    public static List<String> names(List<Path> folders) {
        List<String> out = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Path f : folders) {
            Path n = f.toAbsolutePath().normalize().getFileName();
            String base = n == null ? "model" : n.toString();
            String name = base;
            for (int k = 2; !taken.add(name); k++) {
                name = base + "-" + k;
            }
            out.add(name);
        }
        return out;
    }

    /**
     * What to race and what to write.
     *
     * @param track    the track
     * @param reversed drive it in reverse
     * @param rules    laps, penalties [s], time limit [s], control step [s]
     * @param bots     bot cars on the track too ({@link BotConfig#NONE}: none)
     * @param seed     the race's seed
     * @param car      every car's spec
     * @param traceDir folder for one sim-trace CSV per car ({@code NAME.csv}) and per bot
     *                 ({@code bots/bot-N.csv}), or null
     * @param json     the result as JSON, or null
     */
    public record Request(Track track, boolean reversed, MultiCarRace.Rules rules, BotConfig bots, long seed,
                          CarSpec car, Path traceDir, Path json) {
        public Request {
            Objects.requireNonNull(track, "track");
            Objects.requireNonNull(rules, "rules");
            bots = bots == null ? BotConfig.NONE : bots;
            car = car == null ? EnvConfig.DEFAULT.car() : car;
        }

        /** {@code laps} laps with DeepRacer's penalties, the default time limit and step, no bots, no files. */
        public static Request of(Track track, int laps, long seed) {
            return new Request(track, false, defaultRules(laps), BotConfig.NONE, seed, null, null, null);
        }
    }

    /** DeepRacer's off-track (2 s) and collision (5 s) penalties, a 600 s limit and the engine's 1/15 s step. */
    public static MultiCarRace.Rules defaultRules(int laps) {
        return new MultiCarRace.Rules(laps, dev.racer.race.TimeTrialConfig.DEFAULT_OFF_TRACK_PENALTY,
                dev.racer.race.TimeTrialConfig.DEFAULT_COLLISION_PENALTY,
                dev.racer.race.TimeTrialConfig.DEFAULT_TIME_LIMIT, EnvConfig.DEFAULT.dt());
    }

    /**
     * One car's result.
     *
     * @param rank        1 = winner: finished cars by finish time, then the others by distance covered
     * @param car         grid position, from 0 (car {@code i} starts 0.75 m × i behind the line)
     * @param name        the car's name
     * @param model       its model folder, or null
     * @param finished    whether it covered every lap
     * @param laps        laps completed
     * @param time        finish time [s], penalties included, or null if it did not finish
     * @param lapTimes    each completed lap's time [s]; the first includes the metres from the grid to the line
     * @param crashes     crashes it paid for (it ran into a car ahead)
     * @param offTracks   times off track
     * @param distance    centre-line metres covered since its grid position
     * @param gap         seconds behind the winner (finished cars; 0 for the winner), or null
     * @param metresShort centre-line metres it still had to cover when the race ended (0 if it finished)
     */
    public record Standing(int rank, int car, String name, String model, boolean finished, int laps, Double time,
                           List<Double> lapTimes, int crashes, int offTracks, double distance, Double gap,
                           double metresShort) {
    }

    /**
     * What {@code --json} writes.
     *
     * @param raceTime  the race clock at the end [s]
     * @param steps     steps of the race
     * @param notRaced  folders that could not be opened (their cars did not start)
     * @param traces    trace file per car name, then per bot ({@code bots/bot-N}); none without a trace folder
     * @param wallMs    wall time of the race [ms]
     */
    public record Report(String kind, String track, String trackName, double trackLength, boolean reversed, int laps,
                         long seed, MultiCarRace.Rules rules, BotConfig bots, double raceTime, int steps,
                         List<Standing> standings, List<Failure> notRaced, Map<String, String> traces, double wallMs) {
    }

    /** Races the lineup's cars, listing its failures in the report as not raced. */
    public static Report run(Request r, Lineup lineup) {
        return run(r, lineup.entrants(), lineup.failures());
    }

    /** Races {@code entrants} (drivers not closed here). */
    public static Report run(Request r, List<Entrant> entrants) {
        return run(r, entrants, List.of());
    }

    /**
     * Races {@code entrants} in grid order and writes the requested files (no trace file is left behind if the
     * race fails).
     *
     * @throws IllegalArgumentException the grid does not fit the track (naming it and the cars), or the rules
     *                                  and bots do not fit it
     * @throws IllegalStateException    a driver failed mid-race (naming the car)
     */
    public static Report run(Request r, List<Entrant> entrants, List<Failure> notRaced) {
        int n = entrants.size();
        if (n == 0) {
            throw new IllegalArgumentException("no cars to race");
        }
        Set<String> names = new HashSet<>();
        for (Entrant e : entrants) {
            if (!names.add(e.name())) {
                throw new IllegalArgumentException("two cars are called " + e.name() + "; names must be unique");
            }
        }
        TrackGeometry g = TrackGeometry.of(r.track(), r.reversed());
        CarSpec spec = r.car();
        MultiCarWorld world = new MultiCarWorld(g, spec, n, r.bots());
        MultiCarView[] views = new MultiCarView[n];
        Sensor[] sensors = new Sensor[n];
        float[][] obs = new float[n][];
        CarLog[] logs = new CarLog[n];
        MultiCarRace.Controller[] controllers = new MultiCarRace.Controller[n];
        for (int i = 0; i < n; i++) {
            views[i] = new MultiCarView(world, i);
            sensors[i] = entrants.get(i).driver().newSensor();
            obs[i] = new float[sensors[i].size()];
            int car = i;
            controllers[i] = (w, c, steer, speed) -> drive(entrants.get(car), views[car], sensors[car], obs[car],
                    logs[car], steer, speed);
        }
        MultiCarRace race = new MultiCarRace(world, r.rules(), controllers);
        Map<String, String> traceFiles = new LinkedHashMap<>();
        SimTraceWriter[] writers = new SimTraceWriter[n];
        BotLog[] botLogs = new BotLog[r.traceDir() == null ? 0 : world.botCount()];
        Set<String> files = new HashSet<>();
        try {
            for (int i = 0; i < n; i++) {
                if (r.traceDir() != null) {
                    String file = fileName(entrants.get(i).name());
                    for (int k = 2; !files.add(file); k++) {
                        file = fileName(entrants.get(i).name()) + "-" + k;
                    }
                    writers[i] = SimTraceWriter.open(r.traceDir().resolve(file + ".csv"));
                    traceFiles.put(entrants.get(i).name(), writers[i].file().toString());
                }
                logs[i] = new CarLog(race, views[i], writers[i]);
            }
            for (int b = 0; b < botLogs.length; b++) {
                // in a folder of their own: a replay of the folder shows the racing cars, add the bots' to see them
                botLogs[b] = new BotLog(race, b, SimTraceWriter.open(r.traceDir().resolve(BOT_TRACE_DIR)
                        .resolve("bot-" + b + ".csv")));
                traceFiles.put(BOT_TRACE_DIR + "/bot-" + b, botLogs[b].writer().file().toString());
            }
            long t0 = System.nanoTime();
            race.start(r.seed());
            for (int i = 0; i < n; i++) {
                long carSeed = r.seed() * 0x9E3779B97F4A7C15L + i;
                if (sensors[i] instanceof LidarSensor lidar) {
                    lidar.reseed(carSeed);
                }
                logs[i].start(carSeed);
                entrants.get(i).driver().reset(views[i]);
            }
            for (BotLog b : botLogs) {
                b.start();
            }
            int steps = 0;
            boolean more;
            do {
                more = race.step();
                steps++;
                for (CarLog log : logs) {
                    log.afterStep();
                }
                for (BotLog b : botLogs) {
                    b.afterStep();
                }
            } while (more);
            double wallMs = (System.nanoTime() - t0) / 1e6;
            for (SimTraceWriter w : writers) {
                if (w != null) {
                    w.close();
                }
            }
            for (BotLog b : botLogs) {
                b.writer().close();
            }
            Report report = new Report(KIND, r.track().id(), r.track().name(), g.length(), r.reversed(),
                    r.rules().laps(), r.seed(), r.rules(), r.bots(), round(race.clock()), steps,
                    standings(race, entrants, logs), List.copyOf(notRaced), traceFiles, wallMs);
            if (r.json() != null) {
                Jsons.writeAtomically(r.json(), report);
            }
            return report;
        } catch (RuntimeException e) {
            for (SimTraceWriter w : writers) {
                if (w != null) {
                    w.abort();
                }
            }
            for (BotLog b : botLogs) {
                if (b != null) {
                    b.writer().abort();
                }
            }
            throw e;
        }
    }

    private static void drive(Entrant e, MultiCarView view, Sensor sensor, float[] obs, CarLog log, double[] steer,
                              double[] speed) {
        int car = view.car();
        view.update(log.progress(), view.params().simTime());
        sensor.observe(view, obs);
        Control c;
        try {
            c = e.driver().act(view, obs);
        } catch (RuntimeException ex) {
            throw new IllegalStateException(e.name() + (e.folder() == null ? "" : " (" + e.folder() + ")")
                    + ": its driver failed at step " + view.steps() + ": " + ex.getMessage(), ex);
        }
        CarSpec spec = view.carSpec();
        steer[car] = Dynamics.clipSteering(c.steeringAngle(), spec);
        speed[car] = Dynamics.clipSpeed(c.speed(), spec);
        view.command(steer[car], speed[car]);
        log.acted(e.driver().lastAction());
    }

    private static List<Standing> standings(MultiCarRace race, List<Entrant> entrants, CarLog[] logs) {
        List<MultiCarRace.CarResult> rows = race.standings();
        double lapsLength = race.world().geometry().length() * race.rules().laps();
        MultiCarRace.CarResult first = rows.get(0);
        List<Standing> out = new ArrayList<>(rows.size());
        for (MultiCarRace.CarResult c : rows) {
            CarLog log = logs[c.car()];
            List<Double> lapTimes = new ArrayList<>(log.lapsDone());
            for (int l = 0; l < log.lapsDone(); l++) {
                lapTimes.add(round(log.lapTime(l)));
            }
            Entrant e = entrants.get(c.car());
            Double gap = c.finished() && first.finished() ? round(c.time() - first.time()) : null;
            double shortBy = c.finished() ? 0 : Math.max(0, lapsLength - race.world().distance(c.car()));
            out.add(new Standing(c.rank(), c.car(), e.name(), e.folder() == null ? null : e.folder().toString(),
                    c.finished(), log.lapsDone(), c.finished() ? round(c.time()) : null, List.copyOf(lapTimes),
                    c.crashes(), c.offTracks(), round(c.distance()), gap, round(shortBy)));
        }
        return List.copyOf(out);
    }

    /** A car's name as a file name: letters, digits, {@code . _ -}; anything else becomes {@code _}. */
    public static String fileName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.startsWith(".") ? "_" + s : s;
    }

    /** To the millisecond: race times are multiples of the step, which print as long decimals. */
    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
