package dev.racer.view;

import static org.lwjgl.opengl.GL30C.GL_RGBA;
import static org.lwjgl.opengl.GL30C.GL_RGBA8;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.lwjgl.system.MemoryUtil;

/**
 * Lines of {@link BitmapFont} text on a translucent dark panel, each line in its own colour, with an optional
 * colour swatch before each line: written into a texture (re-uploaded only when the text changes) and drawn as
 * a screen quad. The HUD's panels and the cars' name labels.
 */
final class TextPanel implements AutoCloseable {
    static final int PAD = 4;
    /** width of a line's colour swatch and the space after it [px at scale 1] */
    static final int SWATCH = 8;
    private final int texW, texH, alpha;
    private final ScreenQuad quad;
    private final ByteBuffer pixels;
    private String[] shownLines = new String[0];
    private int[] shownColours = new int[0];
    private int[] shownSwatches = new int[0];
    private int usedW, usedH;

    /** @param alpha the panel's opacity, 0..255 */
    TextPanel(int texW, int texH, int alpha) {
        this.texW = texW;
        this.texH = texH;
        this.alpha = alpha;
        quad = new ScreenQuad(texW, texH, GL_RGBA8, GL_RGBA, false);
        pixels = MemoryUtil.memAlloc(texW * texH * 4);
    }

    /**
     * Sets the text: {@code colours[i]} is line i's {@code 0xRRGGBB}; {@code swatches} (may be null, or -1 for
     * none) a colour square before line i.
     */
    void set(String[] lines, int[] colours, int[] swatches) {
        int[] sw = swatches == null ? new int[0] : swatches;
        if (Arrays.equals(lines, shownLines) && Arrays.equals(colours, shownColours) && Arrays.equals(sw, shownSwatches)) {
            return;
        }
        render(lines, colours, sw);
        quad.upload(pixels);
        shownLines = lines.clone();
        shownColours = colours.clone();
        shownSwatches = sw.clone();
    }

    /** Width and height of the panel at scale 1 [px]. */
    int panelWidth() {
        return usedW;
    }

    int panelHeight() {
        return usedH;
    }

    /** Draws the panel with its top-left corner at (x, y) [px from the top-left] of a {@code viewW × viewH} view. */
    void draw(int viewW, int viewH, float x, float y, int scale) {
        if (usedW == 0 || usedH == 0) {
            return;
        }
        quad.draw(viewW, viewH, x, y, x + usedW * scale, y + usedH * scale, (float) usedW / texW, (float) usedH / texH, true);
    }

    private void render(String[] lines, int[] colours, int[] swatches) {
        boolean anySwatch = false;
        for (int s : swatches) {
            anySwatch |= s >= 0;
        }
        int indent = anySwatch ? SWATCH + 2 : 0;
        int maxW = 0;
        for (String l : lines) {
            maxW = Math.max(maxW, BitmapFont.width(l));
        }
        usedW = Math.min(texW, indent + maxW + 2 * PAD + 1);
        usedH = Math.min(texH, lines.length * BitmapFont.LINE + 2 * PAD - 1);
        for (int i = 0; i < texW * texH; i++) {
            int x = i % texW, y = i / texW;
            boolean panel = x < usedW && y < usedH;
            pixels.put(4 * i, (byte) 0).put(4 * i + 1, (byte) 0).put(4 * i + 2, (byte) 0)
                    .put(4 * i + 3, (byte) (panel ? alpha : 0));
        }
        for (int li = 0; li < lines.length; li++) {
            int oy = PAD + li * BitmapFont.LINE;
            if (li < swatches.length && swatches[li] >= 0) {
                int c = swatches[li];
                for (int y = 0; y < BitmapFont.GLYPH_H; y++) {
                    for (int x = 0; x < SWATCH - 1; x++) {
                        set(PAD + x, oy + y, (c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, 255);
                    }
                }
            }
            String l = lines[li];
            int c = colours[li];
            int r = (c >> 16) & 0xff, g = (c >> 8) & 0xff, b = c & 0xff;
            for (int ci = 0; ci < l.length(); ci++) {
                int ox = PAD + indent + ci * BitmapFont.ADVANCE;
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
        if (x < 0 || y < 0 || x >= texW || y >= texH) {
            return;
        }
        int o = 4 * (y * texW + x);
        pixels.put(o, (byte) r).put(o + 1, (byte) g).put(o + 2, (byte) b).put(o + 3, (byte) a);
    }

    @Override
    public void close() {
        quad.close();
        MemoryUtil.memFree(pixels);
    }
}
