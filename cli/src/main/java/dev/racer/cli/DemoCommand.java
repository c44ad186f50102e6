package dev.racer.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code racer demo}: the whole loop in one command: train a car with an example reward, then race it in a
 * time trial. It runs {@code racer train} and {@code racer evaluate} with the same options a user would type,
 * so what it prints is what those commands print.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Trains a car on a track with an example reward function for a few minutes, then races it",
            "in a 3-lap time trial with DeepRacer's rules and prints the lap times."})
final class DemoCommand implements Callable<Integer> {
    static final String EXAMPLE_REWARD = "reward-functions/follow_centre_line.py";

    @Option(names = "--track", defaultValue = "reinvent_base", description = "track id (default: ${DEFAULT-VALUE})")
    String track;
    @Option(names = "--reward", description = "reward: a .py file, a built-in name or java:CLASS (default: "
            + EXAMPLE_REWARD + ", or the built-in center_line if that file is not there)")
    String reward;
    @Option(names = "--minutes", defaultValue = "3", description = "training time [min] (default: ${DEFAULT-VALUE})")
    double minutes;
    @Option(names = "--out", defaultValue = "models/demo", description = "model folder (default: ${DEFAULT-VALUE}); an"
            + " earlier demo there is moved to NAME.previous")
    Path out;
    @Option(names = "--laps", defaultValue = "3", description = "laps in the time trial (default: ${DEFAULT-VALUE})")
    int laps;
    @Option(names = "--seed", defaultValue = "1", description = "seed (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = "--workers", description = "rollout threads (default: one per core)")
    Integer workers;

    @Override
    public Integer call() throws IOException {
        if (!(minutes > 0)) {
            throw new UserException("--minutes must be > 0");
        }
        String rewardSpec = reward != null ? reward : defaultReward();
        moveAsidePreviousDemo();
        System.out.printf(Locale.ROOT, "racer demo: training on %s with %s for %s min, then a %d-lap time trial%n%n",
                track, rewardSpec, minutes, laps);
        java.util.List<String> train = new java.util.ArrayList<>(java.util.List.of("train", "--track", track,
                "--reward", rewardSpec, "--out", out.toString(), "--minutes", Double.toString(minutes),
                "--seed", Long.toString(seed)));
        if (workers != null) {
            train.addAll(java.util.List.of("--workers", workers.toString()));
        }
        CommandLine racer = Racer.commandLine();
        int rc = racer.execute(train.toArray(String[]::new));
        if (rc != 0) {
            return rc;
        }
        System.out.println();
        rc = Racer.commandLine().execute("evaluate", out.toString(), "--track", track, "--laps", Integer.toString(laps),
                "--json", out.resolve("time-trial.json").toString(), "--trace", out.resolve("time-trial-trace.csv").toString(),
                "--png", out.resolve("time-trial.png").toString());
        if (rc == 0) {
            System.out.printf(Locale.ROOT, "%nNext: ./racer view %s --track %s      (watch it drive; needs a display or xvfb-run)%n"
                    + "      ./racer plot %s                        (training curves)%n", out, track, out);
        }
        return rc;
    }

    /** The example reward file, found from the repository root the launcher passes, else the built-in one. */
    static String defaultReward() {
        String root = System.getProperty("racer.root");
        Path p = root == null ? Path.of(EXAMPLE_REWARD) : Path.of(root).resolve(EXAMPLE_REWARD);
        if (Files.isRegularFile(p)) {
            Path cwd = Path.of("").toAbsolutePath();
            Path abs = p.toAbsolutePath().normalize();
            return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
        }
        return "center_line";
    }

    private void moveAsidePreviousDemo() throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        Path previous = out.resolveSibling(out.getFileName() + ".previous");
        if (Files.exists(previous)) {
            deleteTree(previous);
        }
        Files.move(out, previous, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("racer demo: moved the earlier " + out + " to " + previous);
    }

    private static void deleteTree(Path p) throws IOException {
        try (var s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
