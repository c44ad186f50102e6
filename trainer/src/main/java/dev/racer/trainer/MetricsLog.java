package dev.racer.trainer;

import dev.racer.io.Jsons;
import dev.racer.model.ModelFileException;
import dev.racer.model.ModelFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A model folder's {@code metrics.jsonl} and {@code metrics.csv}: one {@link IterationMetrics} per iteration. */
public final class MetricsLog {
    private MetricsLog() {
    }

    /** Appends one iteration to metrics.jsonl and metrics.csv. */
    public static void append(ModelFolder folder, IterationMetrics m) {
        try {
            Files.createDirectories(folder.dir());
            Files.writeString(folder.metricsJsonl(), Jsons.mapper().writeValueAsString(m) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            if (!Files.exists(folder.metricsCsv())) {
                Files.writeString(folder.metricsCsv(), String.join(",", IterationMetrics.CSV_COLUMNS) + "\n");
            }
            Files.writeString(folder.metricsCsv(), m.csvRow() + "\n", StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics to " + folder.dir() + ": " + e.getMessage(), e);
        }
    }

    /** Reads metrics.jsonl (empty if there is none). */
    public static List<IterationMetrics> read(ModelFolder folder) {
        List<IterationMetrics> out = new ArrayList<>();
        if (!Files.isRegularFile(folder.metricsJsonl())) {
            return out;
        }
        try (Stream<String> lines = Files.lines(folder.metricsJsonl())) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (!line.isBlank()) {
                    out.add(Jsons.mapper().readValue(line, IterationMetrics.class));
                }
            }
        } catch (IOException e) {
            throw new ModelFileException(folder.metricsJsonl() + ": cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    /** Keeps only the iterations up to {@code lastIteration} (a resumed run rewinds to its checkpoint). */
    public static void truncate(ModelFolder folder, int lastIteration) {
        List<IterationMetrics> keep = read(folder).stream().filter(m -> m.iteration() <= lastIteration).toList();
        try {
            Files.deleteIfExists(folder.metricsJsonl());
            Files.deleteIfExists(folder.metricsCsv());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        keep.forEach(m -> append(folder, m));
    }
}
