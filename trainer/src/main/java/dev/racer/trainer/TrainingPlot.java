package dev.racer.trainer;

import dev.racer.model.ModelFolder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Draws a model's training curves to PNG with java.awt (headless): what DeepRacer's console shows, per
 * iteration — mean episode reward; mean progress of training episodes and of the greedy evaluation; lap
 * completion rate of both.
 */
public final class TrainingPlot {
    private static final int W = 1000, PANEL_H = 260, TOP = 50, GAP = 30, LEFT = 80, RIGHT = 30;
    private static final Color TRAIN = new Color(0x1f77b4);
    private static final Color EVAL = new Color(0xff7f0e);

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
        try {
            Path parent = png.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            ImageIO.write(img, "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
    }

    public static BufferedImage render(String title, List<IterationMetrics> m) {
        int h = TOP + 3 * PANEL_H + 2 * GAP + 50;
        BufferedImage img = new BufferedImage(W, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        IterationMetrics last = m.get(m.size() - 1);
        g.drawString(String.format(Locale.ROOT, "%s: %d iterations, %,d episodes, %,d steps, %.0f s", title,
                last.iteration(), last.episodes(), last.steps(), last.elapsedSeconds()), LEFT, 30);
        int y = TOP;
        panel(g, y, "mean episode reward", m, IterationMetrics::meanReward, null, false);
        y += PANEL_H + GAP;
        panel(g, y, "mean progress [%]", m, IterationMetrics::meanProgress, IterationMetrics::evalProgress, true);
        y += PANEL_H + GAP;
        panel(g, y, "lap completion [%]", m, x -> 100 * x.completionRate(), x -> 100 * x.evalCompletionRate(), true);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.DARK_GRAY);
        g.drawString("iteration", W / 2 - 25, h - 15);
        g.dispose();
        return img;
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
        g.setColor(new Color(0xf4f4f4));
        g.fillRect(x0, y0, x1 - x0, PANEL_H);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (int k = 0; k <= 4; k++) {
            double v = lo + (hi - lo) * k / 4;
            int yy = y1 - (int) Math.round((v - lo) / (hi - lo) * PANEL_H);
            g.setColor(new Color(0xdddddd));
            g.drawLine(x0, yy, x1, yy);
            g.setColor(Color.DARK_GRAY);
            String s = String.format(Locale.ROOT, Math.abs(hi - lo) >= 10 ? "%.0f" : "%.2f", v);
            g.drawString(s, x0 - 8 - fm.stringWidth(s), yy + 4);
        }
        for (int k = 0; k <= 5; k++) {
            int it = (int) Math.round(first + span * k / 5);
            int xx = x0 + (int) Math.round((it - first) / span * (x1 - x0));
            g.setColor(Color.DARK_GRAY);
            String s = Integer.toString(it);
            g.drawString(s, xx - fm.stringWidth(s) / 2, y1 + 15);
        }
        g.setColor(Color.GRAY);
        g.drawRect(x0, y0, x1 - x0, PANEL_H);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.BLACK);
        g.drawString(label, x0 + 8, y0 + 18);
        line(g, m, train, TRAIN, x0, x1, y1, lo, hi, first, span);
        if (eval != null) {
            line(g, m, eval, EVAL, x0, x1, y1, lo, hi, first, span);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
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
                continue;
            }
            int xx = x0 + (int) Math.round((x.iteration() - first) / span * (x1 - x0));
            int yy = y1 - (int) Math.round((Math.max(lo, Math.min(hi, v)) - lo) / (hi - lo) * PANEL_H);
            if (px >= 0) {
                g.drawLine(px, py, xx, yy);
            } else if (m.size() == 1) {
                g.fillOval(xx - 3, yy - 3, 6, 6);
            }
            px = xx;
            py = yy;
        }
        g.setStroke(new BasicStroke(1f));
    }
}
