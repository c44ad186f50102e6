package dev.racer.trainer.ppo;

import dev.racer.sensor.CameraSensor;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DeepRacer's convolutional network presets for the camera sensors, as a SameDiff torso: the flat observation
 * ({@code channels} 120×160 grayscale frames, row 0 at the top; stereo: left then right) reshaped to NCHW, then
 * "valid" (unpadded) convolutions with ReLU, then a dense layer of {@value #FEATURES} with ReLU, which the
 * actor and critic heads share.
 *
 * <ul>
 *   <li>{@code DEEP_CONVOLUTIONAL_NETWORK_SHALLOW} (DeepRacer's default for the camera): conv 32 8×8 stride 4,
 *       conv 64 4×4 stride 2, conv 64 3×3 stride 1, dense 512.</li>
 *   <li>{@code DEEP_CONVOLUTIONAL_NETWORK}: the shallow preset plus conv 128 3×3 stride 1 (Racer's choice of a
 *       middle size; DeepRacer does not document its layers).</li>
 *   <li>{@code DEEP_CONVOLUTIONAL_NETWORK_DEEP}: conv 32 5×5 stride 2, conv 32 3×3 stride 1, conv 64 3×3 stride 2,
 *       conv 64 3×3 stride 1, conv 128 3×3 stride 2, conv 128 3×3 stride 1 (Racer's choice), dense 512.</li>
 * </ul>
 *
 * <p>Weights: He normal ({@code sqrt(2 / fan-in)}) from the network's seed, biases 0; variables
 * {@code conv_w<i>}, {@code conv_b<i>}, {@code fc_w}, {@code fc_b}.
 */
public final class ConvTorso {
    public static final int HEIGHT = CameraSensor.HEIGHT;
    public static final int WIDTH = CameraSensor.WIDTH;
    public static final int FEATURES = 512;
    static final String FIRST_WEIGHTS = "conv_w0";

    /** One convolution: {@code filters} of {@code kernel}×{@code kernel} at {@code stride}. */
    public record Conv(int filters, int kernel, int stride) {
    }

    private ConvTorso() {
    }

    /** The convolutions of a preset. */
    public static List<Conv> layers(String network) {
        return switch (network) {
            case "DEEP_CONVOLUTIONAL_NETWORK_SHALLOW" -> List.of(new Conv(32, 8, 4), new Conv(64, 4, 2),
                    new Conv(64, 3, 1));
            case "DEEP_CONVOLUTIONAL_NETWORK" -> List.of(new Conv(32, 8, 4), new Conv(64, 4, 2), new Conv(64, 3, 1),
                    new Conv(128, 3, 1));
            case "DEEP_CONVOLUTIONAL_NETWORK_DEEP" -> List.of(new Conv(32, 5, 2), new Conv(32, 3, 1),
                    new Conv(64, 3, 2), new Conv(64, 3, 1), new Conv(128, 3, 2), new Conv(128, 3, 1));
            default -> throw new IllegalArgumentException("not a convolutional network preset: " + network);
        };
    }

    /** The torso's output ({@code [B, FEATURES]}) for {@code obs} ({@code [B, channels * HEIGHT * WIDTH]}). */
    static SDVariable build(SameDiff sd, SDVariable obs, String network, int channels, SplittableRandom rnd) {
        return build(sd, obs, network, channels, rnd, false);
    }

    /**
     * As {@link #build(SameDiff, SDVariable, String, int, SplittableRandom)}; {@code nhwc} runs the convolutions
     * channels-last (ND4J's other data layout; benchmarks only: for stereo frames and the dense layer's weight
     * order it is not the model format).
     */
    static SDVariable build(SameDiff sd, SDVariable obs, String network, int channels, SplittableRandom rnd,
                            boolean nhwc) {
        SDVariable x = nhwc ? sd.reshape(obs, -1L, HEIGHT, WIDTH, channels)
                : sd.reshape(obs, -1L, channels, HEIGHT, WIDTH);
        int c = channels, h = HEIGHT, w = WIDTH;
        int l = 0;
        for (Conv conv : layers(network)) {
            int k = conv.kernel();
            SDVariable wv = sd.var("conv_w" + l, normal(new long[] {k, k, c, conv.filters()}, k * k * c, rnd));
            SDVariable bv = sd.var("conv_b" + l, Nd4j.zeros(DataType.FLOAT, conv.filters()));
            Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(conv.stride()).sW(conv.stride())
                    .pH(0).pW(0).dH(1).dW(1).isSameMode(false).dataFormat(nhwc ? Conv2DConfig.NHWC : Conv2DConfig.NCHW)
                    .weightsFormat(WeightsFormat.YXIO).build();
            x = sd.nn.relu(sd.cnn.conv2d("conv" + l, x, wv, bv, cfg), 0);
            c = conv.filters();
            h = (h - k) / conv.stride() + 1;
            w = (w - k) / conv.stride() + 1;
            l++;
        }
        int flat = c * h * w;
        SDVariable f = sd.reshape(x, -1L, flat);
        SDVariable fw = sd.var("fc_w", normal(new long[] {flat, FEATURES}, flat, rnd));
        SDVariable fb = sd.var("fc_b", Nd4j.zeros(DataType.FLOAT, FEATURES));
        return sd.nn.relu(f.mmul(fw).add(fb), 0);
    }

    private static org.nd4j.linalg.api.ndarray.INDArray normal(long[] shape, int fanIn, SplittableRandom rnd) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] v = new float[(int) n];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (rnd.nextGaussian() * std);
        }
        return Nd4j.create(v, shape, 'c');
    }
}
