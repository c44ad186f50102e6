package dev.racer.plot;

import dev.racer.track.Track;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A top-down picture of a track, drawn with java.awt on a headless {@link BufferedImage}: grass, the road filled
 * between the borders, white border lines, a dashed centre line, waypoint numbers (every k-th, so they stay
 * legible), a chequered start line across the road at row 0, an arrow for the driving direction, a 1 m scale
 * bar and a title with the name and length. x runs right and y up, as in the track file.
 */
public final class TrackPicture {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Logger LOG = LoggerFactory.getLogger(TrackPicture.class);

    public static final Color GRASS = Palette.GRASS;
    public static final Color ROAD = Palette.ROAD;
    public static final Color BORDER = Palette.BORDER;
    public static final Color CENTRE = Palette.CENTRE;
    public static final Color ARROW = Palette.ACCENT;
    public static final Color TITLE_BAND = Palette.TITLE_BAND;

    /** Border tape width [m]. */
    private static final double TAPE_M = 0.05;

    private final Track track;
    private final double scale;        // px per m
    private final double minX;
    private final double maxY;
    private final int margin;          // px around the track
    private final int band;            // px of title band at the top
    private final int width;
    private final int height;

    /** @param size the longer side of the picture [px], at least 200 */
    public TrackPicture(Track track, int size) {
        this.track = track;
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (double[] r : track.rows()) {
            for (int j = 0; j < 6; j += 2) {
                x0 = Math.min(x0, r[j]);
                x1 = Math.max(x1, r[j]);
                y0 = Math.min(y0, r[j + 1]);
                y1 = Math.max(y1, r[j + 1]);
            }
        }
        double w = Math.max(x1 - x0, 1e-6);
        double h = Math.max(y1 - y0, 1e-6);
        band = Math.max(28, size / 28);
        margin = Math.max(30, size / 18);
        if (w >= h) {
            scale = (size - 2.0 * margin) / w;
            width = size;
            height = (int) Math.ceil(h * scale) + 2 * margin + band;
        } else {
            scale = (size - 2.0 * margin - band) / h;
            height = size;
            width = (int) Math.ceil(w * scale) + 2 * margin;
        }
        minX = x0;
        maxY = y1;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Pixel position of a point given in metres. */
    public Point2D.Double toPixel(double x, double y) {
        return new Point2D.Double(margin + (x - minX) * scale, band + margin + (maxY - y) * scale);
    }

    /** Renders and writes a PNG atomically. */
    public void writePng(Path file) throws IOException {
        try {
            Palette.writePng(file, render());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public BufferedImage render() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Palette.begin(img);
        try {
            g.setColor(GRASS);
            g.fillRect(0, 0, width, height);
            drawRoad(g);
            drawBorders(g);
            drawCentreLine(g);
            java.awt.Shape clip = g.getClip();
            g.clip(roadShape());
            drawStartLine(g);
            g.setClip(clip);
            drawArrow(g);
            try {
                drawWaypointNumbers(g);
                drawScaleBar(g);
                drawTitle(g);
            } catch (RuntimeException | Error e) {
                LOG.warn("track picture drawn without text: no usable font ({}); install fontconfig and a font",
                        e.toString());
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    private int n() {
        return track.size() - 1;
    }

    private double px(double metres) {
        return metres * scale;
    }

    private void drawRoad(Graphics2D g) {
        g.setColor(ROAD);
        g.fill(roadShape());
    }

    /** The road in pixels: one quad per segment, filled as one shape (non-zero winding), so no seams. */
    private Path2D.Double roadShape() {
        Path2D.Double road = new Path2D.Double(Path2D.WIND_NON_ZERO);
        for (int i = 0; i < n(); i++) {
            Point2D a = toPixel(track.innerX(i), track.innerY(i));
            Point2D b = toPixel(track.innerX(i + 1), track.innerY(i + 1));
            Point2D c = toPixel(track.outerX(i + 1), track.outerY(i + 1));
            Point2D d = toPixel(track.outerX(i), track.outerY(i));
            road.moveTo(a.getX(), a.getY());
            road.lineTo(b.getX(), b.getY());
            road.lineTo(c.getX(), c.getY());
            road.lineTo(d.getX(), d.getY());
            road.closePath();
        }
        return road;
    }

    private Path2D.Double polyline(int xCol) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < track.size(); i++) {
            Point2D q = toPixel(track.row(i)[xCol], track.row(i)[xCol + 1]);
            if (i == 0) {
                p.moveTo(q.getX(), q.getY());
            } else {
                p.lineTo(q.getX(), q.getY());
            }
        }
        p.closePath();
        return p;
    }

    private void drawBorders(Graphics2D g) {
        g.setColor(BORDER);
        g.setStroke(new BasicStroke((float) Math.max(2, px(TAPE_M)), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(polyline(2));
        g.draw(polyline(4));
    }

    private void drawCentreLine(Graphics2D g) {
        float dash = (float) Math.max(4, px(0.12));
        g.setColor(CENTRE);
        g.setStroke(new BasicStroke((float) Math.max(1.5, px(0.025)), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
                10f, new float[] {dash, dash}, 0f));
        g.draw(polyline(0));
    }

    /** A chequered band across the road at row 0, two squares deep. */
    private void drawStartLine(Graphics2D g) {
        double ix = track.innerX(0), iy = track.innerY(0), ox = track.outerX(0), oy = track.outerY(0);
        double w = Math.hypot(ox - ix, oy - iy);
        double ux = (ox - ix) / w, uy = (oy - iy) / w;
        double[] t = tangent(0);
        double sq = Math.max(w / 10, 3 / scale);
        int k = Math.max(2, (int) Math.round(w / sq));
        sq = w / k;
        for (int row = 0; row < 2; row++) {
            for (int c = 0; c < k; c++) {
                double bx = ix + ux * c * sq + t[0] * (row - 1) * sq;
                double by = iy + uy * c * sq + t[1] * (row - 1) * sq;
                Path2D.Double cell = new Path2D.Double();
                moveTo(cell, bx, by);
                lineTo(cell, bx + ux * sq, by + uy * sq);
                lineTo(cell, bx + ux * sq + t[0] * sq, by + uy * sq + t[1] * sq);
                lineTo(cell, bx + t[0] * sq, by + t[1] * sq);
                cell.closePath();
                g.setColor((row + c) % 2 == 0 ? Color.WHITE : Color.BLACK);
                g.fill(cell);
            }
        }
    }

    /** An arrow along the centre line just after the start line, pointing the way the track is driven. */
    private void drawArrow(Graphics2D g) {
        double len = track.length();
        double roadPx = px(track.meanWidth());
        double from = Math.min(0.35, len * 0.02);
        double to = from + Math.min(Math.max(1.2, 1.5 * track.meanWidth()), len * 0.08);
        Path2D.Double shaft = new Path2D.Double();
        double s = 0;
        boolean started = false;
        double[] end = null;
        double[] dir = null;
        for (int i = 0; i < n() && s < to; i++) {
            double ax = track.centerX(i), ay = track.centerY(i);
            double bx = track.centerX(i + 1), by = track.centerY(i + 1);
            double seg = Math.hypot(bx - ax, by - ay);
            if (seg == 0) {
                continue;
            }
            double lo = Math.max(from, s), hi = Math.min(to, s + seg);
            if (hi > lo) {
                double px0 = ax + (bx - ax) * (lo - s) / seg, py0 = ay + (by - ay) * (lo - s) / seg;
                double px1 = ax + (bx - ax) * (hi - s) / seg, py1 = ay + (by - ay) * (hi - s) / seg;
                if (!started) {
                    moveTo(shaft, px0, py0);
                    started = true;
                }
                lineTo(shaft, px1, py1);
                end = new double[] {px1, py1};
                dir = new double[] {(bx - ax) / seg, (by - ay) / seg};
            }
            s += seg;
        }
        if (end == null) {
            return;
        }
        float thick = (float) Math.max(4, Math.max(px(0.07), 0.1 * roadPx));
        double head = Math.max(14, Math.max(px(0.22), 0.3 * roadPx));
        g.setColor(ARROW);
        g.setStroke(new BasicStroke(thick, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shaft);
        Point2D tip = toPixel(end[0] + dir[0] * head / scale * 0.6, end[1] + dir[1] * head / scale * 0.6);
        double dx = dir[0], dy = -dir[1]; // pixel y runs down
        Path2D.Double h = new Path2D.Double();
        h.moveTo(tip.getX(), tip.getY());
        h.lineTo(tip.getX() - dx * head - dy * head * 0.55, tip.getY() - dy * head + dx * head * 0.55);
        h.lineTo(tip.getX() - dx * head + dy * head * 0.55, tip.getY() - dy * head - dx * head * 0.55);
        h.closePath();
        g.fill(h);
    }

    private void drawWaypointNumbers(Graphics2D g) {
        int fontPx = Math.max(10, (int) Math.round(Math.min(width, height) / 55.0));
        g.setFont(Palette.label(fontPx));
        FontMetrics fm = g.getFontMetrics();
        double spacing = px(track.length()) / n();            // px between waypoints, on average
        double need = fm.stringWidth("000") + fontPx * 1.8;    // px between labels
        int k = 1;
        for (int step : new int[] {1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000}) {
            k = step;
            if (step * spacing >= need) {
                break;
            }
        }
        double dot = Math.max(2, fontPx / 5.0);
        Path2D.Double road = roadShape();
        List<Rectangle2D> taken = new ArrayList<>();
        for (int i = 0; i < n(); i += k) {
            double cx = track.centerX(i), cy = track.centerY(i);
            Point2D c = toPixel(cx, cy);
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Double(c.getX() - dot, c.getY() - dot, 2 * dot, 2 * dot));
            String label = Integer.toString(i);
            double tw = fm.stringWidth(label);
            double th = fm.getAscent();
            // beside the outer border, else beside the inner one; skipped where it would cover road or a label
            for (int side : new int[] {4, 2}) {
                double bx = track.row(i)[side], by = track.row(i)[side + 1];
                double d = Math.hypot(bx - cx, by - cy);
                double off = (px(TAPE_M) + Math.max(tw, th) * 0.5 + 3) / scale;
                Point2D p = toPixel(bx + (bx - cx) / d * off, by + (by - cy) / d * off);
                Rectangle2D box = new Rectangle2D.Double(p.getX() - tw / 2 - 1, p.getY() - th / 2 - 1, tw + 2, th + 2);
                if (road.intersects(box) || taken.stream().anyMatch(box::intersects)
                        || box.getMinX() < 0 || box.getMaxX() > width || box.getMinY() < band
                        || box.getMaxY() > height) {
                    continue;
                }
                taken.add(box);
                float tx = (float) box.getMinX() + 1;
                float ty = (float) (box.getMaxY() - 1 - fm.getDescent() / 2.0);
                g.setColor(Palette.TEXT_MUTED);
                g.drawString(label, tx, ty);
                break;
            }
        }
    }

    private void drawScaleBar(Graphics2D g) {
        double metres = track.length() > 40 ? 2 : 1;
        int x0 = margin / 2;
        int y0 = height - margin / 3;
        int x1 = (int) Math.round(x0 + px(metres));
        g.setColor(Palette.TEXT);
        g.setStroke(new BasicStroke(2f));
        g.drawLine(x0, y0, x1, y0);
        g.drawLine(x0, y0 - 5, x0, y0 + 1);
        g.drawLine(x1, y0 - 5, x1, y0 + 1);
        int fontPx = Math.max(10, (int) Math.round(Math.min(width, height) / 60.0));
        g.setFont(Palette.label(fontPx));
        g.drawString(String.format(Locale.ROOT, "%.0f m", metres), x1 + 6, y0 + fontPx / 3);
    }

    private void drawTitle(Graphics2D g) {
        g.setColor(TITLE_BAND);
        g.fillRect(0, 0, width, band);
        String title = track.name();
        String[] subs = {
            String.format(Locale.ROOT, "   %s  ·  %.2f m  ·  %.2f m wide  ·  %s  ·  %d waypoints", track.id(),
                    track.length(), track.meanWidth(), track.direction().json(), track.size()),
            String.format(Locale.ROOT, "   %.2f m  ·  %.2f m wide  ·  %s", track.length(), track.meanWidth(),
                    track.direction().json()),
            String.format(Locale.ROOT, "   %.2f m", track.length()),
            ""};
        int room = width - margin;
        // the largest font, then the longest subtitle, that fit the band
        for (String sub : subs) {
            for (int fontPx = (int) Math.round(band * 0.5); fontPx >= Math.max(9, band * 0.34); fontPx--) {
                Font bold = Palette.title(fontPx);
                Font plain = Palette.label(fontPx);
                FontMetrics fb = g.getFontMetrics(bold);
                int tw = fb.stringWidth(title);
                if (tw + g.getFontMetrics(plain).stringWidth(sub) <= room || sub.isEmpty() && fontPx <= band * 0.35) {
                    int y = (band + fb.getAscent() - fb.getDescent()) / 2;
                    g.setFont(bold);
                    g.setColor(Palette.TITLE_TEXT);
                    g.drawString(title, margin / 2, y);
                    g.setFont(plain);
                    g.setColor(Palette.TITLE_TEXT_MUTED);
                    g.drawString(sub, margin / 2 + tw, y);
                    return;
                }
            }
        }
    }

    /** Unit tangent of the centre line at row i [m/m], in track coordinates. */
    private double[] tangent(int i) {
        int j = i + 1;
        double dx = track.centerX(j) - track.centerX(i);
        double dy = track.centerY(j) - track.centerY(i);
        double l = Math.hypot(dx, dy);
        return new double[] {dx / l, dy / l};
    }

    private void moveTo(Path2D p, double x, double y) {
        Point2D q = toPixel(x, y);
        p.moveTo(q.getX(), q.getY());
    }

    private void lineTo(Path2D p, double x, double y) {
        Point2D q = toPixel(x, y);
        p.lineTo(q.getX(), q.getY());
    }
}
