package dev.racer.league;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.racer.league.api.LeagueApi;
import dev.racer.league.api.SubmissionStatus;
import dev.racer.league.api.Wire;
import dev.racer.model.ModelFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A client of the league's HTTP API ({@code racer submit}, {@code racer league register}, tests, the benchmark). */
public final class LeagueClient {
    private static final ObjectMapper JSON = Wire.mapper();
    private final String base;
    private final HttpClient http;

    public LeagueClient(String serverUrl) {
        String b = serverUrl.endsWith("/") ? serverUrl.substring(0, serverUrl.length() - 1) : serverUrl;
        if (!b.startsWith("http://") && !b.startsWith("https://")) {
            throw new IllegalArgumentException("--server must be an http:// or https:// URL, got \"" + serverUrl + "\"");
        }
        this.base = b;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A response: status and parsed JSON body (an object with {@code error} on failures). */
    public record Reply(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public String error() {
            return body.path("error").asText("HTTP " + status);
        }

        /** The body, or an {@link IllegalStateException} with the server's message. */
        public JsonNode orThrow() {
            if (!ok()) {
                throw new IllegalStateException("the league server refused (HTTP " + status + "): " + error());
            }
            return body;
        }

        /** The body as one of {@link LeagueApi}'s records, or an {@link IllegalStateException} as {@link #orThrow}. */
        public <T> T as(Class<T> type) {
            return Wire.read(orThrow(), type);
        }
    }

    public Reply get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
        return send(auth(b, token));
    }

    public Reply postJson(String path, String token, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return send(auth(b, token));
    }

    public Reply postBytes(String path, String token, String contentType, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        return send(auth(b, token));
    }

    public Reply register(String name) throws IOException, InterruptedException {
        return postJson("/api/racers", null, new LeagueApi.Register(name));
    }

    /** {@code POST /api/leagues} with the admin token. */
    public Reply createLeague(String adminToken, LeagueApi.CreateLeague league) throws IOException, InterruptedException {
        return postJson("/api/leagues", adminToken, league);
    }

    public Reply submit(String league, String token, String modelName, byte[] zip) throws IOException, InterruptedException {
        return postBytes("/api/leagues/" + enc(league) + "/submissions?name=" + enc(modelName), token, "application/zip", zip);
    }

    public Reply submission(String id, String token) throws IOException, InterruptedException {
        return get("/api/submissions/" + enc(id), token);
    }

    public Reply leaderboard(String league) throws IOException, InterruptedException {
        return get("/api/leagues/" + enc(league) + "/leaderboard", null);
    }

    /** Polls a submission until it is {@code done} or {@code failed}, or the timeout passes. */
    public JsonNode await(String id, String token, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode s = submission(id, token).orThrow();
            if (SubmissionStatus.of(s.path("status").asText()).finished() || System.nanoTime() > end) {
                return s;
            }
            Thread.sleep(200);
        }
    }

    private static HttpRequest.Builder auth(HttpRequest.Builder b, String token) {
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    private Reply send(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode body;
        try {
            body = r.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            body = JSON.createObjectNode().put("error", new String(r.body(), StandardCharsets.UTF_8));
        }
        return new Reply(r.statusCode(), body);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Zips a model folder for upload with its default checkpoint (best when training kept one, else last). */
    public static byte[] zipModel(Path dir) throws IOException {
        return zipModel(dir, null);
    }

    /**
     * Zips a model folder for upload: the files the league accepts ({@link ModelArchive#SENT}) that exist, the
     * network being {@code which} checkpoint's (null: the folder's default), sent under its {@code model/} name;
     * the rest of the folder (checkpoints, metrics, plots) stays home.
     */
    public static byte[] zipModel(Path dir, ModelFolder.Checkpoint which) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + ": not a model folder");
        }
        if (!Files.isRegularFile(dir.resolve(ModelArchive.METADATA))) {
            throw new IllegalArgumentException(dir + ": no " + ModelArchive.METADATA + " (is it a model folder written by racer train?)");
        }
        ModelFolder folder = new ModelFolder(dir);
        ModelFolder.Checkpoint c = which != null ? which : folder.defaultCheckpoint();
        Path network = folder.network(c);
        if (network == null) {
            throw new IllegalArgumentException(dir + ": no network for the " + c.label() + " checkpoint"
                    + (c == ModelFolder.Checkpoint.BEST ? " (no " + ModelFolder.BEST_DIR + "/ folder: use --checkpoint last)"
                    : " (" + String.join(", ", ModelFolder.NETWORK_FILES) + ")"));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String f : ModelArchive.SENT) {
                Path p = dir.resolve(f);
                if (ModelFolder.NETWORK_FILES.contains(f)) {
                    // only the network the model races with, from the chosen checkpoint
                    if (!network.getFileName().toString().equals(Path.of(f).getFileName().toString())) {
                        continue;
                    }
                    p = network;
                }
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    zip.putNextEntry(new ZipEntry(f));
                    Files.copy(p, zip);
                    zip.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }
}
