package dev.racer.render;

import java.util.Arrays;
import org.joml.Matrix4fc;

/**
 * A small pure-Java scanline rasterizer for flat-coloured {@link Mesh}es: what the camera sensor renders
 * with. It follows OpenGL's conventions (clip space -w..w, near-plane clipping, pixel centres sampled at
 * {@code +0.5}, one pixel per covered centre) so that its images match the OpenGL viewer's.
 *
 * <p>Row 0 of {@link #pixels()} is the top of the image. Pixels hold {@code 0xRRGGBB} or, in
 * {@linkplain #setGray gray mode}, the triangles' 0..255 luminance.
 *
 * <p>Not thread-safe: one per worker thread. Deterministic (same input, same pixels). Drawing allocates
 * nothing once its scratch arrays have grown to the largest mesh drawn.
 */
public final class Rasterizer {
    private static final int LEFT = 1, RIGHT = 2, BOTTOM = 4, TOP = 8, NEAR = 16, FAR = 32;

    private final int width, height;
    private final int[] pixels;
    private final float[] depth;
    private boolean gray;

    // transformed vertices of the mesh being drawn
    private float[] cx = new float[0], cy = new float[0], cz = new float[0], cw = new float[0];
    private byte[] code = new byte[0];
    private int[] stamp = new int[0];
    private int frame;

    // the matrix being drawn with
    private float m00, m01, m02, m03, m10, m11, m12, m13, m20, m21, m22, m23, m30, m31, m32, m33;

    // near-clipped polygon (up to 4 vertices)
    private final double[] px = new double[4], py = new double[4], pz = new double[4], pw = new double[4];
    private final int[] corners = new int[3];
    private final double[] tx = new double[3], ty = new double[3], tz = new double[3];

