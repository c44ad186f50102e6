package dev.racer.cli;

import dev.racer.car.CarSpec;
import dev.racer.io.AtomicFiles;
import dev.racer.plot.LapPlot;
import dev.racer.plot.TrackPicture;
import dev.racer.race.EnvConfig;
import dev.racer.race.LapResult;
import dev.racer.race.TimeTrial;
import dev.racer.race.TimeTrialConfig;
import dev.racer.race.TrialResult;
import dev.racer.raceline.Raceline;
import dev.racer.raceline.RacelineConfig;
import dev.racer.raceline.RacelineDriver;
import dev.racer.raceline.RacelineExport;
import dev.racer.track.Track;
import dev.racer.track.TrackGeometry;
import dev.racer.track.TrackLibrary;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code racer tracks raceline ID}: the minimum-curvature racing line of a track with its grip-limited speed
 * profile ({@link Raceline}); draws it, exports it for reward functions, and races it with the
 * {@code raceline} driver.
 */
@Command(name = "raceline", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The minimum-curvature racing line of a track inside its borders (less the car's half-width "
                + "and a margin), with the fastest speed profile the car's grip and speed response allow.",
            "Prints its length, predicted lap time and speeds; draws it (--png), exports it (--python, --csv) "
                + "and races it in a time trial (--drive)."})
