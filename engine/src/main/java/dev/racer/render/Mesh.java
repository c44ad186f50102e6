package dev.racer.render;

import java.util.Arrays;

/**
 * Triangles with one flat colour each, in a model's own frame [m] (z up). The same mesh feeds the OpenGL
 * viewer and the pure-Java {@link Rasterizer}.
 *
 * <p>Triangles are kept in drawing order and grouped in {@linkplain #batches() batches} with an axis-aligned
 * bounding box each, so that renderers can skip batches outside the view. For ground meshes the order is the
 * painter's order (later triangles cover earlier ones; draw with the depth test off).
 *
 * <p>Immutable after {@link Builder#build()}; the arrays are shared, do not modify them.
 */
public final class Mesh {
    private final float[] positions;   // x, y, z per vertex
    private final int[] indices;       // 3 vertex indices per triangle
    private final int[] rgb;           // 0xRRGGBB per triangle
    private final int[] gray;          // 0..255 luminance per triangle
    private final float[] normals;     // unit face normal per triangle (x, y, z), from the winding
    private final int[] batchStart;    // first triangle of each batch, plus the end
    private final float[] batchBounds; // minX, minY, minZ, maxX, maxY, maxZ per batch

    private Mesh(float[] positions, int[] indices, int[] rgb, int[] batchStart, float[] batchBounds) {
        this.positions = positions;
        this.indices = indices;
        this.rgb = rgb;
        this.batchStart = batchStart;
        this.batchBounds = batchBounds;
        this.gray = new int[rgb.length];
        for (int t = 0; t < rgb.length; t++) {
            gray[t] = luminance(rgb[t]);
        }
        this.normals = faceNormals(positions, indices);
    }

    /** Unit normal of each triangle by the right-hand rule over its corners (0, 0, 1 for a degenerate one). */
    private static float[] faceNormals(float[] p, int[] idx) {
        float[] n = new float[idx.length];
        for (int t = 0; t < idx.length / 3; t++) {
            int a = 3 * idx[3 * t], b = 3 * idx[3 * t + 1], c = 3 * idx[3 * t + 2];
            double ux = p[b] - p[a], uy = p[b + 1] - p[a + 1], uz = p[b + 2] - p[a + 2];
            double vx = p[c] - p[a], vy = p[c + 1] - p[a + 1], vz = p[c + 2] - p[a + 2];
            double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
            double len = Math.sqrt(nx * nx + ny * ny + nz * nz);
            if (len < 1e-12) {
                n[3 * t + 2] = 1;
            } else {
                n[3 * t] = (float) (nx / len);
                n[3 * t + 1] = (float) (ny / len);
                n[3 * t + 2] = (float) (nz / len);
            }
        }
        return n;
    }

    /** ITU-R BT.601 luma of {@code 0xRRGGBB}, 0..255 (what DeepRacer's grayscale conversion computes). */
    public static int luminance(int rgb) {
        int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
        return (299 * r + 587 * g + 114 * b + 500) / 1000;
    }

    public int vertexCount() {
        return positions.length / 3;
    }

    public int triangleCount() {
        return indices.length / 3;
    }

    public int batchCount() {
        return batchStart.length - 1;
    }

    /** Vertex positions, 3 floats each (shared). */
    public float[] positions() {
        return positions;
    }

    /** Vertex indices, 3 per triangle (shared). */
    public int[] indices() {
        return indices;
    }

    /** Colour of each triangle, {@code 0xRRGGBB} (shared). */
    public int[] rgb() {
        return rgb;
    }

    /** Grayscale value of each triangle, 0..255 (shared). */
    public int[] gray() {
        return gray;
    }

    /**
     * Unit face normal of each triangle, 3 floats each (shared), by the right-hand rule over its corners; the
     * builder's boxes, cylinders and prisms wind their faces outwards, so these point out of the solid.
     */
    public float[] normals() {
        return normals;
    }

    /** First triangle of batch {@code b}; {@code batchStart(batchCount())} is the triangle count. */
    public int batchStart(int b) {
        return batchStart[b];
    }

    /** Bounding box of batch {@code b}: minX, minY, minZ, maxX, maxY, maxZ (shared array, 6 per batch). */
    public float[] batchBounds() {
        return batchBounds;
    }

