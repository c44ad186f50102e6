package dev.racer.view;

import dev.racer.trace.SimTraceReader;
import dev.racer.trace.SimTraceRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a sim-trace (DeepRacer's columns, read by {@link SimTraceReader}) into {@link ReplayFrame}s: the
 * trace's {@code X, Y} are the car's front point, so the frame moves them back {@code frontPointOffset} to
 * the rear axle, converts {@code yaw} and {@code steer} from degrees, and counts laps, lap times, the best
 * lap and off-track events for the HUD.
 */
public final class TraceCsv {
    private TraceCsv() {
    }

    /** Reads {@code file}; errors name the file and line ({@link IllegalArgumentException}). */
    public static List<ReplayFrame> read(Path file, double frontPointOffset) {
        return frames(SimTraceReader.read(file).rows(), frontPointOffset);
    }

    static List<ReplayFrame> frames(List<SimTraceRow> rows, double frontPointOffset) {
        List<ReplayFrame> out = new ArrayList<>(rows.size());
        int lap = 0, offTrack = 0, lastEpisode = Integer.MIN_VALUE, stepInEpisode = 0;
        String lastStatus = "";
        double lapStart = 0, best = Double.NaN;
        boolean lapDone = false;
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
            if (!lapDone && (status.equals("lap_complete") || r.progress() >= 100)) {
                lapDone = true;
                best = Double.isNaN(best) ? lapTime : Math.min(best, lapTime);
            }
            lastStatus = status;
            double speed = Double.isNaN(r.speed()) ? r.throttle() : r.speed();
            out.add(new ReplayFrame(r.episode(), r.steps(), r.x() - frontPointOffset * Math.cos(yaw),
                    r.y() - frontPointOffset * Math.sin(yaw), yaw, Math.toRadians(r.steer()), speed, r.progress(),
                    r.reward(), lap, lapTime, best, offTrack, status));
            stepInEpisode++;
        }
        return out;
    }
}
