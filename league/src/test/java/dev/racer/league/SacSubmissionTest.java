package dev.racer.league;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.racer.io.Jsons;
import dev.racer.model.ModelFolder;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SAC models in the league: {@code racer submit}'s archive carries {@code model/sac.bin} of the chosen checkpoint,
 * the league checks it against the metadata and races it through the trainer's driver.
 */
class SacSubmissionTest {
    @TempDir
    static Path tmp;
    static TestServer t;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        t = new TestServer(TestServer.config(tmp.resolve("data"), null));
        token = t.register("sac");
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                m.put(e.getName(), z.readAllBytes());
            }
        }
        return m;
    }

    @Test
    void aTrainedSacModelIsAcceptedAndRacedFromEitherCheckpoint() throws Exception {
        Path dir = TestModels.trained("sac");
        ModelFolder f = new ModelFolder(dir);
        for (ModelFolder.Checkpoint c : ModelFolder.Checkpoint.values()) {
            byte[] zip = LeagueClient.zipModel(dir, c);
            Map<String, byte[]> sent = entries(zip);
            assertTrue(sent.containsKey(ModelFolder.SAC_WEIGHTS), sent.keySet().toString());
            assertArrayEquals(Files.readAllBytes(f.network(c)), sent.get(ModelFolder.SAC_WEIGHTS),
                    c.label() + ": the chosen checkpoint's network, under model/sac.bin");
            LeagueClient.Reply r = t.client.submit("default", token, "sac-" + c.label(), zip);
            assertEquals(202, r.status(), r.body().toString());
            assertEquals("done", t.client.await(r.body().path("id").asText(), token, java.time.Duration.ofSeconds(90))
                    .path("status").asText());
        }
    }

    @Test
    void aTruncatedOrMismatchedSacNetworkIsRefused() throws Exception {
        Map<String, byte[]> files = entries(LeagueClient.zipModel(TestModels.trained("sac"), ModelFolder.Checkpoint.LAST));
        byte[] weights = files.get(ModelFolder.SAC_WEIGHTS);

        Map<String, byte[]> truncated = new LinkedHashMap<>(files);
        truncated.put(ModelFolder.SAC_WEIGHTS, Arrays.copyOf(weights, weights.length - 4));
        LeagueClient.Reply r = t.client.submit("default", token, "cut", TestModels.zip(truncated));
        assertEquals(422, r.status(), r.body().toString());
        assertTrue(r.error().contains("model/sac.bin"), r.error());

        Map<String, byte[]> wider = new LinkedHashMap<>(files);
        var meta = (com.fasterxml.jackson.databind.node.ObjectNode) Jsons.mapper().readTree(files.get("model_metadata.json"));
        meta.putArray("racer_hidden_layers").add(32).add(32);
        wider.put("model_metadata.json", Jsons.mapper().writeValueAsBytes(meta));
        r = t.client.submit("default", token, "mismatch", TestModels.zip(wider));
        assertEquals(422, r.status(), r.body().toString());
        assertTrue(r.error().contains("model_metadata.json implies"), r.error());

        Map<String, byte[]> two = new LinkedHashMap<>(files);
        two.put(ModelFolder.SAMEDIFF_WEIGHTS, TestModels.flatBuffer());
        r = t.client.submit("default", token, "two", TestModels.zip(two));
        assertEquals(422, r.status(), r.body().toString());
        assertTrue(r.error().contains("two networks"), r.error());
    }
}