    /**
     * The triangles expanded to interleaved vertices {@code x, y, z, r, g, b} (colours 0..1), 3 vertices per
     * triangle, in drawing order: what the OpenGL viewer uploads.
     */
    public float[] interleaved() {
        int tris = triangleCount();
        float[] out = new float[tris * 3 * 6];
        int o = 0;
        for (int t = 0; t < tris; t++) {
            float r = ((rgb[t] >> 16) & 0xff) / 255f, g = ((rgb[t] >> 8) & 0xff) / 255f, b = (rgb[t] & 0xff) / 255f;
            for (int k = 0; k < 3; k++) {
                int v = indices[3 * t + k] * 3;
                out[o++] = positions[v];
                out[o++] = positions[v + 1];
                out[o++] = positions[v + 2];
                out[o++] = r;
                out[o++] = g;
                out[o++] = b;
            }
        }
        return out;
    }

    /**
     * The triangles expanded to interleaved vertices {@code x, y, z, nx, ny, nz, r, g, b} (face normals,
     * colours 0..1), 3 vertices per triangle, in drawing order: what a lit renderer uploads.
     */
    public float[] interleavedWithNormals() {
        int tris = triangleCount();
        float[] out = new float[tris * 3 * 9];
        int o = 0;
        for (int t = 0; t < tris; t++) {
            float r = ((rgb[t] >> 16) & 0xff) / 255f, g = ((rgb[t] >> 8) & 0xff) / 255f, b = (rgb[t] & 0xff) / 255f;
            for (int k = 0; k < 3; k++) {
                int v = indices[3 * t + k] * 3;
                out[o++] = positions[v];
                out[o++] = positions[v + 1];
                out[o++] = positions[v + 2];
                out[o++] = normals[3 * t];
                out[o++] = normals[3 * t + 1];
                out[o++] = normals[3 * t + 2];
                out[o++] = r;
                out[o++] = g;
                out[o++] = b;
            }
        }
        return out;
    }

    /** Builds a mesh triangle by triangle. */
    public static final class Builder {
        private float[] pos = new float[3 * 256];
        private int[] idx = new int[3 * 256];
        private int[] col = new int[256];
        private int[] starts = new int[16];
        private int nv, nt, nb;

