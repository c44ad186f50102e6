package dev.racer.league;

import dev.racer.model.ModelMetadata;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The league's check of an uploaded {@code model/sac.bin} (the trainer's {@code SacFiles} format: magic
 * {@code RSAC}, version 1, five MLPs, each its layer count, its layer sizes, then its float weights and biases),
 * without the trainer: the header, layer sizes that match what the metadata implies (the actor maps the sensor's
 * observation to a mean and log-std per action output, each critic maps observation and action to one value,
 * hidden layers per {@code racer_hidden_layers}), and a length that is exactly the weights those sizes hold.
 * Only integers are parsed before the sizes are known to be sane.
 */
final class SacWeightsCheck {
    private static final int MAGIC = 0x52534143; // "RSAC"
    private static final int VERSION = 1;
    private static final int NETWORKS = 5;

    private SacWeightsCheck() {
    }

    static void validate(Path file, ModelMetadata meta) throws IOException {
        String what = ModelArchive.SAC_WEIGHTS;
        if (meta.discrete() || meta.camera()) {
            throw ApiException.invalid(what + " (SAC) needs a continuous action space and the vector sensor;"
                    + " model_metadata.json has " + (meta.discrete() ? "a discrete action space" : "a camera"));
        }
        int obs = meta.newSensor().size();
        int act = meta.actionSpace().policyOutputs();
        int[] hidden = meta.hiddenLayers().stream().mapToInt(Integer::intValue).toArray();
        long size = Files.size(file);
        long expectedBytes = 12;
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            if (size < 12 || in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw ApiException.invalid(what + " is not a Racer SAC weights file (version " + VERSION + ")");
            }
            int n = in.readInt();
            if (n != NETWORKS) {
                throw ApiException.invalid(what + ": expected " + NETWORKS + " networks, found " + n);
            }
            for (int i = 0; i < NETWORKS; i++) {
                int[] expected = sizes(i == 0 ? obs : obs + act, hidden, i == 0 ? 2 * act : 1);
                int len = in.readInt();
                if (len != expected.length) {
                    throw ApiException.invalid(what + ": network " + i + " has " + len + " layer sizes; "
                            + "model_metadata.json implies " + Arrays.toString(expected));
                }
                int[] got = new int[len];
                for (int k = 0; k < len; k++) {
                    got[k] = in.readInt();
                }
                if (!Arrays.equals(got, expected)) {
                    throw ApiException.invalid(what + ": network " + i + " has layers " + Arrays.toString(got)
                            + " but model_metadata.json implies " + Arrays.toString(expected));
                }
                long params = 0;
                for (int k = 0; k + 1 < len; k++) {
                    params += (long) got[k] * got[k + 1] + got[k + 1];
                }
                expectedBytes += 4L * (1 + len) + 4 * params;
                if (i + 1 < NETWORKS) {
                    // skip to the next network's header
                    long skip = 4 * params;
                    if (expectedBytes > size) {
                        throw ApiException.invalid(what + " is truncated");
                    }
                    in.skipNBytes(skip);
                }
            }
        } catch (java.io.EOFException e) {
            throw ApiException.invalid(what + " is truncated");
        }
        if (size != expectedBytes) {
            throw ApiException.invalid(what + " is " + size + " bytes; its layer sizes make " + expectedBytes);
        }
    }

    private static int[] sizes(int in, int[] hidden, int out) {
        int[] s = new int[hidden.length + 2];
        s[0] = in;
        System.arraycopy(hidden, 0, s, 1, hidden.length);
        s[s.length - 1] = out;
        return s;
    }
}
