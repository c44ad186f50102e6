package dev.racer.trainer;

import dev.racer.model.ModelFolder;
import dev.racer.sensor.CarView;
import dev.racer.car.Control;
import dev.racer.race.Driver;
import dev.racer.race.DriverProvider;
import dev.racer.sensor.Sensor;
import dev.racer.space.ActionSpace;
import dev.racer.model.ModelMetadata;
import dev.racer.trainer.ppo.PolicyNet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Opens the model folders {@code racer train} writes as greedy {@link Driver}s: clipped PPO networks run as a
 * plain-Java forward pass (microseconds per step), camera models' convolutional networks through SameDiff, RL4J's DQN and A3C networks through DL4J.
 * Registered with {@link java.util.ServiceLoader}.
 */
public final class ModelDriverProvider implements DriverProvider {

    /** The model folder's default checkpoint: best when training kept one, else last. */
    @Override
    public Optional<Driver> open(Path modelDir) {
        ModelFolder folder = new ModelFolder(modelDir);
        if (!Files.isRegularFile(folder.metadata())) {
            return Optional.empty();
        }
        return Optional.of(open(modelDir, folder.defaultCheckpoint()));
    }

    /**
     * A greedy driver for {@code which} checkpoint of a model folder: {@code last} ({@code model/}) or
     * {@code best} ({@code best/}, the iteration with the best greedy evaluation).
     */
    public static Driver open(Path modelDir, ModelFolder.Checkpoint which) {
        ModelFolder folder = new ModelFolder(modelDir);
        if (!Files.isRegularFile(folder.metadata())) {
            throw new IllegalArgumentException(modelDir + ": not a model folder (no " + ModelMetadata.FILE + ")");
        }
        ModelMetadata meta = ModelMetadata.read(folder.metadata());
        String name = modelDir.getFileName() == null ? modelDir.toString() : modelDir.getFileName().toString();
        Path net = folder.network(which);
        if (net == null) {
            if (which == ModelFolder.Checkpoint.BEST) {
                throw new IllegalArgumentException(modelDir + ": no best checkpoint (" + ModelFolder.BEST_DIR
                        + "/); it was trained before Racer kept one, or its evaluations never ran: use --checkpoint last");
            }
            throw new IllegalArgumentException(modelDir + ": has " + ModelMetadata.FILE + " but no network weights ("
                    + String.join(", ", ModelFolder.NETWORK_FILES) + "); was training stopped before its first"
                    + " iteration?");
        }
        String file = net.getFileName().toString();
        if (file.equals(folder.ppoWeights().getFileName().toString())) {
            return ppoDriver(name, meta, net);
        }
        if (file.equals(folder.sacWeights().getFileName().toString())) {
            return sacDriver(name, meta, net);
        }
        return dl4jDriver(name, meta, net);
    }

    /** A greedy driver for a clipped PPO network file. */
    public static Driver ppoDriver(String name, ModelMetadata meta, Path weights) {
        int obsDim = meta.newSensor().size();
        int actDim = meta.actionSpace().policyOutputs();
        int[] hidden = meta.hiddenLayers().stream().mapToInt(Integer::intValue).toArray();
        if (meta.camera()) {
            PolicyNet cam = PolicyNet.loadCamera(weights, meta.neuralNetwork(), meta.cameraChannels(), actDim,
                    meta.discrete());
            // the plain-Java copy: a few ms a frame against SameDiff's ~10 ms; scratch per thread
            dev.racer.trainer.conv.ConvNet conv = new dev.racer.trainer.conv.ConvNet(meta.neuralNetwork(),
                    meta.cameraChannels(), actDim);
            conv.read(cam::values);
            ThreadLocal<dev.racer.trainer.conv.ConvNet.Inference> scratch =
                    ThreadLocal.withInitial(() -> conv.new Inference(1));
            return driver(name, meta, obs -> {
                float[] out = new float[actDim];
                scratch.get().forward(obs, 1, out, null);
                return out;
            });
        }
        PolicyNet net = PolicyNet.load(weights, obsDim, actDim, meta.discrete(), hidden);
        Mlp actor = net.actor();
        return driver(name, meta, actor::forward);
    }

    /** A greedy driver for a SAC actor: the mode of its squashed Gaussian, {@code tanh(mean)}. */
    public static Driver sacDriver(String name, ModelMetadata meta, Path weights) {
        int[] hidden = meta.hiddenLayers().stream().mapToInt(Integer::intValue).toArray();
        int actDim = meta.actionSpace().policyOutputs();
        Mlp actor = dev.racer.trainer.sac.SacFiles.read(weights, meta.newSensor().size(), actDim, hidden).actor();
        float[] action = new float[actDim];
        return driver(name, meta, obs -> dev.racer.trainer.sac.SacFiles.greedy(actor.forward(obs), action));
    }

    /** A greedy driver around the network's forward pass; reports the discrete action index for sim-traces. */
    public static Driver driver(String name, ModelMetadata meta, java.util.function.UnaryOperator<float[]> actor) {
        return new Driver() {
            private int lastAction = -1;

            @Override
            public String name() {
                return name;
            }

            @Override
            public Sensor newSensor() {
                return meta.newSensor();
            }

            @Override
            public Control act(CarView env, float[] observation) {
                float[] out = actor.apply(observation);
                lastAction = meta.actionSpace() instanceof ActionSpace.Discrete ? argmax(out) : -1;
                return greedy(meta.actionSpace(), out);
            }

            @Override
            public int lastAction() {
                return lastAction;
            }
        };
    }

    private static int argmax(float[] out) {
        int best = 0;
        for (int i = 1; i < out.length; i++) {
            if (out[i] > out[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The greedy action for the actor's outputs: the most likely discrete action, or the Gaussian's means
     * clipped to [-1, 1] and scaled to the bounds (the mode of the clipped distribution, as DeepRacer).
     */
    public static Control greedy(ActionSpace space, float[] out) {
        if (space instanceof ActionSpace.Discrete) {
            return space.decode(argmax(out));
        }
        return space.decode(PolicyNet.clipAction(out[0]), PolicyNet.clipAction(out[1]));
    }

    /** A greedy driver for a DL4J network (DQN: Q-values, A3C: action probabilities; the largest wins). */
    public static Driver dl4jDriver(String name, ModelMetadata meta, Path weights) {
        NativeRuntime.init();
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(weights.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(weights + ": cannot read the DL4J network (" + e.getMessage() + ")", e);
        }
        int obsDim = meta.newSensor().size();
        INDArray in = Nd4j.create(org.nd4j.linalg.api.buffer.DataType.FLOAT, 1, obsDim);
        return driver(name, meta, observation -> {
            for (int i = 0; i < obsDim; i++) {
                in.putScalar(0, i, observation[i]);
            }
            return net.output(in).toFloatVector();
        });
    }
}