    public Rasterizer(int width, int height) {
        if (width < 1 || height < 1 || (long) width * height > 1 << 26) {
            throw new IllegalArgumentException("bad image size " + width + "x" + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
        this.depth = new float[width * height];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The image, row-major, row 0 at the top (the rasterizer's buffer: copy what must be kept). */
    public int[] pixels() {
        return pixels;
    }

    /** Gray mode: pixels get the triangles' luminance (0..255) instead of their colour. */
    public void setGray(boolean gray) {
        this.gray = gray;
    }

    /** Fills the image with {@code value} (a colour, or a gray level in gray mode) and resets the depth buffer. */
    public void clear(int value) {
        Arrays.fill(pixels, value);
        Arrays.fill(depth, Float.POSITIVE_INFINITY);
    }

    /** Draws a ground mesh in painter's order, depth test off (later triangles cover earlier ones). */
    public void drawGround(Mesh mesh, Matrix4fc mvp) {
        draw(mesh, mvp, false);
    }

    /** Draws a solid mesh with the depth test on (nearer triangles win; ties keep the first drawn). */
    public void drawSolid(Mesh mesh, Matrix4fc mvp) {
        draw(mesh, mvp, true);
    }

    private void draw(Mesh mesh, Matrix4fc m, boolean depthTest) {
        m00 = m.m00(); m01 = m.m01(); m02 = m.m02(); m03 = m.m03();
        m10 = m.m10(); m11 = m.m11(); m12 = m.m12(); m13 = m.m13();
        m20 = m.m20(); m21 = m.m21(); m22 = m.m22(); m23 = m.m23();
        m30 = m.m30(); m31 = m.m31(); m32 = m.m32(); m33 = m.m33();
        int nv = mesh.vertexCount();
        if (cx.length < nv) {
            cx = new float[nv];
            cy = new float[nv];
            cz = new float[nv];
            cw = new float[nv];
            code = new byte[nv];
            stamp = new int[nv];
            frame = 0;
        }
        if (++frame == 0) { // wrapped: forget every stamp
            Arrays.fill(stamp, -1);
            frame = 1;
        }
        float[] pos = mesh.positions();
        int[] idx = mesh.indices();
        int[] val = gray ? mesh.gray() : mesh.rgb();
        float[] bounds = mesh.batchBounds();
        for (int b = 0, nb = mesh.batchCount(); b < nb; b++) {
            if (outside(bounds, 6 * b)) {
                continue;
            }
            for (int t = mesh.batchStart(b), end = mesh.batchStart(b + 1); t < end; t++) {
                int a = idx[3 * t], bb = idx[3 * t + 1], c = idx[3 * t + 2];
                transform(pos, a);
                transform(pos, bb);
                transform(pos, c);
                int ca = code[a], cb = code[bb], cc = code[c];
                if ((ca & cb & cc) != 0) {
                    continue;
                }
                if (((ca | cb | cc) & NEAR) != 0) {
                    clipNearAndDraw(a, bb, c, val[t], depthTest);
                } else {
                    tri(cx[a], cy[a], cz[a], cw[a], cx[bb], cy[bb], cz[bb], cw[bb], cx[c], cy[c], cz[c], cw[c],
                            val[t], depthTest);
                }
            }
        }
    }

    /** Whether a batch's bounding box lies wholly outside one clip plane. */
    private boolean outside(float[] bounds, int o) {
        int all = 0x3f;
        for (int k = 0; k < 8 && all != 0; k++) {
            float x = bounds[o + ((k & 1) != 0 ? 3 : 0)];
            float y = bounds[o + 1 + ((k & 2) != 0 ? 3 : 0)];
            float z = bounds[o + 2 + ((k & 4) != 0 ? 3 : 0)];
            float X = m00 * x + m10 * y + m20 * z + m30;
            float Y = m01 * x + m11 * y + m21 * z + m31;
            float Z = m02 * x + m12 * y + m22 * z + m32;
            float W = m03 * x + m13 * y + m23 * z + m33;
            all &= outcode(X, Y, Z, W);
        }
        return all != 0;
    }

    private static int outcode(float x, float y, float z, float w) {
        int c = 0;
        if (x < -w) c |= LEFT;
        if (x > w) c |= RIGHT;
        if (y < -w) c |= BOTTOM;
        if (y > w) c |= TOP;
        if (z < -w) c |= NEAR;
        if (z > w) c |= FAR;
        return c;
    }

    private void transform(float[] pos, int v) {
        if (stamp[v] == frame) {
            return;
        }
        stamp[v] = frame;
        float x = pos[3 * v], y = pos[3 * v + 1], z = pos[3 * v + 2];
        float X = m00 * x + m10 * y + m20 * z + m30;
        float Y = m01 * x + m11 * y + m21 * z + m31;
        float Z = m02 * x + m12 * y + m22 * z + m32;
        float W = m03 * x + m13 * y + m23 * z + m33;
        cx[v] = X;
        cy[v] = Y;
        cz[v] = Z;
        cw[v] = W;
        code[v] = (byte) outcode(X, Y, Z, W);
    }

    /** Clips a triangle against the near plane (z >= -w) and draws what is left (a triangle or a quad). */
    private void clipNearAndDraw(int a, int b, int c, int value, boolean depthTest) {
        int n = 0;
        int[] v = corners;
        v[0] = a;
        v[1] = b;
        v[2] = c;
        for (int i = 0; i < 3; i++) {
            int p = v[i], q = v[(i + 1) % 3];
            double dp = (double) cz[p] + cw[p], dq = (double) cz[q] + cw[q];
            if (dp >= 0) {
                px[n] = cx[p];
                py[n] = cy[p];
                pz[n] = cz[p];
                pw[n] = cw[p];
                n++;
            }
            if ((dp >= 0) != (dq >= 0)) {
                double t = dp / (dp - dq);
                px[n] = cx[p] + t * (cx[q] - cx[p]);
                py[n] = cy[p] + t * (cy[q] - cy[p]);
                pz[n] = cz[p] + t * (cz[q] - cz[p]);
                pw[n] = cw[p] + t * (cw[q] - cw[p]);
                n++;
            }
        }
        for (int i = 1; i + 1 < n; i++) {
            tri(px[0], py[0], pz[0], pw[0], px[i], py[i], pz[i], pw[i], px[i + 1], py[i + 1], pz[i + 1], pw[i + 1],
                    value, depthTest);
        }
    }

    private void tri(double x0, double y0, double z0, double w0, double x1, double y1, double z1, double w1,
                     double x2, double y2, double z2, double w2, int value, boolean depthTest) {
        if (w0 <= 0 || w1 <= 0 || w2 <= 0) {
            return; // only after near clipping with a degenerate projection (never for a perspective near > 0)
        }
        double hw = 0.5 * width, hh = 0.5 * height;
        tx[0] = (x0 / w0 + 1) * hw;
        ty[0] = (1 - y0 / w0) * hh;
        tz[0] = z0 / w0;
        tx[1] = (x1 / w1 + 1) * hw;
        ty[1] = (1 - y1 / w1) * hh;
        tz[1] = z1 / w1;
        tx[2] = (x2 / w2 + 1) * hw;
        ty[2] = (1 - y2 / w2) * hh;
        tz[2] = z2 / w2;
        raster(value, depthTest);
    }

    /** Fills the screen-space triangle in tx/ty/tz: every pixel whose centre lies inside. */
    private void raster(int value, boolean depthTest) {
        // sort by y
        int i0 = 0, i1 = 1, i2 = 2;
        if (ty[i1] < ty[i0]) { int s = i0; i0 = i1; i1 = s; }
        if (ty[i2] < ty[i1]) { int s = i1; i1 = i2; i2 = s; }
        if (ty[i1] < ty[i0]) { int s = i0; i0 = i1; i1 = s; }
        double x0 = tx[i0], y0 = ty[i0], x1 = tx[i1], y1 = ty[i1], x2 = tx[i2], y2 = ty[i2];
        if (!(y2 > y0)) {
            return;
        }
        int rowStart = (int) Math.max(0, Math.ceil(y0 - 0.5));
        int rowEnd = (int) Math.min(height, Math.ceil(y2 - 0.5));
        if (rowStart >= rowEnd) {
            return;
        }
        double sLong = (x2 - x0) / (y2 - y0);
        double sTop = y1 > y0 ? (x1 - x0) / (y1 - y0) : 0;
        double sBottom = y2 > y1 ? (x2 - x1) / (y2 - y1) : 0;
        // depth plane z = z0 + dzdx (x - x0) + dzdy (y - y0)
        double dzdx = 0, dzdy = 0, zb = 0;
        if (depthTest) {
            double ax = tx[1] - tx[0], ay = ty[1] - ty[0], az = tz[1] - tz[0];
            double bx = tx[2] - tx[0], by = ty[2] - ty[0], bz = tz[2] - tz[0];
            double det = ax * by - ay * bx;
            if (det == 0) {
                return;
            }
            dzdx = (az * by - ay * bz) / det;
            dzdy = (ax * bz - az * bx) / det;
            zb = tz[0] - dzdx * tx[0] - dzdy * ty[0];
        }
        int w = width;
        for (int r = rowStart; r < rowEnd; r++) {
            double yc = r + 0.5;
            double xa = x0 + (yc - y0) * sLong;
            double xb = yc < y1 ? x0 + (yc - y0) * sTop : x1 + (yc - y1) * sBottom;
            double xl = Math.min(xa, xb), xr = Math.max(xa, xb);
            int c0 = (int) Math.max(0, Math.ceil(xl - 0.5));
            int c1 = (int) Math.min(w, Math.ceil(xr - 0.5));
            if (c0 >= c1) {
                continue;
            }
            int row = r * w;
            if (!depthTest) {
                Arrays.fill(pixels, row + c0, row + c1, value);
            } else {
                double z = zb + dzdx * (c0 + 0.5) + dzdy * yc;
                for (int c = c0; c < c1; c++, z += dzdx) {
                    float zf = (float) z;
                    if (zf < depth[row + c] && zf >= -1f && zf <= 1f) {
                        depth[row + c] = zf;
                        pixels[row + c] = value;
                    }
                }
            }
        }
    }
}
