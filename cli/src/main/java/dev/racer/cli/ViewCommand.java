package dev.racer.cli;

import dev.racer.race.BuiltInDriver;
import dev.racer.race.BuiltInDrivers;
import dev.racer.race.Driver;
import dev.racer.race.DriverProvider;
import dev.racer.race.EnvConfig;
import dev.racer.render.Cameras;
import dev.racer.render.TrackScene;
import dev.racer.reward.Rewards;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import dev.racer.race.PurePursuitDriver;
import dev.racer.view.GlContext;
import dev.racer.view.HeadlessRenderer;
import dev.racer.view.LiveSource;
import dev.racer.view.ReplaySource;
import dev.racer.view.Source;
import dev.racer.view.TraceCsv;
import dev.racer.view.Viewer;
import dev.racer.view.ViewState;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code racer view}: watch a model (or the built-in driver) race live, or replay a trace; or take a screenshot. */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = {"Watches a car lap in a 3D window: a model folder drives live, --driver follow uses the built-in"
                + " centre-line follower, --replay replays sim-trace CSVs (one per car: repeat it, or give a folder of"
                + " them, to watch a race of several cars).",
            "Keys: 1 chase, 2 top-down, 3 on-board, C next camera, V sensor frame; Tab/Shift+Tab next/previous car,"
                + " F1..F9 car 1..9; Space pause, Right step, Up/Down faster/slower, 0 real time; Esc quits.",
            "With --screenshot it renders one picture with no display (OpenGL over EGL) and exits."})
public final class ViewCommand implements Runnable {
    @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL_DIR", description = "model folder to drive live")
    Path model;

    @CommandLine.Mixin
    TrackMixin track;

    @CommandLine.Mixin
    ObjectOptions objectOptions = new ObjectOptions();

    @Option(names = {"--replay", "--trace"}, paramLabel = "FILE|DIR",
            description = "replay this sim-trace CSV instead of driving live; repeat it for several cars raced together,"
                    + " or give a folder whose .csv files are one car each")
    List<Path> traces;

    @Option(names = "--follow", paramLabel = "N|NAME", defaultValue = "1",
            description = "the car the camera follows: its number (1 for the first) or name (default: ${DEFAULT-VALUE})")
    String follow;

    @Option(names = "--driver", paramLabel = "NAME", converter = DriverOption.class,
            description = "driver when no model is given: follow (alias pure-pursuit), the centre-line follower")
    BuiltInDriver driver;

    @Option(names = "--reward", defaultValue = "center_line", description = "reward shown live (default: ${DEFAULT-VALUE})")
    String reward;

    @Option(names = "--reversed", description = "drive the track in reverse")
    boolean reversed;

    @Option(names = "--camera", defaultValue = "chase", description = "chase, top or onboard (default: ${DEFAULT-VALUE})")
    String camera;

    @Option(names = "--size", defaultValue = "1280x720", paramLabel = "WxH", description = "window or picture size (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--screenshot", paramLabel = "PNG", description = "write one headless picture and exit")
    Path screenshot;

    @Option(names = "--at-step", defaultValue = "0", paramLabel = "N", description = "the screenshot's step (default: ${DEFAULT-VALUE})")
    int atStep;

    @Option(names = "--no-hud", description = "leave the HUD out")
    boolean noHud;

    @Option(names = "--sensor", description = "show the camera sensor's 160x120 grayscale frame in a corner (key V)")
    boolean sensorInset;

    @Option(names = "--speed", defaultValue = "1", description = "playback speed: 0.125 .. 16 (default: ${DEFAULT-VALUE})")
    double speed;

    @Option(names = "--max-speed", defaultValue = "2.0", description = "the follower's top speed [m/s] (default: ${DEFAULT-VALUE})")
    double maxSpeed;

    @Option(names = "--frames", defaultValue = "0", description = "quit after this many frames (0: when closed)")
    long frames;

    @Option(names = "--fps", description = "print the frame rate every second")
    boolean printFps;

    @Option(names = "--no-vsync", description = "do not wait for the display's refresh (to measure frames/s)")
    boolean noVsync;

