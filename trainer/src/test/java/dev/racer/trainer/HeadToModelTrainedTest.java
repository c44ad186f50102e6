package dev.racer.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.multi.BotConfig;
import dev.racer.multi.HeadToModel;
import dev.racer.multi.MultiCarRace;
import dev.racer.race.DriverProvider;
import dev.racer.trace.SimTraceReader;
import dev.racer.track.TrackLibrary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models written by the trainer race each other through {@link HeadToModel}, opened by the trainer's
 * {@link DriverProvider}: each sees the race from its own car (its sensor over its own view). The models are
 * barely trained (a few hundred steps): the race is raced and recorded, not necessarily finished.
 */
class HeadToModelTrainedTest {
    @TempDir
    Path tmp;

    private Path train(String name, long seed) throws Exception {
        Path hp = tmp.resolve("hp.json");
        Files.writeString(hp, "{\"batch_size\": 64, \"num_episodes_between_training\": 4, \"num_epochs\": 2}");
        Path out = tmp.resolve("models").resolve(name);
        Trainer.train(TrainSpec.of("reinvent_base", "center_line", out).withSteps(400L).withSeed(seed).withWorkers(1)
                .withHyperparameters(hp));
        return out;
    }

    @Test
    void twoTrainedModelsRaceDeterministicallyAndABrokenFolderIsListed() throws Exception {
        Path a = train("a", 5), b = train("b", 6);
        Path broken = Files.createDirectories(tmp.resolve("models/broken"));
        Files.writeString(broken.resolve("model_metadata.json"), "{}");
        var rules = new MultiCarRace.Rules(1, 2, 5, 30, 1 / 15.0);
        var track = TrackLibrary.standard().get("reinvent_base");
        HeadToModel.Report[] reports = new HeadToModel.Report[2];
        for (int i = 0; i < 2; i++) {
            try (HeadToModel.Lineup lineup = HeadToModel.open(List.of(a, broken, b), DriverProvider::openModel)) {
                assertEquals(List.of("a", "b"), lineup.entrants().stream().map(HeadToModel.Entrant::name).toList());
                assertEquals(1, lineup.failures().size(), lineup.failures().toString());
                assertEquals(broken, lineup.failures().get(0).folder());
                reports[i] = HeadToModel.run(new HeadToModel.Request(track, false, rules, BotConfig.NONE, 11, null,
                        tmp.resolve("traces" + i), null), lineup);
            }
        }
        HeadToModel.Report r = reports[0];
        assertEquals(2, r.standings().size());
        assertEquals(List.of(1, 2), r.standings().stream().map(HeadToModel.Standing::rank).toList());
        assertEquals(1, r.notRaced().size());
        assertEquals(r.standings(), reports[1].standings(), "same models, same seed, same race");
        for (String car : List.of("a", "b")) {
            var rows = SimTraceReader.read(tmp.resolve("traces0/" + car + ".csv")).rows();
            assertEquals("prepare", rows.get(0).episodeStatus());
            assertTrue(rows.size() >= 2, car + ": " + rows.size() + " rows");
            assertEquals(rows, SimTraceReader.read(tmp.resolve("traces1/" + car + ".csv")).rows());
        }
    }
}
