package dev.racer.cli;

import dev.racer.plot.TrackPicture;
import dev.racer.track.Direction;
import dev.racer.track.Track;
import dev.racer.track.TrackException;
import dev.racer.track.TrackLibrary;
import dev.racer.track.TrackValidator;
import dev.racer.track.WaypointNumbering;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code racer tracks list|show|import}: the built-in tracks and the user's own. A thin shell over
 * {@link TrackLibrary}, which holds the logic (loading, validation, import).
 */
@Command(name = "tracks", mixinStandardHelpOptions = true,
        description = "List, show, draw and import tracks (built-in and your own in $RACER_HOME/tracks).",
        subcommands = {TracksCommand.ListTracks.class, TracksCommand.Show.class, TracksCommand.Import.class,
            RacelineCommand.class})
public final class TracksCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static TrackValidator.Result load(TrackLibrary lib, String id) {
        try {
            return lib.load(id);
        } catch (TrackException e) {
            throw new UserException(e.getMessage());
        }
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "A table of every track: id, name, centre-line length, mean width, direction, waypoints; "
                    + "_ccw/_cw ids are DeepRacer's own route files for one direction of a track.")
    static final class ListTracks implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            TrackLibrary lib = TrackLibrary.standard();
            PrintWriter out = spec.commandLine().getOut();
            List<String[]> table = new ArrayList<>();
            table.add(new String[] {"ID", "NAME", "LENGTH m", "WIDTH m", "DIRECTION", "WAYPOINTS", "ROUTE OF",
                "SOURCE"});
            List<String> broken = new ArrayList<>();
            for (String id : lib.ids()) {
                boolean user = lib.isUserTrack(id);
                String source = user ? "user" : "built-in";
                String variantOf = user ? null : TrackLibrary.variantOf(id);
                try {
                    Track t = lib.get(id);
                    table.add(new String[] {id, t.name(), f("%.2f", t.length()), f("%.3f", t.meanWidth()),
                        t.direction().json(), Integer.toString(t.size()), variantOf == null ? "" : variantOf, source});
                } catch (TrackException e) {
                    table.add(new String[] {id, "(cannot be used: see below)", "", "", "", "", "", source});
                    broken.add(e.getMessage());
                }
            }
            int[] w = new int[table.get(0).length];
            for (String[] r : table) {
                for (int j = 0; j < r.length; j++) {
                    w[j] = Math.max(w[j], r[j].length());
                }
            }
            boolean[] right = {false, false, true, true, false, true, false, false};
            for (String[] r : table) {
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < r.length; j++) {
                    String cell = right[j] ? " ".repeat(w[j] - r[j].length()) + r[j]
                            : r[j] + " ".repeat(w[j] - r[j].length());
                    sb.append(j == 0 ? "" : "  ").append(cell);
                }
                out.println(sb.toString().stripTrailing());
            }
            out.println();
            out.println(f("%d tracks; yours live in %s (racer tracks import FILE.npy --id ID --name NAME)",
                    table.size() - 1, lib.userDir()));
            out.println("Ids ending _ccw or _cw (ROUTE OF names the track) are DeepRacer's own route files for racing"
                    + " a track counterclockwise or clockwise, what DeepRacer loads when you pick a direction: each is"
                    + " a track of its own, with its own start and waypoint numbers. --reversed drives any track the"
                    + " other way round, as DeepRacer's REVERSE_DIR does.");
            out.flush();
            PrintWriter err = spec.commandLine().getErr();
            for (String b : broken) {
                err.println("racer: " + b);
            }
            err.flush();
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Details of one track; with --png, a top-down picture of it.")
    static final class Show implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "track id, as in `racer tracks list`")
        String id;

        @Option(names = "--png", paramLabel = "FILE", description = "also draw the track into this PNG file")
        Path png;

        @Option(names = "--size", paramLabel = "PX", defaultValue = "1200",
                description = "longer side of the picture in pixels (default ${DEFAULT-VALUE})")
        int size;

        @Option(names = "--legacy-waypoints", description = "number the waypoints as DeepRacer's simulator did before"
                + " 6.0.2: every row of the file, consecutive duplicates included")
        boolean legacyWaypoints;

        @Override
        public void run() {
            TrackLibrary lib = TrackLibrary.standard();
            TrackValidator.Result r = load(lib, id);
            Track t = r.track(WaypointNumbering.of(legacyWaypoints));
            PrintWriter out = spec.commandLine().getOut();
            int n = t.size() - 1;
            double min = Double.POSITIVE_INFINITY, max = 0;
            for (int i = 0; i < n; i++) {
                double w = Math.hypot(t.outerX(i) - t.innerX(i), t.outerY(i) - t.innerY(i));
                min = Math.min(min, w);
                max = Math.max(max, w);
            }
            double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < t.size(); i++) {
                double[] row = t.row(i);
                for (int j = 0; j < 6; j += 2) {
                    x0 = Math.min(x0, row[j]);
                    x1 = Math.max(x1, row[j]);
                    y0 = Math.min(y0, row[j + 1]);
                    y1 = Math.max(y1, row[j + 1]);
                }
            }
            double heading = Math.toDegrees(Math.atan2(t.centerY(1) - t.centerY(0), t.centerX(1) - t.centerX(0)));
            out.println(t.id() + ": " + t.name());
            out.println(f("  %-12s %s", "source", lib.isUserTrack(id)
                    ? lib.userDir().resolve(id + ".json").toString() : "built-in (racer-tracks)"));
            out.println(f("  %-12s %s", "attribution", t.attribution().isEmpty() ? "(none)" : t.attribution()));
            out.println(f("  %-12s %.2f m (centre line)", "length", t.length()));
            out.println(f("  %-12s min %.3f, mean %.3f, max %.3f m", "width", min, t.meanWidth(), max));
            out.println(f("  %-12s x %.2f .. %.2f m, y %.2f .. %.2f m (%.2f x %.2f m)", "bounding box",
                    x0, x1, y0, y1, x1 - x0, y1 - y0));
            out.println(f("  %-12s (%.3f, %.3f) m, heading %.1f deg", "start", t.centerX(0), t.centerY(0), heading));
            out.println(f("  %-12s %s", "direction", t.direction().json()));
            String variantOf = lib.isUserTrack(id) ? null : TrackLibrary.variantOf(id);
            if (variantOf != null) {
                out.println(f("  %-12s DeepRacer's %s route file of %s (its own start and waypoint numbers; not %s"
                        + " --reversed)", "route of", t.direction().json(), variantOf, variantOf));
            }
            out.println(f("  %-12s %d (rows 0..%d; row %d repeats row 0 to close the loop)", "waypoints",
                    t.size(), n, n));
            if (r.droppedRows().isEmpty()) {
                out.println(f("  %-12s every row of the file (no consecutive duplicate centre points)", "numbering"));
            } else if (legacyWaypoints) {
                out.println(f("  %-12s legacy (before simapp 6.0.2): every row of the file; simapp >= 6.0.2 drops"
                        + " %d and numbers %d", "numbering", r.droppedRows().size(), r.track().size()));
            } else {
                out.println(f("  %-12s as simapp >= 6.0.2: %s; --legacy-waypoints keeps %s (%d waypoints)",
                        "numbering", r.droppedSummary(), r.droppedRows().size() == 1 ? "it" : "them",
                        r.legacy().size()));
            }
            for (String w : r.warnings()) {
                out.println("  warning: " + w);
            }
            if (png != null) {
                if (size < 200 || size > 10000) {
                    throw new UserException("--size " + size + ": expected 200 to 10000 pixels");
                }
                TrackPicture pic = new TrackPicture(t, size);
                try {
                    pic.writePng(png);
                } catch (IOException e) {
                    throw new UserException(png + ": cannot write the picture: " + e.getMessage());
                }
                out.println(f("  %-12s %s (%d x %d px)", "picture", png, pic.width(), pic.height()));
            }
            out.flush();
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Adds a DeepRacer route (.npy, N x 6 floats) as your track ID, validated, "
                    + "to $RACER_HOME/tracks (default ~/.racer/tracks).")
    static final class Import implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE.npy", description = "the route file")
        Path file;

        @Option(names = "--id", required = true, paramLabel = "ID",
                description = "id for the track: letters, digits, _ . - (used by --track everywhere)")
        String id;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "human name of the track")
        String name;

        @Option(names = "--direction", paramLabel = "DIR", defaultValue = "auto",
                description = "auto (from the centre line), clockwise or counterclockwise (default ${DEFAULT-VALUE})")
        String direction;

        @Option(names = "--attribution", paramLabel = "TEXT",
                description = "where the data comes from and its licence (default: the file name)")
        String attribution;

        @Option(names = "--force", description = "replace an existing user track, or shadow a built-in one")
        boolean force;

        @Override
        public void run() {
            Direction dir = null;
            if (!direction.equalsIgnoreCase("auto")) {
                dir = Direction.fromJson(direction.replace("-", ""));
                if (dir == null) {
                    throw new UserException("--direction \"" + direction
                            + "\": expected auto, clockwise or counterclockwise");
                }
            }
            TrackLibrary lib = TrackLibrary.standard();
            TrackValidator.Result r;
            try {
                r = lib.importTrack(file, id, name, dir, attribution, force);
            } catch (TrackException e) {
                throw new UserException(e.getMessage());
            }
            Track t = r.track();
            Path target = lib.userDir().resolve(id + ".json");
            PrintWriter out = spec.commandLine().getOut();
            for (String w : r.warnings()) {
                out.println("warning: " + w);
            }
            out.println(f("imported %s (%s): %d waypoints, %.2f m, mean width %.3f m, %s", t.id(), t.name(),
                    t.size(), t.length(), t.meanWidth(), t.direction().json()));
            if (!r.droppedRows().isEmpty()) {
                out.println("numbering as simapp >= 6.0.2: " + r.droppedSummary() + "; --legacy-waypoints keeps "
                        + (r.droppedRows().size() == 1 ? "it" : "them") + " (" + r.legacy().size() + " waypoints)");
            }
            out.println("saved to " + target + "; try: racer tracks show " + t.id() + " --png " + t.id() + ".png");
            out.flush();
        }
    }
}
