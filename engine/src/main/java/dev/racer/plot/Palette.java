package dev.racer.plot;

import dev.racer.io.AtomicFiles;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one look of Racer's pictures (lap plots, track pictures, training curves): colours, fonts, the panel grid
 * with its tick labels, and the atomic PNG write. Painters take everything visual from here, so the pictures
 * match.
 */
public final class Palette {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** Paper behind everything. */
    public static final Color BACKGROUND = new Color(0xF4F3EE);
    /** Off the road. */
    public static final Color GRASS = new Color(0xE3EAD8);
    /** The road surface. */
    public static final Color ROAD = new Color(0x8E9096);
    /** Border lines of the road, axes, frames. */
    public static final Color BORDER = new Color(0x2B2B2B);
    /** The dashed centre line. */
    public static final Color CENTRE = new Color(0xF0F0F0);
    /** Text. */
    public static final Color TEXT = new Color(0x202020);
    /** Secondary text: tick labels, notes. */
    public static final Color TEXT_MUTED = new Color(0x5A5A5A);
    /** Grid lines inside a panel. */
    public static final Color GRID = new Color(0xDDDDDD);
    /** Inside of a data panel. */
    public static final Color PANEL = new Color(0xFAFAF7);
    /** Title band of a picture (light text on it). */
    public static final Color TITLE_BAND = new Color(0x1D1F21);
    /** Text on the title band. */
    public static final Color TITLE_TEXT = Color.WHITE;
    /** Secondary text on the title band. */
    public static final Color TITLE_TEXT_MUTED = new Color(0xC8C8C8);
    /** Something that went wrong: off track, resets. */
    public static final Color ALARM = new Color(0xD7191C);
    /** Direction marks (the driving-direction arrow). */
    public static final Color ACCENT = new Color(0xFF7A1A);
    /** First data series (training episodes). */
    public static final Color SERIES_1 = new Color(0x1F77B4);
    /** Second data series (greedy evaluation). */
    public static final Color SERIES_2 = new Color(0xFF7F0E);

    private Palette() {
    }

    /** Titles [px]. */
    public static Font title(int px) {
        return new Font(Font.SANS_SERIF, Font.BOLD, px);
    }

    /** Labels and notes [px]. */
    public static Font label(int px) {
        return new Font(Font.SANS_SERIF, Font.PLAIN, px);
    }

    /** Tables of figures [px]. */
    public static Font mono(int px) {
        return new Font(Font.MONOSPACED, Font.PLAIN, px);
    }

    /** A new picture filled with {@link #BACKGROUND}, antialiased; dispose the graphics when done. */
    public static Graphics2D begin(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        return g;
    }

    /**
     * A data panel: its fill, {@code yTicks + 1} grid lines labelled with their values on the left, {@code xTicks
     * + 1} labels below, a frame and the panel's label at its top left.
     */
    public static void panel(Graphics2D g, int x0, int y0, int x1, int y1, String label, double lo, double hi,
                             int yTicks, double xLo, double xHi, int xTicks) {
        g.setColor(PANEL);
        g.fillRect(x0, y0, x1 - x0, y1 - y0);
        g.setFont(label(12));
        FontMetrics fm = g.getFontMetrics();
        for (int k = 0; k <= yTicks; k++) {
            double v = lo + (hi - lo) * k / yTicks;
            int yy = y1 - (int) Math.round((v - lo) / (hi - lo) * (y1 - y0));
            g.setColor(GRID);
            g.drawLine(x0, yy, x1, yy);
            g.setColor(TEXT_MUTED);
            String s = String.format(Locale.ROOT, Math.abs(hi - lo) >= 10 ? "%.0f" : "%.2f", v);
            g.drawString(s, x0 - 8 - fm.stringWidth(s), yy + 4);
        }
        double span = Math.max(1, xHi - xLo);
        for (int k = 0; k <= xTicks; k++) {
            long it = Math.round(xLo + span * k / xTicks);
            int xx = x0 + (int) Math.round((it - xLo) / span * (x1 - x0));
            String s = Long.toString(it);
            g.setColor(TEXT_MUTED);
            g.drawString(s, xx - fm.stringWidth(s) / 2, y1 + 15);
        }
        g.setColor(BORDER);
        g.drawRect(x0, y0, x1 - x0, y1 - y0);
        g.setFont(title(14));
        g.setColor(TEXT);
        g.drawString(label, x0 + 8, y0 + 18);
    }

    /** Writes {@code img} as a PNG, atomically (a temp file beside it, then a rename). */
    public static void writePng(Path file, BufferedImage img) {
        AtomicFiles.write(file, out -> {
            if (!javax.imageio.ImageIO.write(img, "png", out)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        });
    }
}