    @Override
    public void run() {
        int[] wh = parseSize(size);
        Cameras.Mode mode;
        try {
            mode = Cameras.Mode.parse(camera);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        if (atStep < 0) {
            throw new UserException("--at-step must be >= 0");
        }
        Track t = track.load();
        EnvConfig config = envConfig(t);
        TrackScene scene = TrackScene.of(TrackGeometry.of(t, reversed));
        try (Source source = source(t, config)) {
            for (double s = 1; s < speed - 1e-9; s *= 2) {
                source.faster();
            }
            for (double s = 1; s > speed + 1e-9; s /= 2) {
                source.slower();
            }
            if (screenshot != null) {
                source.seek(atStep);
                int car = followIndex(source.state());
                try (HeadlessRenderer r = HeadlessRenderer.open(scene, config.car(), wh[0], wh[1])) {
                    HeadlessRenderer.writePng(r.image(source.state(), car, mode, !noHud, sensorInset), screenshot);
                    System.out.printf(Locale.ROOT, "wrote %s: %dx%d, %s camera, step %d (%s)%n", screenshot, wh[0], wh[1],
                            mode.name().toLowerCase(Locale.ROOT), source.state().step, r.describe());
                }
                return;
            }
            Viewer.Stats stats = new Viewer(scene, config.car(), source,
                    new Viewer.Options(wh[0], wh[1], mode, !noVsync, frames, printFps, sensorInset,
                            followIndex(source.state())), System.out).run();
            System.out.printf(Locale.ROOT, "viewer: %d frames in %.1f s: %.1f frames/s at %dx%d (%s)%n", stats.frames(),
                    stats.seconds(), stats.fps(), wh[0], wh[1], stats.renderer());
        } catch (GlContext.GlException e) {
            throw new UserException(e.getMessage(), 4);
        } catch (java.io.IOException e) {
            throw new UserException("cannot write " + screenshot + ": " + e.getMessage());
        }
    }

    /**
     * Live: the model's stored race type and objects (training_params.json), unless the object flags say
     * otherwise, as {@code racer evaluate}. A replay's boxes come from its trace's NAME.objects.json.
     */
    private EnvConfig envConfig(Track t) {
        EnvConfig base = EnvConfig.DEFAULT;
        if (traces != null && !traces.isEmpty()) {
            if (objectOptions.given()) {
                throw new UserException("--race-type and the object flags are for live views; a replay shows the"
                        + " boxes recorded beside its trace (NAME.objects.json, written by racer evaluate)");
            }
        } else if (model != null && java.nio.file.Files.isRegularFile(model.resolve("training_params.json"))) {
            try {
                base = dev.racer.trainer.Trainer.storedEnv(new dev.racer.model.ModelFolder(model));
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
        }
        return objectOptions.apply(base, t, false).withReversed(reversed);
    }

    private Source source(Track t, EnvConfig config) {
        if (traces != null && !traces.isEmpty()) {
            if (model != null || driver != null) {
                throw new UserException("give either --replay FILE or a model folder / --driver, not both");
            }
            List<ReplaySource.Car> cars;
            try {
                cars = TraceCsv.cars(traces, config.car().frontPointOffset());
            } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
                throw new UserException(e.getMessage());
            }
            String what = cars.size() == 1 ? traces.get(0).getFileName().toString() : cars.size() + " CARS";
            return ReplaySource.of(cars, "REPLAY " + what);
        }
        Driver d;
        String label;
        String carName;
        if (model != null) {
            if (driver != null) {
                throw new UserException("give either a model folder or --driver, not both");
            }
            try {
                d = DriverProvider.openModel(model);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            label = "LIVE " + model.getFileName();
            carName = model.getFileName().toString();
        } else {
            BuiltInDriver builtIn = driver == null ? BuiltInDrivers.byName("pure-pursuit") : driver;
            if (builtIn instanceof BuiltInDrivers.PurePursuit) {
                // the viewer's --max-speed caps the follower's speed profile
                PurePursuitDriver.Tuning t0 = PurePursuitDriver.Tuning.DEFAULT;
                d = new PurePursuitDriver(new PurePursuitDriver.Tuning(t0.lookaheadBase(), t0.lookaheadGain(),
                        t0.lateralAccel(), t0.brakeAccel(), t0.previewTime(), maxSpeed, t0.curvatureSpan()));
            } else {
                d = builtIn.create();
            }
            label = driver == null ? "LIVE FOLLOWER" : "LIVE " + builtIn.name().toUpperCase(Locale.ROOT);
            carName = builtIn.name();
        }
        return new LiveSource(t, config, LiveSource.RULES, d, Rewards.load(reward), label, carName);
    }

    /** --follow as a car index: a number from 1, or a car's name (case-insensitive). */
    int followIndex(ViewState state) {
        String f = follow.strip();
        try {
            int n = Integer.parseInt(f);
            if (n < 1 || n > state.count()) {
                throw new UserException("--follow " + f + ": there " + (state.count() == 1 ? "is 1 car" : "are "
                        + state.count() + " cars") + " (1.." + state.count() + ", or a car's name)");
            }
            return n - 1;
        } catch (NumberFormatException e) {
            for (int i = 0; i < state.count(); i++) {
                if (state.car(i).name.equalsIgnoreCase(f)) {
                    return i;
                }
            }
            List<String> names = state.cars().stream().map(c -> c.name).toList();
            throw new UserException("--follow " + f + ": no car of that name; the cars are " + names);
        }
    }

    static int[] parseSize(String s) {
        String[] p = s.toLowerCase(Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0].strip()), h = Integer.parseInt(p[1].strip());
                if (w >= 16 && h >= 16 && w <= 8192 && h <= 8192) {
                    return new int[] {w, h};
                }
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UserException("--size must be WIDTHxHEIGHT, 16..8192 each, e.g. 1280x720; got \"" + s + "\"");
    }
}
