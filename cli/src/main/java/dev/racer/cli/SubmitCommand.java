package dev.racer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.racer.league.LeagueClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code racer submit models/NAME --server URL --league ID --token T [--wait]}. */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Uploads a model folder to a league (as a zip of its model files); with --wait, follows the race"
                + " and prints the rank and lap times.")
public final class SubmitCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "the model folder (models/NAME)")
    Path model;
    @Option(names = "--server", defaultValue = "http://127.0.0.1:8080", description = "league server (default: ${DEFAULT-VALUE})")
    String server;
    @Option(names = "--league", defaultValue = "default", description = "league id (default: ${DEFAULT-VALUE})")
    String league;
    @Option(names = "--token", defaultValue = "${env:RACER_TOKEN}", description = "your racer token (default: $RACER_TOKEN)")
    String token;
    @Option(names = "--name", description = "the model's name on the leaderboard (default: the folder's name)")
    String name;
    @Option(names = "--wait", description = "follow the race to the end and print the rank and lap times")
    boolean await;
    @Option(names = "--timeout", defaultValue = "600", description = "seconds --wait waits (default: ${DEFAULT-VALUE})")
    int timeout;

    @Override
    public Integer call() throws Exception {
        if (token == null || token.isBlank()) {
            throw new UserException("--token is needed (or RACER_TOKEN): get one with racer league register --name NAME");
        }
        byte[] zip;
        try {
            zip = LeagueClient.zipModel(model);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        String modelName = name != null ? name : model.toAbsolutePath().normalize().getFileName().toString();
        LeagueClient c = LeagueCommand.client(server);
        JsonNode s = LeagueCommand.call(() -> c.submit(league, token, modelName, zip));
        PrintWriter out = spec.commandLine().getOut();
        String id = s.path("id").asText();
        out.printf("submitted %s to league %s as %s (%d bytes): %s%n", modelName, league, id, zip.length, s.path("status").asText());
        if (!await) {
            out.println("follow it with: racer submit ... --wait, or GET " + server + "/api/submissions/" + id);
            return 0;
        }
        out.flush();
        long end = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
        String last = s.path("status").asText();
        while (!last.equals("done") && !last.equals("failed")) {
            if (System.nanoTime() > end) {
                throw new UserException("still " + last + " after " + timeout + " s; the server keeps it: check again later", 4);
            }
            Thread.sleep(300);
            s = LeagueCommand.call(() -> c.submission(id, token));
            String now = s.path("status").asText();
            if (!now.equals(last)) {
                out.println("  " + now);
                out.flush();
                last = now;
            }
        }
        if (last.equals("failed")) {
            out.println("the race failed: " + s.path("error").asText());
            return 1;
        }
        JsonNode r = s.path("result");
        out.printf(Locale.ROOT, "%s: %d lap(s) completed, total %s s, %d off track%n",
                r.path("completed").asBoolean() ? "finished" : "did not finish (" + r.path("end_reason").asText() + ")",
                r.path("laps_completed").asInt(), secs(r.path("total_ms").asLong()), r.path("offtracks").asInt());
        for (JsonNode lap : r.path("laps")) {
            out.printf(Locale.ROOT, "  lap %d  %s s%s%s%n", lap.path("lap").asInt(), secs(lap.path("timeMs").asLong()),
                    lap.path("offtracks").asInt() > 0 ? "  (" + lap.path("offtracks").asInt() + " off track)" : "",
                    lap.path("completed").asBoolean() ? "" : "  unfinished");
        }
        JsonNode board = LeagueCommand.call(() -> c.leaderboard(league));
        String racerId = s.path("racer_id").asText();
        int n = board.path("entries").size();
        for (JsonNode e : board.path("entries")) {
            if (e.path("racer_id").asText().equals(racerId)) {
                out.printf(Locale.ROOT, "rank %d of %d in league %s (ranked by %s; your best: %s, %s s)%n",
                        e.path("rank").asInt(), n, league, board.path("league").path("ranking").asText(),
                        e.path("model").asText(), secs(e.path("score_ms").asLong()));
                return 0;
            }
        }
        out.println("not ranked: only races that complete every lap are ranked");
        return 0;
    }

    private static String secs(long ms) {
        return String.format(Locale.ROOT, "%.3f", ms / 1000.0);
    }
}
