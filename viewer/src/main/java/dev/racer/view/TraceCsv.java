package dev.racer.view;

import dev.racer.trace.ObjectTrace;
import dev.racer.trace.SimTraceReader;
import dev.racer.trace.SimTraceRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a sim-trace (DeepRacer's columns, read by {@link SimTraceReader}) into {@link ReplayFrame}s: the
 * trace's {@code X, Y} are the car's front point, so the frame moves them back {@code frontPointOffset} to
 * the rear axle, converts {@code yaw} and {@code steer} from degrees, and counts laps, lap times, the best
 * lap, off-track and crash events and the penalty left for the HUD. The boxes of an object-avoidance race come
 * from the trace's {@code NAME.objects.json} ({@link ObjectTrace}), when there is one.
 */
public final class TraceCsv {
    private TraceCsv() {
    }

    /** Reads {@code file}; errors name the file and line ({@link IllegalArgumentException}). */
    public static List<ReplayFrame> read(Path file, double frontPointOffset) {
        return frames(SimTraceReader.read(file).rows(), frontPointOffset);
    }

    /**
     * The cars of a race replay: each of {@code inputs} is a sim-trace CSV (one car, named after the file) or a
     * folder whose {@code *.csv} files are one car each (in name order). Errors name the file or folder
     * ({@link IllegalArgumentException}).
     */
    public static List<ReplaySource.Car> cars(List<Path> inputs, double frontPointOffset) {
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isDirectory(in)) {
                List<Path> csvs;
                try (var list = Files.list(in)) {
                    csvs = list.filter(p -> Files.isRegularFile(p)
                            && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")).sorted().toList();
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException(in + ": cannot list the folder: " + e.getMessage(), e);
                }
                if (csvs.isEmpty()) {
                    throw new IllegalArgumentException(in + ": no .csv sim-traces in the folder (one per car expected)");
                }
                files.addAll(csvs);
            } else if (Files.isRegularFile(in)) {
                files.add(in);
            } else {
                throw new IllegalArgumentException(in + ": no such trace file or folder");
            }
        }
        List<ReplaySource.Car> cars = new ArrayList<>();
        for (Path f : files) {
            String stem = stem(f), name = stem;
            long same = files.stream().filter(o -> stem(o).equals(stem)).count();
            if (same > 1 && f.toAbsolutePath().getParent() != null && f.toAbsolutePath().getParent().getFileName() != null) {
                name = f.toAbsolutePath().getParent().getFileName() + "/" + name; // e.g. two models' 0-iteration.csv
            }
            List<ReplayFrame> frames = read(f, frontPointOffset);
            if (frames.isEmpty()) {
                throw new IllegalArgumentException(f + ": the trace has no steps");
            }
            cars.add(new ReplaySource.Car(name, frames, ObjectTrace.readBeside(f)));
        }
        return cars;
    }

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    static List<ReplayFrame> frames(List<SimTraceRow> rows, double frontPointOffset) {
        List<ReplayFrame> out = new ArrayList<>(rows.size());
        int lap = 0, offTrack = 0, crashes = 0, lastEpisode = Integer.MIN_VALUE, stepInEpisode = 0;
        String lastStatus = "";
        double lapStart = 0, best = Double.NaN;
        boolean lapDone = false, crashPenalty = false;
        double sinceCrash = Double.POSITIVE_INFINITY;
        for (SimTraceRow r : rows) {
            if (r.episode() != lastEpisode) {
                lap++;
                lastEpisode = r.episode();
                lapStart = r.tstamp();
                stepInEpisode = 0;
                lapDone = false;
                lastStatus = "";
            }
            double yaw = Math.toRadians(r.yaw());
            String status = r.episodeStatus() == null ? "" : r.episodeStatus().strip().toLowerCase(Locale.ROOT);
            double lapTime = Double.isNaN(r.tstamp()) ? stepInEpisode * Source.STEP : r.tstamp() - lapStart;
            if (status.equals("off_track") && !lastStatus.equals("off_track")) {
                offTrack++;
            }
            if (status.equals("crashed") && !lastStatus.equals("crashed")) {
                crashes++;
            }
            if (status.equals("crashed")) {
                crashPenalty = true;
                sinceCrash = 0;
            } else {
                sinceCrash += Source.STEP;
                if (status.equals("off_track")) {
                    crashPenalty = false;
                }
            }
            double penaltyLeft = status.equals("pause") && r.pauseDuration() > 0 ? r.pauseDuration() : 0;
            if (!lapDone && (status.equals("lap_complete") || r.progress() >= 100)) {
                lapDone = true;
                best = Double.isNaN(best) ? lapTime : Math.min(best, lapTime);
            }
            lastStatus = status;
            double speed = Double.isNaN(r.speed()) ? r.throttle() : r.speed();
            out.add(new ReplayFrame(r.episode(), r.steps(), r.x() - frontPointOffset * Math.cos(yaw),
                    r.y() - frontPointOffset * Math.sin(yaw), yaw, Math.toRadians(r.steer()), speed, r.progress(),
                    r.reward(), lap, lapTime, best, offTrack, crashes, penaltyLeft, status, crashPenalty,
                    sinceCrash));
            stepInEpisode++;
        }
        return out;
    }
}
