package dev.racer.trainer;

import dev.racer.model.ModelFolder;
import dev.racer.plot.Palette;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Draws a model's training curves to PNG with java.awt (headless): what DeepRacer's console shows, per
 * iteration — mean episode reward; mean progress of training episodes and of the greedy evaluation; lap
 * completion rate of both — and how fast the greedy evaluation laps were: its best and mean lap time [s] (iterations
 * with no completed lap leave a gap) and its mean speed [m/s].
 */
public final class TrainingPlot {
    private static final int W = 1000, PANEL_H = 260, TOP = 50, GAP = 30, LEFT = 80, RIGHT = 30;
    private static final Color TRAIN = Palette.SERIES_1;
    private static final Color EVAL = Palette.SERIES_2;
    private static final int PANELS = 5;

    private TrainingPlot() {
    }

    /** Writes {@code png} from the folder's metrics; an error if the folder has none. */
    public static void write(Path modelDir, Path png) {
        List<IterationMetrics> m = MetricsLog.read(new ModelFolder(modelDir));
        if (m.isEmpty()) {
            throw new IllegalArgumentException(modelDir + ": no " + ModelFolder.METRICS_JSONL
                    + " (train a model there first)");
        }
        BufferedImage img = render(modelDir.getFileName() == null ? modelDir.toString()
                : modelDir.getFileName().toString(), m);
        Palette.writePng(png, img);
    }

    public static BufferedImage render(String title, List<IterationMetrics> m) {
        int h = TOP + PANELS * PANEL_H + (PANELS - 1) * GAP + 50;
        BufferedImage img = new BufferedImage(W, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Palette.begin(img);
        g.setColor(Palette.TEXT);
        g.setFont(Palette.title(18));
        IterationMetrics last = m.get(m.size() - 1);
        g.drawString(String.format(Locale.ROOT, "%s: %d iterations, %,d episodes, %,d steps, %.0f s", title,
                last.iteration(), last.episodes(), last.steps(), last.elapsedSeconds()), LEFT, 30);
        int y = TOP;
        panel(g, y, "mean episode reward", m, IterationMetrics::meanReward, null, false);
        y += PANEL_H + GAP;
        panel(g, y, "mean progress [%]", m, IterationMetrics::meanProgress, IterationMetrics::evalProgress, true);
        y += PANEL_H + GAP;
        panel(g, y, "lap completion [%]", m, x -> 100 * x.completionRate(), x -> 100 * x.evalCompletionRate(), true);
        y += PANEL_H + GAP;
        series(g, y, "evaluation lap time [s]", m, List.of(
                new Series("best lap", IterationMetrics::evalBestLapSeconds, TRAIN),
                new Series("mean lap", IterationMetrics::evalMeanLapSeconds, EVAL)));
        y += PANEL_H + GAP;
        series(g, y, "evaluation mean speed [m/s]", m, List.of(
                new Series("greedy evaluation", IterationMetrics::evalMeanSpeed, EVAL)));
        g.setFont(Palette.label(13));
        g.setColor(Palette.TEXT_MUTED);
        g.drawString("iteration", W / 2 - 25, h - 15);
        g.dispose();
        return img;
    }

    /** One line of a panel: its legend, its values (NaN: no point), its colour. */
    private record Series(String name, ToDoubleFunction<IterationMetrics> f, Color color) {
    }

    /** A panel of {@code series} on one axis from 0 to above the largest finite value. */
    private static void series(Graphics2D g, int y0, String label, List<IterationMetrics> m, List<Series> series) {
        int x0 = LEFT, x1 = W - RIGHT, y1 = y0 + PANEL_H;
        double hi = 0;
        for (Series s : series) {
            for (IterationMetrics x : m) {
                double v = s.f().applyAsDouble(x);
                if (Double.isFinite(v)) {
                    hi = Math.max(hi, v);
                }
            }
        }
        hi = hi > 0 ? hi * 1.1 : 1;
        int first = m.get(0).iteration(), lastIt = m.get(m.size() - 1).iteration();
        double span = Math.max(1, lastIt - first);
        Palette.panel(g, x0, y0, x1, y1, label, 0, hi, 4, first, lastIt, 5);
        int legend = x1 - 130 * series.size();
        g.setFont(Palette.label(12));
        for (Series s : series) {
            line(g, m, s.f(), s.color(), x0, x1, y1, 0, hi, first, span);
            g.setFont(Palette.label(12));
            g.setColor(s.color());
            g.drawString(s.name(), legend, y0 + 18);
            legend += 130;
        }
    }

    private static void panel(Graphics2D g, int y0, String label, List<IterationMetrics> m,
                              ToDoubleFunction<IterationMetrics> train, ToDoubleFunction<IterationMetrics> eval,
                              boolean percent) {
        int x0 = LEFT, x1 = W - RIGHT, y1 = y0 + PANEL_H;
        double lo = percent ? 0 : Double.POSITIVE_INFINITY, hi = percent ? 100 : Double.NEGATIVE_INFINITY;
        if (!percent) {
            for (IterationMetrics x : m) {
                double v = train.applyAsDouble(x);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (!(hi > lo)) {
                hi = lo + 1;
            }
            lo = Math.min(0, lo);
        }
        int first = m.get(0).iteration(), lastIt = m.get(m.size() - 1).iteration();
        double span = Math.max(1, lastIt - first);
        Palette.panel(g, x0, y0, x1, y1, label, lo, hi, 4, first, lastIt, 5);
        line(g, m, train, TRAIN, x0, x1, y1, lo, hi, first, span);
        if (eval != null) {
            line(g, m, eval, EVAL, x0, x1, y1, lo, hi, first, span);
            g.setFont(Palette.label(12));
            g.setColor(TRAIN);
            g.drawString("training episodes", x1 - 250, y0 + 18);
            g.setColor(EVAL);
            g.drawString("greedy evaluation", x1 - 130, y0 + 18);
        }
    }

    private static void line(Graphics2D g, List<IterationMetrics> m, ToDoubleFunction<IterationMetrics> f, Color c,
                             int x0, int x1, int y1, double lo, double hi, int first, double span) {
        g.setColor(c);
        g.setStroke(new BasicStroke(2f));
        int px = -1, py = -1;
        for (IterationMetrics x : m) {
            double v = f.applyAsDouble(x);
            if (!Double.isFinite(v)) {
                px = -1; // no value (no lap completed, an evaluation cut short): a gap, not a bridge
                continue;
            }
            int xx = x0 + (int) Math.round((x.iteration() - first) / span * (x1 - x0));
            int yy = y1 - (int) Math.round((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo) * PANEL_H);
            if (px >= 0) {
                g.drawLine(px, py, xx, yy);
            } else {
                g.fillOval(xx - 3, yy - 3, 6, 6); // a point after a gap shows even if alone
            }
            px = xx;
            py = yy;
        }
        g.setStroke(new BasicStroke(1f));
    }
}
