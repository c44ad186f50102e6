package dev.racer.trainer.sac;

import dev.racer.io.AtomicFiles;
import dev.racer.trainer.Mlp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SAC's weights file ({@code model/sac.bin}, checkpoints {@code checkpoint/model-NNNNNN.sac}): a magic, a
 * version, then the five MLPs (actor, critic 1, critic 2, their targets), each as its layer sizes and its
 * weights and biases (big-endian floats, SameDiff's {@code [in, out]} layout). Written atomically.
 */
public final class SacFiles {
    private static final int MAGIC = 0x52534143; // "RSAC"
    private static final int VERSION = 1;

    private SacFiles() {
    }

    public static void write(Path file, Sac.Networks nets) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            List<Mlp> all = nets.all();
            out.writeInt(all.size());
            for (Mlp m : all) {
                int[] sizes = m.sizes();
                out.writeInt(sizes.length);
                for (int s : sizes) {
                    out.writeInt(s);
                }
                for (int l = 0; l < m.layers(); l++) {
                    for (float w : m.weights(l)) {
                        out.writeFloat(w);
                    }
                    for (float b : m.biases(l)) {
                        out.writeFloat(b);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    /**
     * Reads a file written by {@link #write}; {@code obsDim}/{@code actDim}/{@code hidden} from the model's
     * metadata, checked against the file.
     */
    public static Sac.Networks read(Path file, int obsDim, int actDim, int[] hidden) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": SAC network weights not found");
        }
        List<Mlp> nets = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException(file + ": not a Racer SAC weights file (version " + VERSION + ")");
            }
            int n = in.readInt();
            if (n != 5) {
                throw new IllegalArgumentException(file + ": expected 5 networks, found " + n);
            }
            for (int i = 0; i < n; i++) {
                int len = in.readInt();
                if (len < 2 || len > 64) {
                    throw new IllegalArgumentException(file + ": corrupt network " + i);
                }
                int[] sizes = new int[len];
                for (int k = 0; k < len; k++) {
                    sizes[k] = in.readInt();
                }
                int[] expected = expectedSizes(i, obsDim, actDim, hidden);
                if (!Arrays.equals(sizes, expected)) {
                    throw new IllegalArgumentException(file + ": network " + i + " has layers "
                            + Arrays.toString(sizes) + " but model_metadata.json implies " + Arrays.toString(expected));
                }
                Mlp m = new Mlp(sizes);
                for (int l = 0; l < m.layers(); l++) {
                    float[] w = m.weights(l), b = m.biases(l);
                    for (int k = 0; k < w.length; k++) {
                        w[k] = in.readFloat();
                    }
                    for (int k = 0; k < b.length; k++) {
                        b[k] = in.readFloat();
                    }
                }
                nets.add(m);
            }
        } catch (java.io.EOFException e) {
            throw new IllegalArgumentException(file + ": truncated SAC weights file", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Sac.Networks(nets.get(0), nets.get(1), nets.get(2), nets.get(3), nets.get(4));
    }

    private static int[] expectedSizes(int i, int obsDim, int actDim, int[] hidden) {
        int[] s = new int[hidden.length + 2];
        s[0] = i == 0 ? obsDim : obsDim + actDim;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = i == 0 ? 2 * actDim : 1;
        return s;
    }

    /** The greedy action in [-1, 1] for an actor output, {@code tanh(mean)}, into {@code a} (the driver's decode). */
    public static float[] greedy(float[] actorOut, float[] a) {
        for (int k = 0; k < a.length; k++) {
            a[k] = (float) Math.tanh(actorOut[k]);
        }
        return a;
    }
}
