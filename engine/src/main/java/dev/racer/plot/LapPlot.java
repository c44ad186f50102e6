package dev.racer.plot;

import dev.racer.race.EpisodeStatus;
import dev.racer.race.TrialObserver;
import dev.racer.track.TrackGeometry;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws the laps of a time trial on the track, top down (java.awt, headless): the road, its borders and
 * centre line, the start line and driving direction, the car's path coloured by speed with a colour bar,
 * and the off-track points marked with numbered red crosses.
 */
public final class LapPlot {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** One point of the car's path: the front point [m], the actual speed [m/s] and the lap (from 1). */
    public record Point(double x, double y, double speed, int lap) {
    }

    /** A put-back after an off-track (or a stuck car): where it went off, where it was put back. */
    public record Incident(double x, double y, String kind, int lap) {
    }


    private final TrackGeometry geo;
    private final List<List<Point>> segments = new ArrayList<>();
    private final List<Incident> incidents = new ArrayList<>();
    private final List<Point> putBacks = new ArrayList<>();
    private boolean awaitingPutBack;
    private final List<String> notes = new ArrayList<>();
    private String title = "";
    private double maxSpeed = 4.0;
    private int width = 1600;

    public LapPlot(TrackGeometry geo) {
        this.geo = geo;
        segments.add(new ArrayList<>());
    }

    public LapPlot title(String t) {
        this.title = t;
        return this;
    }

    /** A line of text for the side panel (lap times and the like). */
    public LapPlot note(String line) {
        notes.add(line);
        return this;
    }

    /** Top of the colour scale [m/s] (the car's top speed). */
    public LapPlot maxSpeed(double v) {
        this.maxSpeed = v;
        return this;
    }

    /** Width of the picture [px]. */
    public LapPlot width(int px) {
        this.width = px;
        return this;
    }

    /** Adds a point to the path. */
    public void add(double x, double y, double speed, int lap) {
        segments.get(segments.size() - 1).add(new Point(x, y, speed, lap));
    }

    /** Ends the current piece of path (the car is about to be put back elsewhere). */
    public void breakPath() {
        if (!segments.get(segments.size() - 1).isEmpty()) {
            segments.add(new ArrayList<>());
        }
    }

    public void incident(double x, double y, String kind, int lap) {
        incidents.add(new Incident(x, y, kind, lap));
    }

    /**
     * Feeds this plot from a time trial: every driving row adds a point; an off-track (or any failing) row is
     * marked and ends a piece of path, since the car is put back elsewhere.
     */
    public TrialObserver observer() {
        return row -> {
            if (boxes.isEmpty() && row.env() != null && !row.env().objects().reportsMotion()) {
                objects(row.env().objects()); // boxes stand still; moving bots are not drawn, their crashes are
            }
            if (row.paused()) {
                return;
            }
            var p = row.params();
            if (awaitingPutBack) {
                // the first step after a put-back starts where the car was put: mark the spot it was put at
                putBacks.add(new Point(p.x(), p.y(), 0, row.lap()));
                awaitingPutBack = false;
            }
            add(p.x(), p.y(), row.speed(), row.lap());
            EpisodeStatus s = row.status();
            if (s.isFailure()) {
                // off track while crashed: a race handles it as the crash it is
                incident(p.x(), p.y(), p.isCrashed() ? EpisodeStatus.CRASHED.traceName() : s.traceName(), row.lap());
                breakPath();
                awaitingPutBack = true;
            }
        };
    }

    private final List<dev.racer.world.TrackObject> boxes = new java.util.ArrayList<>();

    /** Draws the boxes of {@code objects} (their visible size), as they stand now. */
    public LapPlot objects(dev.racer.world.WorldObjects objects) {
        boxes.clear();
        for (int i = 0; i < objects.count(); i++) {
            boxes.add(objects.get(i));
        }
        return this;
    }

