package dev.racer.league;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Someone else's files: each hostile upload is refused with a clear HTTP error, and the server keeps serving. */
class HostileUploadTest {
    @TempDir
    static Path tmp;
    static TestServer t;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        LeagueConfig cfg = TestServer.config(tmp.resolve("data"), null)
                .withLimits(new UploadLimits(1 << 20, 16, 4 << 20, 16 << 10));
        t = new TestServer(cfg);
        token = t.register("mallory");
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    /** Posts {@code zip}, expects {@code status} and a message containing {@code words}. */
    private static void refused(byte[] zip, int status, String words) throws Exception {
        LeagueClient.Reply r = t.client.submit("default", token, "evil", zip);
        assertEquals(status, r.status(), r.body().toString());
        assertTrue(r.error().toLowerCase().contains(words.toLowerCase()), "message \"" + r.error() + "\" should say " + words);
        assertEquals("ok", t.client.get("/api/health", null).orThrow().path("status").asText(), "still serving");
    }

    private static Map<String, byte[]> good() throws Exception {
        return TestModels.files(1.5);
    }

    private static Map<String, byte[]> with(String name, byte[] content) throws Exception {
        Map<String, byte[]> m = good();
        m.put(name, content);
        return m;
    }

    @Test
    void zipSlipIsRefusedAndWritesNothingOutside() throws Exception {
        refused(TestModels.zip(with("../../evil.json", "{}".getBytes())), 422, "leaves its folder");
        refused(TestModels.zip(with("../model_metadata.json", TestModels.metadata(1).getBytes())), 422, "leaves its folder");
        refused(TestModels.zip(with("/etc/evil.json", "{}".getBytes())), 422, "absolute path");
        refused(TestModels.zip(with("a\\..\\..\\evil.json", "{}".getBytes())), 422, "leaves its folder"); // backslashes are read as /
        try (Stream<Path> s = Files.walk(tmp)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith("evil")), "nothing written");
        }
    }

    @Test
    void aZipBombIsStoppedByTheBytesActuallyInflated() throws Exception {
        // 64 MiB of zeros deflate to about 64 KiB: under the upload limit, far over the unpacked limit
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : good().entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("reward_function.py"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        assertTrue(b.size() < (1 << 20), "the bomb itself is small: " + b.size());
        refused(b.toByteArray(), 413, "unpacks to more than");
    }

    @Test
    void aBombThatLiesInItsHeadersIsStoppedToo() throws Exception {
        // the headers claim reward_function.py unpacks to 100 bytes; it inflates to 6 MiB: only bytes read count
        byte[] zip = TestModels.zip(with("reward_function.py", new byte[6 << 20]));
        assertTrue(zip.length < (1 << 20));
        patchClaimedSize(zip, "reward_function.py", 100);
        refused(zip, 413, "unpacks to more than");
    }

    /** Rewrites the uncompressed size the central directory (and data descriptor-less local header) claims. */
    private static void patchClaimedSize(byte[] zip, String name, int size) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        boolean patched = false;
        for (int i = 0; i + 46 < zip.length; i++) {
            if (b.getInt(i) == 0x02014b50) { // central directory file header
                int nameLen = b.getShort(i + 28) & 0xffff;
                String n = new String(zip, i + 46, nameLen, StandardCharsets.UTF_8);
                if (n.equals(name)) {
                    b.putInt(i + 24, size);
                    patched = true;
                }
            }
        }
        assertTrue(patched);
    }

    @Test
    void tooManyEntriesAreRefused() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            m.put("f" + i + ".json", "{}".getBytes());
        }
        refused(TestModels.zip(m), 413, "more than 16 entries");
    }

    @Test
    void unexpectedFilesAndFoldersAreRefused() throws Exception {
        refused(TestModels.zip(with("run.sh", "#!/bin/sh\nrm -rf /\n".getBytes())), 422, "unexpected file");
        refused(TestModels.zip(with("checkpoint/model-000001.sd", new byte[3])), 422, "unexpected file");
        refused(TestModels.zip(with("model/evil.sh", new byte[3])), 422, "unexpected file");
        Map<String, byte[]> noWeights = good();
        noWeights.remove("model/policy.zip");
        refused(TestModels.zip(noWeights), 422, "no network");
        refused(TestModels.zip(with("model/policy.sd", TestModels.flatBuffer())), 422, "two networks");
        Map<String, byte[]> noMeta = good();
        noMeta.remove("model_metadata.json");
        refused(TestModels.zip(noMeta), 422, "no model_metadata.json");
    }

    @Test
    void linksAreRefused() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream z = new ZipArchiveOutputStream(b)) {
            for (Map.Entry<String, byte[]> e : good().entrySet()) {
                if (e.getKey().equals("hyperparameters.json")) {
                    ZipArchiveEntry link = new ZipArchiveEntry("hyperparameters.json");
                    link.setUnixMode(0120777);
                    z.putArchiveEntry(link);
                    z.write("/etc/passwd".getBytes());
                } else {
                    z.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                    z.write(e.getValue());
                }
                z.closeArchiveEntry();
            }
        }
        refused(b.toByteArray(), 422, "link");
    }

    @Test
    void badJsonAndBadFieldsAreRefusedFieldByField() throws Exception {
        refused(TestModels.zip(with("model_metadata.json", "{\"action_space\": [".getBytes())), 422, "not valid JSON");
        refused(TestModels.zip(with("model_metadata.json", "[1, 2]".getBytes())), 422, "must be a JSON object");
        refused(TestModels.zip(with("model_metadata.json", TestModels.metadata(9.5).getBytes())), 422,
                "action_space[0].speed\" must be in [0.1, 4]");
        refused(TestModels.zip(with("model_metadata.json",
                TestModels.metadata(1).replace("\"version\"", "\"evil\": 1, \"version\"").getBytes())), 422,
                "unknown field \"evil\"");
        refused(TestModels.zip(with("model_metadata.json",
                TestModels.metadata(1).replace("\"discrete\"", "\"quantum\"").getBytes())), 422, "action_space_type");
        refused(TestModels.zip(with("model_metadata.json",
                "{\"action_space\": [{\"steering_angle\": 0, \"speed\": 1}], \"version\": \"5\"}".getBytes())), 422,
                "2 to 30");
        refused(TestModels.zip(with("model_metadata.json",
                "{\"action_space\": [], \"action_space\": [], \"version\": \"5\"}".getBytes())), 422, "duplicate");
        refused(TestModels.zip(with("hyperparameters.json", "{\"lr\": \"x\", \"shell\": 1}".getBytes())), 422,
                "unknown field \"shell\"");
        String deep = "[".repeat(5000) + "]".repeat(5000);
        refused(TestModels.zip(with("model_metadata.json", deep.getBytes())), 422, "not valid JSON");
        refused(TestModels.zip(with("model_metadata.json", new byte[20 << 10])), 413, "unpacks to more than");
    }

    @Test
    void aSameDiffNetworkMustBeAFlatBuffersFile() throws Exception {
        Map<String, byte[]> sd = good();
        sd.remove("model/policy.zip");
        sd.put("model/policy.sd", "#!/bin/sh\necho not a network at all\n".getBytes());
        refused(TestModels.zip(sd), 422, "not a SameDiff network");
        sd.put("model/policy.sd", new byte[] {1, 2, 3});
        refused(TestModels.zip(sd), 422, "not a SameDiff network");
        sd.put("model/policy.sd", TestModels.flatBuffer());
        assertEquals(202, t.client.submit("default", token, "sd", TestModels.zip(sd)).status());
    }

    @Test
    void weightsMustBeADl4jModelWithNoSerializedObjects() throws Exception {
        refused(TestModels.zip(with("model/policy.zip", "not a zip at all".getBytes())), 422, "not a readable zip");
        refused(TestModels.zip(with("model/policy.zip", TestModels.zip(Map.of("configuration.json", "{}".getBytes())))), 422,
                "coefficients.bin");
        Map<String, byte[]> w = new LinkedHashMap<>();
        w.put("configuration.json", "{}".getBytes());
        w.put("coefficients.bin", new byte[8]);
        w.put("objects/normalizer.bin", new byte[] {(byte) 0xac, (byte) 0xed, 0, 5});
        refused(TestModels.zip(with("model/policy.zip", TestModels.zip(w))), 422, "no Java-serialized objects");
        Map<String, byte[]> gadget = new LinkedHashMap<>();
        gadget.put("configuration.json", "{\"x\": {\"@class\": \"com.sun.rowset.JdbcRowSetImpl\"}}".getBytes());
        gadget.put("coefficients.bin", new byte[8]);
        refused(TestModels.zip(with("model/policy.zip", TestModels.zip(gadget))), 422, "outside DL4J");
    }

    @Test
    void hugeUploadsAndWrongTypesAreRefused() throws Exception {
        byte[] huge = new byte[(1 << 20) + 10];
        new java.util.Random(1).nextBytes(huge);
        refused(huge, 413, "limit");
        LeagueClient.Reply r = t.client.postBytes("/api/leagues/default/submissions", token, "text/plain",
                TestModels.archive(1.5));
        assertEquals(415, r.status());
        refused("plain text".getBytes(StandardCharsets.UTF_8), 422, "not a readable zip");
        refused(new byte[0], 400, "empty");
    }

    @Test
    void wrongTokensAreRefused() throws Exception {
        LeagueClient.Reply r = t.client.submit("default", "rt_deadbeefdeadbeef_x", "m", TestModels.archive(1.5));
        assertEquals(401, r.status());
        assertTrue(r.error().contains("token"), r.error());
        assertEquals(401, t.client.submit("default", null, "m", TestModels.archive(1.5)).status());
        assertEquals(404, t.client.submit("no-league", token, "m", TestModels.archive(1.5)).status());
    }

    @Test
    void aGoodModelStillGoesThroughAfterAllThat() throws Exception {
        assertEquals("done", t.submitAndWait(token, "fine", TestModels.archive(1.5)).path("status").asText());
        // one top-level folder, as `zip -r NAME.zip NAME` makes, is fine
        Map<String, byte[]> inFolder = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : good().entrySet()) {
            inFolder.put("my-model/" + e.getKey(), e.getValue());
        }
        assertEquals(202, t.client.submit("default", token, "folder", TestModels.zip(inFolder)).status());
    }
}
