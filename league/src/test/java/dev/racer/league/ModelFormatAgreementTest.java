package dev.racer.league;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.racer.io.Jsons;
import dev.racer.model.ModelFileException;
import dev.racer.model.ModelFolder;
import dev.racer.trainer.ModelDriverProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The league's upload check and the trainer's loader are one validator: the fields on which they once drifted
 * ({@code preprocess_type}, sensor lists, any network name) are refused (or accepted) by both, and the league
 * refuses at upload time with the trainer's own message.
 */
class ModelFormatAgreementTest {
    @TempDir
    static Path tmp;
    static TestServer t;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        t = new TestServer(TestServer.config(tmp.resolve("data"), null));
        token = t.register("format");
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    /** A copy of the trained clipped PPO model with its metadata edited. */
    private static Path variant(String name, Consumer<ObjectNode> edit) throws Exception {
        Path src = TestModels.trained("clipped_ppo");
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("model"));
        for (String f : ModelFolder.MODEL_FILES) {
            if (Files.isRegularFile(src.resolve(f))) {
                Files.copy(src.resolve(f), dir.resolve(f));
            }
        }
        ObjectNode meta = (ObjectNode) Jsons.readTree(dir.resolve("model_metadata.json"));
        edit.accept(meta);
        Jsons.writeAtomically(dir.resolve("model_metadata.json"), meta);
        return dir;
    }

    private static void bothRefuse(Path dir, String fragment) throws Exception {
        ModelFileException trainer = assertThrows(ModelFileException.class, () -> new ModelDriverProvider().open(dir));
        assertTrue(trainer.getMessage().contains(fragment), trainer.getMessage());
        LeagueClient.Reply r = t.client.submit("default", token, dir.getFileName().toString(), LeagueClient.zipModel(dir));
        assertEquals(422, r.status(), r.body().toString());
        String why = trainer.getMessage().substring(trainer.getMessage().indexOf("model_metadata.json: "));
        assertEquals(why, r.error(), "the league says what the trainer says");
    }

    @Test
    void preprocessTypeOtherThanGreyScaleIsRefusedByBoth() throws Exception {
        bothRefuse(variant("rgb", m -> m.put("preprocess_type", "RGB")), "preprocess_type");
    }

    @Test
    void sensorListsRacerCannotDriveAreRefusedByBoth() throws Exception {
        bothRefuse(variant("camera-lidar", m -> m.putArray("sensor").add("FRONT_FACING_CAMERA").add("LIDAR")),
                "camera-and-LIDAR network");
        bothRefuse(variant("four-sensors", m -> m.putArray("sensor").add("FRONT_FACING_CAMERA").add("LIDAR")
                .add("SECTOR_LIDAR").add("STEREO_CAMERAS")), "exactly one camera");
    }

    @Test
    void anUnknownNetworkNameIsRefusedByBoth() throws Exception {
        bothRefuse(variant("net", m -> m.put("neural_network", "MY_BIG_NET")), "neural_network");
    }

    @Test
    void greyScalePreprocessingIsAcceptedByBothAndRaced() throws Exception {
        Path dir = variant("grey", m -> m.put("preprocess_type", "GREY_SCALE"));
        assertTrue(new ModelDriverProvider().open(dir).isPresent(), "the trainer drives it");
        LeagueClient.Reply r = t.client.submit("default", token, "grey", LeagueClient.zipModel(dir));
        assertEquals(202, r.status(), r.body().toString());
        String status = t.client.await(r.body().path("id").asText(), token, java.time.Duration.ofSeconds(90))
                .path("status").asText();
        assertEquals("done", status);
    }
}
