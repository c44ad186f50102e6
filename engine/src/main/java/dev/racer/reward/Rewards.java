package dev.racer.reward;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * Resolves what a user passes as {@code --reward}: a built-in Java reward by name ({@code center_line}),
 * a Java class ({@code java:com.example.MyReward}, trusted code on the class path), or a file handled by a
 * registered {@link RewardProvider} (Python reward scripts).
 */
public final class Rewards {
    private static final Map<String, Supplier<RewardFunction>> BUILT_IN = Map.of(
            "center_line", CenterLineReward::new);

    private Rewards() {
    }

    /** A new reward function for {@code spec}; call once per worker thread. */
    public static RewardFunction load(String spec) {
        Supplier<RewardFunction> builtIn = BUILT_IN.get(spec);
        if (builtIn != null) {
            return builtIn.get();
        }
        if (spec.startsWith("java:")) {
            String cls = spec.substring(5);
            try {
                Class<?> c = Class.forName(cls);
                if (!RewardFunction.class.isAssignableFrom(c)) {
                    throw new RewardException(cls + " does not implement " + RewardFunction.class.getName());
                }
                return (RewardFunction) c.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new RewardException("cannot create Java reward " + cls
                        + " (needs a public no-argument constructor on the class path): " + e);
            }
        }
        Path file = Path.of(spec);
        if (!Files.isRegularFile(file)) {
            throw new RewardException("reward \"" + spec + "\" is not a file, a built-in reward ("
                    + String.join(", ", BUILT_IN.keySet()) + ") or java:CLASS");
        }
        for (RewardProvider p : ServiceLoader.load(RewardProvider.class)) {
            Optional<RewardFunction> r = p.open(file);
            if (r.isPresent()) {
                return r.get();
            }
        }
        throw new RewardException(file + ": no reward backend handles this kind of file"
                + " (Python .py files need the reward-python module on the class path)");
    }

    /** Names of the built-in Java rewards. */
    public static java.util.Set<String> builtInNames() {
        return BUILT_IN.keySet();
    }
}