final class RacelineCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "track id, as in `racer tracks list`")
    String id;

    @Option(names = "--margin", paramLabel = "M",
            description = "clearance from each border beyond the car's half-width, in metres (default: "
                    + "${DEFAULT-VALUE})", defaultValue = "0.05")
    double margin;

    @Option(names = "--grip", paramLabel = "F",
            description = "fraction of the car's lateral-acceleration limit used in corners (default: "
                    + "${DEFAULT-VALUE})", defaultValue = "0.9")
    double grip;

    @Option(names = "--reversed", description = "drive the track the other way round")
    boolean reversed;

    @Option(names = "--png", paramLabel = "FILE", description = "draw the line, coloured by speed, on the track")
    Path png;

    @Option(names = "--size", paramLabel = "PX", defaultValue = "1200",
            description = "longer side of the picture in pixels (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--python", paramLabel = "FILE",
            description = "write racing_line = [[x, y, speed], ...] for a reward function to paste")
    Path python;

    @Option(names = "--csv", paramLabel = "FILE", description = "write x,y,speed,along,curvature per point")
    Path csv;

    @Option(names = {"--drive", "--driver"},
            description = "race the line with the raceline driver (pure pursuit on the line at its speed profile) "
                    + "and print the lap times")
    boolean drive;

    @Option(names = "--laps", paramLabel = "N", defaultValue = "3",
            description = "laps of the --drive time trial (default ${DEFAULT-VALUE})")
    int laps;

    @Override
    public void run() {
        RacelineConfig cfg;
        try {
            cfg = RacelineConfig.DEFAULT.withMargin(margin).withGripFactor(grip);
        } catch (IllegalArgumentException e) {
            throw new UserException("--margin/--grip: " + e.getMessage());
        }
        if (laps < 1 || laps > 1000) {
            throw new UserException("--laps " + laps + ": expected 1 to 1000");
        }
        if (png != null && (size < 200 || size > 10000)) {
            throw new UserException("--size " + size + ": expected 200 to 10000 pixels");
        }
        Track t = TracksCommand.load(TrackLibrary.standard(), id).track();
        CarSpec car = EnvConfig.DEFAULT.car();
        TrackGeometry geo = TrackGeometry.of(t, reversed);
        Raceline line = Raceline.compute(geo, car, cfg);
        PrintWriter out = spec.commandLine().getOut();
        out.println(t.id() + ": " + t.name() + (reversed ? " (reversed)" : "") + ", racing line");
        out.println(f("  %-16s %.2f m (centre line %.2f m)", "length", line.length(), geo.length()));
        out.println(f("  %-16s %.3f s (flying lap along the profile)", "predicted lap", line.lapTime()));
        out.println(f("  %-16s %.2f .. %.2f m/s (mean %.2f)", "speed", line.minSpeed(), line.maxSpeed(),
                line.length() / line.lapTime()));
        out.println(f("  %-16s %.3f 1/m (tightest radius %.2f m)", "max curvature", line.maxCurvature(),
                1 / Math.max(line.maxCurvature(), 1e-9)));
        out.println(f("  %-16s %.3f m from each border (half-width %.3f + margin %.3f)", "keep-out",
                line.keepOut(), car.axleTrack() / 2, cfg.margin()));
        out.println(f("  %-16s %d, every %.2f m", "points", line.size(), line.length() / line.size()));
        if (python != null) {
            write(python, RacelineExport.python(line));
            out.println(f("  %-16s %s", "python", python));
        }
        if (csv != null) {
            write(csv, RacelineExport.csv(line));
            out.println(f("  %-16s %s", "csv", csv));
        }
        if (png != null) {
            drawPng(t, line, png);
            out.println(f("  %-16s %s", "picture", png));
        }
        if (drive) {
            out.flush();
            race(t, geo, line, car, cfg, out);
        }
        out.flush();
    }

    private void race(Track t, TrackGeometry geo, Raceline line, CarSpec car, RacelineConfig cfg, PrintWriter out) {
        TimeTrial trial = new TimeTrial(t, EnvConfig.DEFAULT.withReversed(reversed),
                TimeTrialConfig.DEFAULT.withLaps(laps));
        RacelineDriver driver = new RacelineDriver(RacelineDriver.Tuning.DEFAULT, cfg);
        driver.useLine(line, geo, car);
        TrialResult r = trial.run(driver, 0);
        out.println(f("time trial (%d laps, driver raceline): %s", laps, r.status().toString().toLowerCase(Locale.ROOT)));
        for (LapResult l : r.laps()) {
            out.println(f("  lap %d  %7.3f s  %s  off-tracks %d  mean %.2f m/s  top %.2f m/s", l.lap(),
                    l.timeMs() / 1000.0, l.completed() ? "complete" : f("%5.1f %%", l.progress()), l.offTracks(),
                    l.meanSpeed(), l.maxSpeed()));
        }
        out.println(r.bestLapMs() == null ? "  best lap: none completed" : f("  best lap %.3f s", r.bestLapMs() / 1000.0));
    }

    private static void write(Path file, String text) {
        try {
            AtomicFiles.writeString(file, text);
        } catch (UncheckedIOException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** The track picture with the line on it, coloured by speed (blue slow, red fast), and a speed legend. */
    private void drawPng(Track t, Raceline line, Path file) {
        TrackPicture pic = new TrackPicture(t, size);
        BufferedImage img = pic.render();
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            float thick = (float) Math.max(3, size / 250.0);
            g.setStroke(new BasicStroke(thick, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double vMax = line.maxSpeed(), vMin = line.minSpeed();
            int n = line.size();
            for (int i = 0; i < n; i++) {
                int q = (i + 1) % n;
                double v = (line.speed(i) + line.speed(q)) / 2;
                g.setColor(LapPlot.speedColor(vMax > vMin ? (v - vMin) / (vMax - vMin) : 1));
                Point2D a = pic.toPixel(line.x(i), line.y(i)), b = pic.toPixel(line.x(q), line.y(q));
                g.draw(new Line2D.Double(a, b));
            }
            try {
                int fontPx = Math.max(11, size / 70);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontPx));
                int x = pic.width() - fontPx * 11, y = pic.height() - fontPx / 2;
                g.setColor(LapPlot.speedColor(0));
                g.drawString(f("%.1f m/s", vMin), x, y);
                g.setColor(LapPlot.speedColor(1));
                g.drawString(f("%.1f m/s", vMax), x + fontPx * 5, y);
            } catch (RuntimeException | Error e) {
                // no usable font: the line is drawn, the legend left out (as TrackPicture does)
            }
        } finally {
            g.dispose();
        }
        try {
            AtomicFiles.write(file, o -> {
                if (!ImageIO.write(img, "png", o)) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            });
        } catch (UncheckedIOException e) {
            throw new UserException(e.getMessage());
        }
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