    private void drawBoxes(Graphics2D g, Mapper m) {
        double shrinkL = (dev.racer.world.TrackObject.BOX_LENGTH - dev.racer.world.TrackObject.BOX_VISUAL_LENGTH) / 2;
        double shrinkW = (dev.racer.world.TrackObject.BOX_WIDTH - dev.racer.world.TrackObject.BOX_VISUAL_WIDTH) / 2;
        for (dev.racer.world.TrackObject b : boxes) {
            double hl = b.length() / 2 - shrinkL, hw = b.width() / 2 - shrinkW;
            double c = Math.cos(b.heading()), s = Math.sin(b.heading());
            java.awt.geom.Path2D.Double r = new java.awt.geom.Path2D.Double();
            double[][] k = {{hl, hw}, {-hl, hw}, {-hl, -hw}, {hl, -hw}};
            for (int j = 0; j < 4; j++) {
                double wx = b.x() + k[j][0] * c - k[j][1] * s, wy = b.y() + k[j][0] * s + k[j][1] * c;
                if (j == 0) {
                    r.moveTo(m.x(wx), m.y(wy));
                } else {
                    r.lineTo(m.x(wx), m.y(wy));
                }
            }
            r.closePath();
            g.setColor(BOX_FILL);
            g.fill(r);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(r);
        }
    }

    /** cardboard brown, as DeepRacer's boxes */
    private static final Color BOX_FILL = new Color(0xB0, 0x83, 0x4F);
    /** crash marks, apart from off-track ones */
    private static final Color CRASH = new Color(0xE0, 0x7B, 0x00);

    /** Incidents marked so far. */
    public List<Incident> incidents() {
        return List.copyOf(incidents);
    }

