package dev.racer.view;

import dev.racer.render.Cameras;
import dev.racer.render.CarModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.joml.Matrix4fc;
import org.joml.Vector4f;

/**
 * The heads-up display. Top left, the followed car: its name (and place), lap, lap time, best lap, speed,
 * progress, reward, off-tracks and crashes, and in red while it serves a penalty "OFF TRACK +2.0 S" (or
 * "CRASHED +5.0 S" after hitting a box) with the time left; a crash without a penalty shows "CRASHED" in red for
 * {@value #CRASH_SHOWN} s. With several cars, the standings top right (place, name in the car's colour, lap, progress, gap in
 * seconds to the car ahead) and a name label over each car. Written with {@link BitmapFont} into textures
 * ({@link TextPanel}).
 */
final class Hud implements AutoCloseable {
    /** the penalty line's colour */
    static final int PENALTY_R = 255, PENALTY_G = 64, PENALTY_B = 64;
    private static final int WHITE = 0xFFFFFF, PENALTY = (PENALTY_R << 16) | (PENALTY_G << 8) | PENALTY_B;
    private static final float LABEL_Z = 0.26f;
    /** how long a crash without a penalty stays marked [s] */
    static final double CRASH_SHOWN = 1.5;
    private final TextPanel left = new TextPanel(512, 64, 140);
    private TextPanel right;
    private final List<TextPanel> labels = new ArrayList<>();
    private final Vector4f clip = new Vector4f();

    /** The followed car's lines (the penalty line last, while there is one). */
    static String[] lines(ViewState s, int follow, Cameras.Mode mode) {
        CarState c = s.followed(follow);
        String best = Double.isNaN(c.bestLap) ? "-" : String.format(Locale.ROOT, "%.2f S", c.bestLap);
        String who = s.count() > 1 ? "P" + c.position + "/" + s.count() + " " + c.name + "  " : "";
        String[] lines = {
            who + String.format(Locale.ROOT, "LAP %d  TIME %.2f S  BEST %s", c.lap, c.lapTime, best),
            String.format(Locale.ROOT, "SPEED %.2f M/S  PROGRESS %.1f%%", c.speed, c.progress),
            String.format(Locale.ROOT, "REWARD %.3f  OFF TRACK %d  CRASHES %d  STEP %d", c.reward, c.offTrack,
                    c.crashes, s.step),
            mode.name() + " CAMERA (1 2 3 C" + (s.count() > 1 ? ", TAB CAR" : "") + ")  " + s.info
        };
        if (!c.inPenalty && !(c.sinceCrash < CRASH_SHOWN)) {
            return lines;
        }
        String[] withPenalty = Arrays.copyOf(lines, lines.length + 1);
        withPenalty[lines.length] = penaltyLine(c);
        return withPenalty;
    }

    /** The penalty indicator: the penalty being served and the time left of it. */
    static String penaltyLine(CarState s) {
        if (!s.inPenalty) {
            return "CRASHED";
        }
        return String.format(Locale.ROOT, "%s +%.1f S  %.1f S LEFT", s.crashPenalty ? "CRASHED" : "OFF TRACK",
                s.penalty, s.penaltyLeft);
    }

    /** Whether the last line is the red one (a penalty, or a crash just now). */
    static boolean marked(CarState c) {
        return c.inPenalty || c.sinceCrash < CRASH_SHOWN;
    }

    /** The standings, leader first: place, name, lap, progress and gap to the car ahead. */
    static String[] standings(ViewState s) {
        CarState[] byPlace = byPlace(s);
        String[] out = new String[byPlace.length];
        int nameW = 4;
        for (CarState c : byPlace) {
            nameW = Math.max(nameW, Math.min(16, c.name.length()));
        }
        for (int i = 0; i < byPlace.length; i++) {
            CarState c = byPlace[i];
            String name = c.name.length() > 16 ? c.name.substring(0, 16) : c.name;
            String gap = i == 0 ? "LEADER" : Double.isNaN(c.gap) ? "-" : String.format(Locale.ROOT, "+%.2f S", c.gap);
            out[i] = String.format(Locale.ROOT, "P%d %-" + nameW + "s  LAP %d %5.1f%%  %s", c.position, name, c.lap,
                    c.progress, gap);
        }
        return out;
    }

    private static CarState[] byPlace(ViewState s) {
        CarState[] cars = s.cars().toArray(new CarState[0]);
        Arrays.sort(cars, (a, b) -> Integer.compare(a.position, b.position));
        return cars;
    }

    /** A car's colour lightened for text on the dark panel. */
    static int textColour(int colourIndex) {
        int c = CarModel.colour(colourIndex);
        int r = (c >> 16) & 0xff, g = (c >> 8) & 0xff, b = c & 0xff;
        return ((r + (255 - r) / 4) << 16) | ((g + (255 - g) / 4) << 8) | (b + (255 - b) / 4);
    }

    /**
     * Draws the HUD over the bound framebuffer of {@code width × height} pixels; {@code viewProj} is the scene's
     * camera (for the labels over the cars).
     */
    void draw(ViewState s, int follow, Cameras.Mode mode, Matrix4fc viewProj, int width, int height) {
        int scale = width >= 900 ? 2 : 1;
        String[] l = lines(s, follow, mode);
        int[] colours = new int[l.length];
        Arrays.fill(colours, WHITE);
        if (marked(s.followed(follow))) {
            colours[l.length - 1] = PENALTY;
        }
        left.set(l, colours, null);
        left.draw(width, height, 0, 0, scale);
        if (s.count() < 2) {
            return;
        }
        if (right == null) {
            right = new TextPanel(512, 16 + 9 * 24, 140);
        }
        CarState[] byPlace = byPlace(s);
        int[] text = new int[byPlace.length], swatch = new int[byPlace.length];
        for (int i = 0; i < byPlace.length; i++) {
            text[i] = textColour(byPlace[i].colour);
            swatch[i] = CarModel.colour(byPlace[i].colour);
        }
        right.set(standings(s), text, swatch);
        right.draw(width, height, width - right.panelWidth() * scale, 0, scale);
        if (mode == Cameras.Mode.TOP) {
            scale = 1; // small labels over a small track
        }
        for (int i = 0; i < s.count(); i++) {
            if (mode == Cameras.Mode.ONBOARD && i == Math.floorMod(follow, s.count())) {
                continue;
            }
            while (labels.size() <= i) {
                labels.add(new TextPanel(128, 16, 150));
            }
            CarState c = s.car(i);
            viewProj.transform(clip.set((float) c.x, (float) c.y, LABEL_Z, 1));
            if (clip.w <= 1e-4 || Math.abs(clip.x / clip.w) > 1.1 || Math.abs(clip.y / clip.w) > 1.1) {
                continue;
            }
            TextPanel p = labels.get(i);
            p.set(new String[] {"P" + c.position + " " + c.name}, new int[] {WHITE},
                    new int[] {CarModel.colour(c.colour)});
            float sx = (clip.x / clip.w + 1) / 2 * width, sy = (1 - clip.y / clip.w) / 2 * height;
            p.draw(width, height, sx - p.panelWidth() * scale / 2f, sy - p.panelHeight() * scale - 2 * scale, scale);
        }
    }

    @Override
    public void close() {
        left.close();
        if (right != null) {
            right.close();
        }
        for (TextPanel p : labels) {
            p.close();
        }
    }
}
