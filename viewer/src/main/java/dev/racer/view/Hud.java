package dev.racer.view;

import static org.lwjgl.opengl.GL30C.*;

import dev.racer.render.Cameras;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.lwjgl.system.MemoryUtil;

/**
 * The heads-up display: lap, lap time, best lap, speed, progress, reward and off-track count, and in red while
 * the car serves an off-track penalty "OFF TRACK +2.0 S" with the time left, written with
 * {@link BitmapFont} into a small texture (re-uploaded only when the text changes) and drawn as a quad in
 * the top-left corner.
 */
final class Hud implements AutoCloseable {
    private static final int TEX_W = 512, TEX_H = 64, PAD = 4;
    /** the penalty line's colour */
    static final int PENALTY_R = 255, PENALTY_G = 64, PENALTY_B = 64;
    private final ScreenQuad quad;
    private final ByteBuffer pixels = MemoryUtil.memAlloc(TEX_W * TEX_H * 4);
    private String shown = null;
    private int usedW, usedH;

    Hud() {
        quad = new ScreenQuad(TEX_W, TEX_H, GL_RGBA8, GL_RGBA, false);
    }

    /** The HUD's lines for a state. */
    static String[] lines(ViewState s, Cameras.Mode mode) {
        String best = Double.isNaN(s.bestLap) ? "-" : String.format(Locale.ROOT, "%.2f S", s.bestLap);
        String[] lines = {
            String.format(Locale.ROOT, "LAP %d  TIME %.2f S  BEST %s", s.lap, s.lapTime, best),
            String.format(Locale.ROOT, "SPEED %.2f M/S  PROGRESS %.1f%%", s.speed, s.progress),
            String.format(Locale.ROOT, "REWARD %.3f  OFF TRACK %d  STEP %d", s.reward, s.offTrack, s.step),
            mode.name() + " CAMERA (1 2 3 C)  " + s.info
        };
        if (!s.inPenalty) {
            return lines;
        }
        String[] withPenalty = java.util.Arrays.copyOf(lines, lines.length + 1);
        withPenalty[lines.length] = penaltyLine(s);
        return withPenalty;
    }

    /** The penalty indicator: the penalty being served and the time left of it. */
    static String penaltyLine(ViewState s) {
        return String.format(Locale.ROOT, "OFF TRACK +%.1f S  %.1f S LEFT", s.penalty, s.penaltyLeft);
    }

    /** Draws the HUD over the bound framebuffer of {@code width × height} pixels. */
    void draw(ViewState s, Cameras.Mode mode, int width, int height) {
        String[] lines = lines(s, mode);
        String text = String.join("\n", lines);
        if (!text.equals(shown)) {
            render(lines);
            quad.upload(pixels);
            shown = text;
        }
        int scale = width >= 900 ? 2 : 1;
        float x1 = usedW * scale, y1 = usedH * scale;
        float u = (float) usedW / TEX_W, v = (float) usedH / TEX_H;
        quad.draw(width, height, 0, 0, x1, y1, u, v, true);
    }

    /** Writes the lines into the texture image: white text with a dark shadow on a translucent panel. */
    private void render(String[] lines) {
        int maxW = 0;
        for (String l : lines) {
            maxW = Math.max(maxW, BitmapFont.width(l));
        }
        usedW = Math.min(TEX_W, maxW + 2 * PAD + 1);
        usedH = Math.min(TEX_H, lines.length * BitmapFont.LINE + 2 * PAD - 1);
        for (int i = 0; i < TEX_W * TEX_H; i++) {
            int x = i % TEX_W, y = i / TEX_W;
            boolean panel = x < usedW && y < usedH;
            pixels.put(4 * i, (byte) 0).put(4 * i + 1, (byte) 0).put(4 * i + 2, (byte) 0)
                    .put(4 * i + 3, (byte) (panel ? 140 : 0));
        }
        for (int li = 0; li < lines.length; li++) {
            String l = lines[li];
            boolean red = l.startsWith("OFF TRACK +");
            int r = 255, g = red ? PENALTY_G : 255, b = red ? PENALTY_B : 255;
            int oy = PAD + li * BitmapFont.LINE;
            for (int ci = 0; ci < l.length(); ci++) {
                int ox = PAD + ci * BitmapFont.ADVANCE;
                for (int gy = 0; gy < BitmapFont.GLYPH_H; gy++) {
                    for (int gx = 0; gx < BitmapFont.GLYPH_W; gx++) {
                        if (BitmapFont.pixel(l.charAt(ci), gx, gy)) {
                            set(ox + gx + 1, oy + gy + 1, 0, 0, 0, 255); // shadow
                        }
                    }
                }
                for (int gy = 0; gy < BitmapFont.GLYPH_H; gy++) {
                    for (int gx = 0; gx < BitmapFont.GLYPH_W; gx++) {
                        if (BitmapFont.pixel(l.charAt(ci), gx, gy)) {
                            set(ox + gx, oy + gy, r, g, b, 255);
                        }
                    }
                }
            }
        }
    }

    private void set(int x, int y, int r, int g, int b, int a) {
        if (x < 0 || y < 0 || x >= TEX_W || y >= TEX_H) {
            return;
        }
        int o = 4 * (y * TEX_W + x);
        pixels.put(o, (byte) r).put(o + 1, (byte) g).put(o + 2, (byte) b).put(o + 3, (byte) a);
    }

    @Override
    public void close() {
        quad.close();
        MemoryUtil.memFree(pixels);
    }
}