        /** Starts a new batch (triangles added from now on belong to it). */
        public Builder batch() {
            if (nb == 0 || starts[nb - 1] != nt) {
                if (nb + 1 >= starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
                starts[nb++] = nt;
            }
            return this;
        }

        /** Adds a vertex and returns its index. */
        public int vertex(double x, double y, double z) {
            if (3 * nv + 3 > pos.length) {
                pos = Arrays.copyOf(pos, pos.length * 2);
            }
            pos[3 * nv] = (float) x;
            pos[3 * nv + 1] = (float) y;
            pos[3 * nv + 2] = (float) z;
            return nv++;
        }

        public Builder triangle(int a, int b, int c, int rgb) {
            if (nb == 0) {
                batch();
            }
            if (3 * nt + 3 > idx.length) {
                idx = Arrays.copyOf(idx, idx.length * 2);
                col = Arrays.copyOf(col, col.length * 2);
            }
            idx[3 * nt] = a;
            idx[3 * nt + 1] = b;
            idx[3 * nt + 2] = c;
            col[nt] = rgb;
            nt++;
            return this;
        }

        /** A quad a-b-c-d (in order around it) as two triangles. */
        public Builder quad(int a, int b, int c, int d, int rgb) {
            triangle(a, b, c, rgb);
            return triangle(a, c, d, rgb);
        }

        /** A flat quad on the plane z from four corners given in order around it. */
        public Builder quad(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy,
                            double z, int rgb) {
            return quad(vertex(ax, ay, z), vertex(bx, by, z), vertex(cx, cy, z), vertex(dx, dy, z), rgb);
        }

        /** An axis-aligned box from (x0, y0, z0) to (x1, y1, z1), all six faces. */
        public Builder box(double x0, double y0, double z0, double x1, double y1, double z1, int rgb, int topRgb) {
            int a = vertex(x0, y0, z0), b = vertex(x1, y0, z0), c = vertex(x1, y1, z0), d = vertex(x0, y1, z0);
            int e = vertex(x0, y0, z1), f = vertex(x1, y0, z1), g = vertex(x1, y1, z1), h = vertex(x0, y1, z1);
            quad(a, d, c, b, rgb);       // bottom
            quad(e, f, g, h, topRgb);    // top
            quad(a, b, f, e, shade(rgb, 0.85)); // -y side
            quad(c, d, h, g, shade(rgb, 0.85)); // +y side
            quad(b, c, g, f, shade(rgb, 0.7));  // +x (front)
            quad(d, a, e, h, shade(rgb, 0.7));  // -x (back)
            return this;
        }

        /**
         * A cylinder along the y axis, centre (x, y, z), radius {@code r}, from y - w/2 to y + w/2, with
         * {@code sides} faces round it; {@code rgb} on the tread, {@code sideRgb} on the two ends (outward winding).
         */
        public Builder cylinderY(double x, double y, double z, double r, double w, int sides, int rgb, int sideRgb) {
            double y0 = y - w / 2, y1 = y + w / 2;
            int c0 = vertex(x, y0, z), c1 = vertex(x, y1, z);
            int prev0 = -1, prev1 = -1, first0 = -1, first1 = -1;
            for (int i = 0; i <= sides; i++) {
                int a0, a1;
                if (i == sides) {
                    a0 = first0;
                    a1 = first1;
                } else {
                    double ang = 2 * Math.PI * i / sides;
                    double px = x + r * Math.cos(ang), pz = z + r * Math.sin(ang);
                    a0 = vertex(px, y0, pz);
                    a1 = vertex(px, y1, pz);
                    if (i == 0) {
                        first0 = a0;
                        first1 = a1;
                    }
                }
                if (i > 0) {
                    quad(prev0, prev1, a1, a0, rgb);      // tread, facing away from the axis
                    triangle(c0, prev0, a0, sideRgb);     // -y end
                    triangle(c1, a1, prev1, sideRgb);     // +y end
                }
                prev0 = a0;
                prev1 = a1;
            }
            return this;
        }

        /**
         * A solid extruded along y from a side profile: {@code xz} holds the profile's (x, z) corners
         * counter-clockwise in the (x right, z up) plane (a convex polygon), extruded from y0 to y1; the top-facing faces get
         * {@code topRgb}, the others {@code rgb} (outward winding).
         */
        public Builder prismY(double[] xz, double y0, double y1, int rgb, int topRgb) {
            int n = xz.length / 2;
            int[] l = new int[n], r = new int[n];
            for (int i = 0; i < n; i++) {
                r[i] = vertex(xz[2 * i], y0, xz[2 * i + 1]);
                l[i] = vertex(xz[2 * i], y1, xz[2 * i + 1]);
            }
            for (int i = 1; i + 1 < n; i++) {
                triangle(l[0], l[i + 1], l[i], rgb);   // +y side
                triangle(r[0], r[i], r[i + 1], rgb);   // -y side
            }
            for (int i = 0; i < n; i++) {
                int j = (i + 1) % n;
                double dx = xz[2 * j] - xz[2 * i];
                // the edge's outward normal is (dz, -dx) for a counter-clockwise profile: top-facing when -dx > 0
                quad(r[i], l[i], l[j], r[j], -dx > 1e-9 && Math.abs(dx) > Math.abs(xz[2 * j + 1] - xz[2 * i + 1]) * 0.5
                        ? topRgb : rgb);
            }
            return this;
        }

        public Mesh build() {
            int[] bs = Arrays.copyOf(starts, nb + 1);
            bs[nb] = nt;
            float[] bounds = new float[6 * nb];
            for (int b = 0; b < nb; b++) {
                float minX = Float.POSITIVE_INFINITY, minY = minX, minZ = minX;
                float maxX = Float.NEGATIVE_INFINITY, maxY = maxX, maxZ = maxX;
                for (int t = bs[b]; t < bs[b + 1]; t++) {
                    for (int k = 0; k < 3; k++) {
                        int v = idx[3 * t + k] * 3;
                        minX = Math.min(minX, pos[v]);
                        minY = Math.min(minY, pos[v + 1]);
                        minZ = Math.min(minZ, pos[v + 2]);
                        maxX = Math.max(maxX, pos[v]);
                        maxY = Math.max(maxY, pos[v + 1]);
                        maxZ = Math.max(maxZ, pos[v + 2]);
                    }
                }
                bounds[6 * b] = minX;
                bounds[6 * b + 1] = minY;
                bounds[6 * b + 2] = minZ;
                bounds[6 * b + 3] = maxX;
                bounds[6 * b + 4] = maxY;
                bounds[6 * b + 5] = maxZ;
            }
            return new Mesh(Arrays.copyOf(pos, 3 * nv), Arrays.copyOf(idx, 3 * nt), Arrays.copyOf(col, nt), bs, bounds);
        }
    }

    /** {@code rgb} with each channel multiplied by {@code f}. */
    public static int shade(int rgb, double f) {
        int r = (int) Math.round(((rgb >> 16) & 0xff) * f);
        int g = (int) Math.round(((rgb >> 8) & 0xff) * f);
        int b = (int) Math.round((rgb & 0xff) * f);
        return (Math.min(r, 255) << 16) | (Math.min(g, 255) << 8) | Math.min(b, 255);
    }
}
