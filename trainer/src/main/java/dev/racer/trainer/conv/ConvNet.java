package dev.racer.trainer.conv;

import dev.racer.trainer.ppo.ConvTorso;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A camera network ({@link ConvTorso}'s presets with linear actor and critic heads) in plain Java: the same
 * variables as the SameDiff graph, held as rows. Activations are NCHW as in the graph, so the flattened
 * features feed {@code fc_w} in the graph's order. Convolutions run as im2col plus {@link Gemm}.
 *
 * <p>The weights are read by any number of threads during rollouts ({@link Inference}, one per thread); the
 * update ({@link ConvUpdate}) changes them between rollouts.
 */
public final class ConvNet {
    /** One convolution's geometry. */
    record Geo(int k, int s, int cin, int cout, int inH, int inW, int outH, int outW) {
        int kk() {
            return k * k * cin;
        }

        int inP() {
            return inH * inW;
        }

        int outP() {
            return outH * outW;
        }
    }

    final String network;
    final int channels;
    final int actDim;
    final Geo[] geo;
    final int flat;
    final int features = ConvTorso.FEATURES;
    /** conv weights as [cout][k·k·cin] (the graph's YXIO transposed), biases [cout]. */
    final float[][][] convWt;
    final float[][] convB;
    /** conv weights as [k·k·cin][cout] (the graph's layout), kept equal to {@link #convWt}. */
    final float[][][] convW;
    final float[][] fcW;   // [flat][512]
    final float[] fcB;
    final float[][] piW;   // [512][A]
    final float[] piB;
    final float[][] vW;    // [512][1]
    final float[] vB;

    public ConvNet(String network, int channels, int actDim) {
        this.network = network;
        this.channels = channels;
        this.actDim = actDim;
        List<ConvTorso.Conv> layers = ConvTorso.layers(network);
        geo = new Geo[layers.size()];
        int c = channels, h = ConvTorso.HEIGHT, w = ConvTorso.WIDTH;
        for (int l = 0; l < geo.length; l++) {
            ConvTorso.Conv cv = layers.get(l);
            int oh = (h - cv.kernel()) / cv.stride() + 1, ow = (w - cv.kernel()) / cv.stride() + 1;
            geo[l] = new Geo(cv.kernel(), cv.stride(), c, cv.filters(), h, w, oh, ow);
            c = cv.filters();
            h = oh;
            w = ow;
        }
        flat = c * h * w;
        convWt = new float[geo.length][][];
        convW = new float[geo.length][][];
        convB = new float[geo.length][];
        for (int l = 0; l < geo.length; l++) {
            convWt[l] = new float[geo[l].cout()][geo[l].kk()];
            convW[l] = new float[geo[l].kk()][geo[l].cout()];
            convB[l] = new float[geo[l].cout()];
        }
        fcW = new float[flat][features];
        fcB = new float[features];
        piW = new float[features][actDim];
        piB = new float[actDim];
        vW = new float[features][1];
        vB = new float[1];
    }

    /** The graph's variable names, in {@link #read}/{@link #write} order. */
    public List<String> variables() {
        List<String> v = new ArrayList<>();
        for (int l = 0; l < geo.length; l++) {
            v.add("conv_w" + l);
            v.add("conv_b" + l);
        }
        v.addAll(List.of("fc_w", "fc_b", "pi_w0", "pi_b0", "v_w0", "v_b0"));
        return v;
    }

    /** Loads the weights from flat c-order arrays of the graph's variables ({@code values.apply(name)}). */
    public void read(Function<String, float[]> values) {
        for (int l = 0; l < geo.length; l++) {
            float[] w = values.apply("conv_w" + l);
            int kk = geo[l].kk(), co = geo[l].cout();
            for (int k = 0; k < kk; k++) {
                for (int f = 0; f < co; f++) {
                    convW[l][k][f] = w[k * co + f];
                    convWt[l][f][k] = w[k * co + f];
                }
            }
            System.arraycopy(values.apply("conv_b" + l), 0, convB[l], 0, co);
        }
        unflatten(values.apply("fc_w"), fcW);
        System.arraycopy(values.apply("fc_b"), 0, fcB, 0, features);
        unflatten(values.apply("pi_w0"), piW);
        System.arraycopy(values.apply("pi_b0"), 0, piB, 0, actDim);
        unflatten(values.apply("v_w0"), vW);
        vB[0] = values.apply("v_b0")[0];
    }

    /** The weights as flat c-order arrays of the graph's variables ({@code sink.accept(name, values)}). */
    public void write(java.util.function.BiConsumer<String, float[]> sink) {
        export(geo, convWt, convB, fcW, fcB, piW, piB, vW, vB, sink);
    }

    /** Weight-shaped arrays (weights or gradients) as the graph's flat c-order variables. */
    static void export(Geo[] geo, float[][][] convWt, float[][] convB, float[][] fcW, float[] fcB, float[][] piW,
                       float[] piB, float[][] vW, float[] vB, java.util.function.BiConsumer<String, float[]> sink) {
        for (int l = 0; l < geo.length; l++) {
            int kk = geo[l].kk(), co = geo[l].cout();
            float[] w = new float[kk * co];
            for (int k = 0; k < kk; k++) {
                for (int f = 0; f < co; f++) {
                    w[k * co + f] = convWt[l][f][k];
                }
            }
            sink.accept("conv_w" + l, w);
            sink.accept("conv_b" + l, convB[l].clone());
        }
        sink.accept("fc_w", flatten(fcW));
        sink.accept("fc_b", fcB.clone());
        sink.accept("pi_w0", flatten(piW));
        sink.accept("pi_b0", piB.clone());
        sink.accept("v_w0", flatten(vW));
        sink.accept("v_b0", vB.clone());
    }

    /** Refreshes {@link #convW} from {@link #convWt} (after an update step). */
    void syncTransposes() {
        for (int l = 0; l < geo.length; l++) {
            Gemm.transpose(convWt[l], geo[l].cout(), geo[l].kk(), convW[l]);
        }
    }

    private static void unflatten(float[] v, float[][] rows) {
        int c = rows[0].length;
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(v, i * c, rows[i], 0, c);
        }
    }

    private static float[] flatten(float[][] rows) {
        int c = rows[0].length;
        float[] v = new float[rows.length * c];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, v, i * c, c);
        }
        return v;
    }

    public int obsDim() {
        return channels * ConvTorso.HEIGHT * ConvTorso.WIDTH;
    }

    public int actDim() {
        return actDim;
    }

    // ------------------------------------------------------------------ layers (one sample)

    /** im2col, rows per kernel position: {@code col[(ky·k + kx)·cin + ci][oy·outW + ox]} (YXIO order). */
    static void im2colKP(Geo g, float[][] in, float[][] col) {
        int k = g.k(), s = g.s(), ow = g.outW(), w = g.inW();
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int ci = 0; ci < g.cin(); ci++) {
                    float[] src = in[ci];
                    float[] dst = col[(ky * k + kx) * g.cin() + ci];
                    for (int oy = 0; oy < g.outH(); oy++) {
                        int si = (oy * s + ky) * w + kx, di = oy * ow;
                        for (int ox = 0; ox < ow; ox++) {
                            dst[di + ox] = src[si + ox * s];
                        }
                    }
                }
            }
        }
    }

    /** im2col, rows per output position: {@code col[oy·outW + ox][(ky·k + kx)·cin + ci]}. */
    static void im2colPK(Geo g, float[][] in, float[][] col) {
        int k = g.k(), s = g.s(), ow = g.outW(), w = g.inW(), cin = g.cin();
        for (int oy = 0; oy < g.outH(); oy++) {
            for (int ox = 0; ox < ow; ox++) {
                float[] dst = col[oy * ow + ox];
                int base = oy * s * w + ox * s;
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        int si = base + ky * w + kx, di = (ky * k + kx) * cin;
                        for (int ci = 0; ci < cin; ci++) {
                            dst[di + ci] = in[ci][si];
                        }
                    }
                }
            }
        }
    }

    /** {@code dIn += col2im(dCol)} for {@code dCol} laid out as {@link #im2colKP}. */
    static void col2imKP(Geo g, float[][] dCol, float[][] dIn) {
        int k = g.k(), s = g.s(), ow = g.outW(), w = g.inW();
        for (int ky = 0; ky < k; ky++) {
            for (int kx = 0; kx < k; kx++) {
                for (int ci = 0; ci < g.cin(); ci++) {
                    float[] dst = dIn[ci];
                    float[] src = dCol[(ky * k + kx) * g.cin() + ci];
                    for (int oy = 0; oy < g.outH(); oy++) {
                        int di = (oy * s + ky) * w + kx, si = oy * ow;
                        for (int ox = 0; ox < ow; ox++) {
                            dst[di + ox * s] += src[si + ox];
                        }
                    }
                }
            }
        }
    }

    /** {@code out = relu(W · col + b)} for layer {@code l}, NCHW rows {@code [cout][outP]}. */
    void convForward(int l, float[][] in, float[][] col, float[][] out) {
        Geo g = geo[l];
        im2colKP(g, in, col);
        int p = g.outP();
        for (int f = 0; f < g.cout(); f++) {
            java.util.Arrays.fill(out[f], 0, p, convB[l][f]);
        }
        Gemm.mulAdd(convWt[l], g.cout(), col, 0, g.kk(), out, 0, p);
        for (int f = 0; f < g.cout(); f++) {
            float[] o = out[f];
            for (int i = 0; i < p; i++) {
                o[i] = Math.max(o[i], 0f);
            }
        }
    }

    /** Fills {@code x} (one sample's input, {@code [channels][H·W]}) from a float observation at {@code off}. */
    void input(float[] obs, int off, float[][] x) {
        int hw = ConvTorso.HEIGHT * ConvTorso.WIDTH;
        for (int c = 0; c < channels; c++) {
            System.arraycopy(obs, off + c * hw, x[c], 0, hw);
        }
    }

    private static final float[] LEVEL = new float[256];

    static {
        for (int i = 0; i < 256; i++) {
            LEVEL[i] = i / 255f;
        }
    }

    /** Fills {@code x} from a frame stored as grey levels 0..255 at {@code off} (the sensor's level / 255). */
    void input(byte[] frames, long off, float[][] x) {
        int hw = ConvTorso.HEIGHT * ConvTorso.WIDTH;
        for (int c = 0; c < channels; c++) {
            float[] r = x[c];
            long base = off + (long) c * hw;
            for (int i = 0; i < hw; i++) {
                r[i] = LEVEL[frames[(int) (base + i)] & 0xFF];
            }
        }
    }

    /** A sensor value (a grey level / 255) as the byte that stores it. */
    public static byte level(float v) {
        return (byte) Math.round(v * 255f);
    }

    float[][][] newActivations() {
        float[][][] a = new float[geo.length + 1][][];
        a[0] = new float[channels][geo[0].inP()];
        for (int l = 0; l < geo.length; l++) {
            a[l + 1] = new float[geo[l].cout()][geo[l].outP()];
        }
        return a;
    }

    float[][][] newColumnsKP() {
        float[][][] c = new float[geo.length][][];
        for (int l = 0; l < geo.length; l++) {
            c[l] = new float[geo[l].kk()][geo[l].outP()];
        }
        return c;
    }

    /** Runs the convolutions of one sample whose input is in {@code a[0]}; flattens the last into {@code x}. */
    void torso(float[][][] a, float[][][] cols, float[] x) {
        for (int l = 0; l < geo.length; l++) {
            convForward(l, a[l], cols[l], a[l + 1]);
        }
        float[][] last = a[geo.length];
        int p = geo[geo.length - 1].outP();
        for (int c = 0; c < last.length; c++) {
            System.arraycopy(last[c], 0, x, c * p, p);
        }
    }

    /** {@code h = relu(x · fc_w + fc_b)} for {@code m} rows, then the heads: logits and values. */
    void dense(float[][] x, int m, float[][] h, float[][] logits, float[] values) {
        for (int i = 0; i < m; i++) {
            System.arraycopy(fcB, 0, h[i], 0, features);
        }
        Gemm.mulAddBlocked(x, m, fcW, flat, h, features, 256, features);
        for (int i = 0; i < m; i++) {
            float[] hr = h[i];
            for (int j = 0; j < features; j++) {
                hr[j] = Math.max(hr[j], 0f);
            }
            float[] lr = logits[i];
            System.arraycopy(piB, 0, lr, 0, actDim);
            double v = vB[0];
            for (int j = 0; j < features; j++) {
                float hj = hr[j];
                if (hj != 0) {
                    float[] w = piW[j];
                    for (int k = 0; k < actDim; k++) {
                        lr[k] += hj * w[k];
                    }
                    v += hj * vW[j][0];
                }
            }
            values[i] = (float) v;
        }
    }

    /**
     * Scratch for the forward pass of up to {@code capacity} observations at a time; one per thread. The
     * results of a row do not depend on the other rows of the batch.
     */
    public final class Inference {
        private final int capacity;
        private final float[][][] a = newActivations();
        private final float[][][] cols = newColumnsKP();
        private final float[][] x, h, logits;
        private final float[] values;

        public Inference(int capacity) {
            this.capacity = capacity;
            x = new float[capacity][flat];
            h = new float[capacity][features];
            logits = new float[capacity][actDim];
            values = new float[capacity];
        }

        public int actDim() {
            return actDim;
        }

        /**
         * The actor's outputs ({@code out[i·A + k]}) and the critic's values ({@code value[i]}, if not null) for
         * {@code n} observations in {@code obs} ({@code [n, obsDim]}).
         */
        public void forward(float[] obs, int n, float[] out, float[] value) {
            if (n > capacity) {
                throw new IllegalArgumentException("batch " + n + " over capacity " + capacity);
            }
            int d = obsDim();
            for (int i = 0; i < n; i++) {
                input(obs, i * d, a[0]);
                torso(a, cols, x[i]);
            }
            dense(x, n, h, logits, values);
            for (int i = 0; i < n; i++) {
                System.arraycopy(logits[i], 0, out, i * actDim, actDim);
                if (value != null) {
                    value[i] = values[i];
                }
            }
        }
    }
}