    /** The picture. */
    public BufferedImage render() {
        // world bounds: the borders
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < geo.size(); k++) {
            minX = Math.min(minX, Math.min(geo.innerX(k), geo.outerX(k)));
            maxX = Math.max(maxX, Math.max(geo.innerX(k), geo.outerX(k)));
            minY = Math.min(minY, Math.min(geo.innerY(k), geo.outerY(k)));
            maxY = Math.max(maxY, Math.max(geo.innerY(k), geo.outerY(k)));
        }
        for (List<Point> seg : segments) {
            for (Point p : seg) {
                minX = Math.min(minX, p.x);
                maxX = Math.max(maxX, p.x);
                minY = Math.min(minY, p.y);
                maxY = Math.max(maxY, p.y);
            }
        }
        int panel = 300;              // side panel: legend and notes
        int header = 70;
        int margin = 20;
        int plotW = width - panel - 2 * margin;
        // room around the road for the start arrow and its label: about 90 px
        double pad = 90.0 / (plotW / (maxX - minX + 0.6));
        minX -= pad;
        minY -= pad;
        maxX += pad;
        maxY += pad;
        double scale = plotW / (maxX - minX);
        int plotH = (int) Math.ceil((maxY - minY) * scale);
        int minPanelH = 160 + 22 * notes.size() + 260;
        int height = Math.max(header + plotH + 2 * margin, header + minPanelH);
        double ox = margin - minX * scale;
        double oy = header + margin + maxY * scale;
        Mapper m = new Mapper(scale, ox, oy);

        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Palette.BACKGROUND);
            g.fillRect(0, 0, width, height);
            g.setColor(Palette.GRASS);
            g.fillRect(margin, header + margin, plotW, plotH);
            drawTrack(g, m);
            drawBoxes(g, m);
            drawPath(g, m);
            drawPutBacks(g, m);
            drawIncidents(g, m);
            drawHeader(g, header);
            drawPanel(g, width - panel + 10, header + margin, panel - 30);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes the picture as a PNG, atomically. */
    public void write(Path file) {
        Palette.writePng(file, render());
    }

    private record Mapper(double scale, double ox, double oy) {
        double x(double wx) {
            return ox + wx * scale;
        }

        double y(double wy) {
            return oy - wy * scale;
        }
    }

    private void drawTrack(Graphics2D g, Mapper m) {
        int n = geo.size();
        // the road: one quad per row pair (robust for any loop shape)
        g.setColor(Palette.ROAD);
        g.setStroke(new BasicStroke(1.2f));
        for (int k = 0; k < n - 1; k++) {
            Path2D.Double q = new Path2D.Double();
            q.moveTo(m.x(geo.innerX(k)), m.y(geo.innerY(k)));
            q.lineTo(m.x(geo.outerX(k)), m.y(geo.outerY(k)));
            q.lineTo(m.x(geo.outerX(k + 1)), m.y(geo.outerY(k + 1)));
            q.lineTo(m.x(geo.innerX(k + 1)), m.y(geo.innerY(k + 1)));
            q.closePath();
            g.fill(q);
            g.draw(q);
        }
        g.setColor(Palette.BORDER);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(polyline(m, n, k -> geo.innerX(k), k -> geo.innerY(k)));
        g.draw(polyline(m, n, k -> geo.outerX(k), k -> geo.outerY(k)));
        g.setColor(Palette.CENTRE);
        g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 8f}, 0f));
        g.draw(polyline(m, n, k -> geo.centerX(k), k -> geo.centerY(k)));

        // start line across the road at row 0, chequered, and an arrow for the direction of travel
        double ix = m.x(geo.innerX(0)), iy = m.y(geo.innerY(0)), ox = m.x(geo.outerX(0)), oy = m.y(geo.outerY(0));
        int squares = 8;
        double ddx = (ox - ix) / squares, ddy = (oy - iy) / squares;
        g.setStroke(new BasicStroke(7f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        for (int s = 0; s < squares; s++) {
            g.setColor(s % 2 == 0 ? Color.BLACK : Color.WHITE);
            g.draw(new Line2D.Double(ix + s * ddx, iy + s * ddy, ix + (s + 1) * ddx, iy + (s + 1) * ddy));
        }
        double cx = m.x(geo.centerX(0)), cy = m.y(geo.centerY(0));
        double hx = m.x(geo.centerX(1)) - cx, hy = m.y(geo.centerY(1)) - cy;
        double hl = Math.hypot(hx, hy);
        if (hl > 0) {
            hx /= hl;
            hy /= hl;
            double nx = -hy, ny = hx;
            double off = Math.hypot(ox - ix, oy - iy) / 2 + 26;
            // place the arrow outside the road, beside the start line, on the outer side
            double sx = (ox - cx), sy = (oy - cy);
            double sl = Math.hypot(sx, sy);
            double ax = cx + sx / sl * off, ay = cy + sy / sl * off;
            double len = 34;
            g.setColor(Palette.TEXT);
            g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            double tx = ax + hx * len / 2, ty = ay + hy * len / 2;
            g.draw(new Line2D.Double(ax - hx * len / 2, ay - hy * len / 2, tx, ty));
            Path2D.Double head = new Path2D.Double();
            head.moveTo(tx + hx * 8, ty + hy * 8);
            head.lineTo(tx - hx * 4 + nx * 7, ty - hy * 4 + ny * 7);
            head.lineTo(tx - hx * 4 - nx * 7, ty - hy * 4 - ny * 7);
            head.closePath();
            g.fill(head);
            g.setFont(Palette.title(14));
            FontMetrics fm = g.getFontMetrics();
            String s = "START";
            // beyond the arrow, outwards, far enough that the text box clears it whichever way it points
            double ux = sx / sl, uy = sy / sl;
            double d = 14 + Math.abs(ux) * fm.stringWidth(s) / 2.0 + Math.abs(uy) * fm.getAscent() / 2.0;
            g.drawString(s, (float) (ax + ux * d - fm.stringWidth(s) / 2.0),
                    (float) (ay + uy * d + fm.getAscent() / 2.0 - 1));
        }
    }

    private interface Coord {
        double at(int k);
    }

    private static Path2D.Double polyline(Mapper m, int n, Coord x, Coord y) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(m.x(x.at(0)), m.y(y.at(0)));
        for (int k = 1; k < n; k++) {
            p.lineTo(m.x(x.at(k)), m.y(y.at(k)));
        }
        return p;
    }

    private void drawPath(Graphics2D g, Mapper m) {
        g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (List<Point> seg : segments) {
            for (int i = 1; i < seg.size(); i++) {
                Point a = seg.get(i - 1), b = seg.get(i);
                g.setColor(speedColor((a.speed + b.speed) / 2 / maxSpeed));
                g.draw(new Line2D.Double(m.x(a.x), m.y(a.y), m.x(b.x), m.y(b.y)));
            }
        }
    }

    private void drawPutBacks(Graphics2D g, Mapper m) {
        g.setStroke(new BasicStroke(2.5f));
        for (Point p : putBacks) {
            double x = m.x(p.x), y = m.y(p.y);
            java.awt.geom.Ellipse2D.Double c = new java.awt.geom.Ellipse2D.Double(x - 6, y - 6, 12, 12);
            g.setColor(Color.WHITE);
            g.fill(c);
            g.setColor(Palette.ALARM);
            g.draw(c);
        }
    }

    private void drawIncidents(Graphics2D g, Mapper m) {
        g.setFont(Palette.title(15));
        int i = 0;
        for (Incident inc : incidents) {
            i++;
            double x = m.x(inc.x), y = m.y(inc.y);
            int r = 9;
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(x - r, y - r, x + r, y + r));
            g.draw(new Line2D.Double(x - r, y + r, x + r, y - r));
            Color mark = inc.kind().equals(EpisodeStatus.CRASHED.traceName()) ? CRASH : Palette.ALARM;
            g.setColor(mark);
            g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Double(x - r, y - r, x + r, y + r));
            g.draw(new Line2D.Double(x - r, y + r, x + r, y - r));
            String label = String.valueOf(i);
            g.setColor(Color.WHITE);
            g.drawString(label, (float) x + r + 3 + 1, (float) y - r + 1);
            g.setColor(mark);
            g.drawString(label, (float) x + r + 3, (float) y - r);
        }
    }

    private void drawHeader(Graphics2D g, int header) {
        g.setColor(Palette.TEXT);
        g.setFont(Palette.title(24));
        g.drawString(title, 20, 42);
    }

    private void drawPanel(Graphics2D g, int x, int y, int w) {
        g.setColor(Palette.TEXT);
        g.setFont(Palette.title(16));
        g.drawString("Speed [m/s]", x, y + 16);
        int barX = x, barY = y + 30, barW = 26, barH = 220;
        for (int j = 0; j < barH; j++) {
            double f = 1 - j / (double) (barH - 1);
            g.setColor(speedColor(f));
            g.fillRect(barX, barY + j, barW, 1);
        }
        g.setColor(Palette.BORDER);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(barX, barY, barW, barH);
        g.setFont(Palette.label(14));
        int ticks = (int) Math.round(maxSpeed);
        for (int t = 0; t <= ticks; t++) {
            double v = maxSpeed * t / ticks;
            int ty = barY + (int) Math.round((1 - v / maxSpeed) * (barH - 1));
            g.drawLine(barX + barW, ty, barX + barW + 5, ty);
            g.drawString(String.format("%.1f", v), barX + barW + 9, ty + 5);
        }
        int ly = barY + barH + 36;
        // off-track marker legend
        g.setColor(Palette.ALARM);
        g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(x + 4, ly - 12, x + 20, ly + 4));
        g.draw(new Line2D.Double(x + 4, ly + 4, x + 20, ly - 12));
        g.setColor(Palette.TEXT);
        long offs = incidents.stream().filter(i -> i.kind().equals(EpisodeStatus.OFF_TRACK.traceName())).count();
        long crashes = incidents.stream().filter(i -> i.kind().equals(EpisodeStatus.CRASHED.traceName())).count();
        long stuck = incidents.size() - offs - crashes;
        g.drawString("off track (" + offs + ")" + (stuck > 0 ? ", stuck (" + stuck + ")" : ""), x + 32, ly);
        if (crashes > 0 || !boxes.isEmpty()) {
            ly += 26;
            g.setColor(CRASH);
            g.draw(new Line2D.Double(x + 4, ly - 12, x + 20, ly + 4));
            g.draw(new Line2D.Double(x + 4, ly + 4, x + 20, ly - 12));
            g.setColor(Palette.TEXT);
            g.drawString("crashed into a box (" + crashes + ")", x + 32, ly);
        }
        ly += 26;
        g.setStroke(new BasicStroke(2.5f));
        g.setColor(Color.WHITE);
        g.fillOval(x + 6, ly - 10, 12, 12);
        g.setColor(Palette.ALARM);
        g.drawOval(x + 6, ly - 10, 12, 12);
        g.setColor(Palette.TEXT);
        g.drawString("put back on the track", x + 32, ly);
        ly += 26;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        g.drawLine(x + 4, ly - 4, x + 20, ly - 4);
        g.setColor(Palette.TEXT);
        g.drawString("start line", x + 32, ly);
        ly += 36;
        g.setFont(Palette.mono(14));
        for (String line : notes) {
            g.drawString(line, x, ly);
            ly += 20;
        }
    }

    /**
     * A perceptual blue-to-red scale (Google's Turbo, as a polynomial fit), f in [0, 1]: blue is slow, red is
     * fast.
     */
    public static Color speedColor(double f) {
        double t = Math.max(0, Math.min(1, f));
        double r = 0.13572138 + t * (4.61539260 + t * (-42.66032258 + t * (132.13108234 + t * (-152.94239396 + t * 59.28637943))));
        double gg = 0.09140261 + t * (2.19418839 + t * (4.84296658 + t * (-14.18503333 + t * (4.27729857 + t * 2.82956604))));
        double b = 0.10667330 + t * (12.64194608 + t * (-60.58204836 + t * (110.36276771 + t * (-89.90310912 + t * 27.34824973))));
        return new Color(clamp(r), clamp(gg), clamp(b));
    }

    private static float clamp(double v) {
        return (float) Math.max(0, Math.min(1, v));
    }
}
