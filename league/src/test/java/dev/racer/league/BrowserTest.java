package dev.racer.league;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web page in a real browser: Debian's {@code chromium}, headless, loads the league page, runs its script, and
 * the DOM it dumps shows the submitted model ranked with its lap times, and the racer's name as text (escaped).
 */
@Tag("browser")
class BrowserTest {
    @TempDir
    Path tmp;

    static Path chromium() {
        for (String c : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }

    @Test
    void thePageShowsTheRankedModelWithItsLapTimes() throws Exception {
        Path browser = chromium();
        assumeTrue(browser != null, "Debian's chromium is not installed (apt-get install chromium)");
        LeagueConfig cfg = TestServer.config(tmp.resolve("data"), null);
        LeagueRules d = cfg.defaultLeague().rules();
        cfg = cfg.withDefaultLeague(new LeagueConfig.LeagueSpec("default", "Browser <i>league</i>",
                new LeagueRules(d.trackId(), 2, d.offtrackPenaltyMs(), d.maxResets(), d.ranking(), 60)));
        try (TestServer t = new TestServer(cfg)) {
            String evil = "<img src=x onerror=alert(1)> Ada & \"Bob\"";
            String token = t.register(evil);
            JsonNode done = t.submitAndWait(token, "<script>alert(2)</script>", TestModels.trainedArchive("clipped_ppo"));
            assertEquals("done", done.path("status").asText(), done.toString());
            List<String> laps = new ArrayList<>();
            for (JsonNode lap : done.path("result").path("laps")) {
                laps.add(String.format(Locale.ROOT, "%.3f", lap.path("time_ms").asLong() / 1000.0));
            }
            assertEquals(2, laps.size());

            String dom = dumpDom(browser, t.server.url() + "/?league=default");
            assertTrue(dom.contains("<td class=\"rank\">1</td>"), dom);
            assertTrue(dom.contains("<td class=\"racer\">&lt;img src=x onerror=alert(1)&gt; Ada &amp; \"Bob\"</td>"),
                    "the name is shown as text: " + dom);
            assertTrue(dom.contains("<td class=\"model\">&lt;script&gt;alert(2)&lt;/script&gt;</td>"), dom);
            assertFalse(dom.contains("<img src=\"x\""), "no element was made from the name");
            for (String lap : laps) {
                assertTrue(dom.contains(">" + lap + "</span>"), "lap time " + lap + " shown: " + dom);
            }
            assertTrue(dom.contains("1 ranked"), dom);
            assertTrue(dom.contains("<td class=\"collisions\">0</td>"), "the collisions column: " + dom);
            assertTrue(dom.contains("Time trial, track reinvent_base"), "the race type in the rules line: " + dom);
        }
    }

    /** A head-to-model league: the page shows the standings by rating and draws a heat's cars in their colours. */
    @Test
    void aHeadToModelLeagueShowsItsStandingsAndAHeatWithEveryCar() throws Exception {
        Path browser = chromium();
        assumeTrue(browser != null, "Debian's chromium is not installed (apt-get install chromium)");
        LeagueConfig cfg = TestServer.config(tmp.resolve("data"), null);
        LeagueRules r = cfg.defaultLeague().rules().withRace(dev.racer.race.RaceType.HEAD_TO_MODEL, null);
        cfg = cfg.withDefaultLeague(new LeagueConfig.LeagueSpec("default", "Heads", r));
        try (TestServer t = new TestServer(cfg)) {
            double[] speeds = {1.5, 2.5, 2.0};
            for (int i = 0; i < speeds.length; i++) {
                JsonNode done = t.submitAndWait(t.register("racer<" + i + ">"), "model" + i, TestModels.archive(speeds[i]));
                assertEquals("done", done.path("status").asText(), done.toString());
            }
            String dom = dumpDom(browser, t.server.url() + "/?league=default");
            for (int i = 0; i < speeds.length; i++) {
                assertTrue(dom.contains("<td class=\"racer\">racer&lt;" + i + "&gt;</td>"), "racer " + i + ": " + dom);
            }
            assertTrue(dom.contains("<tr class=\"standing\"><td class=\"rank\">1</td>"), dom);
            assertTrue(dom.contains("<td class=\"rating\">"), "the rating column: " + dom);
            assertTrue(dom.contains("3 rated, 3 heats"), dom);
            assertTrue(dom.contains("Head to model (heats of up to 4 cars)"), "the race type in the rules line: " + dom);
            // the newest heat (3 cars) on the canvas: every car drawn, each in its own colour
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("data-cars-drawn=\"([^\"]*)\"").matcher(dom);
            assertTrue(m.find(), "the canvas drew a heat: " + dom);
            List<String> colours = List.of(m.group(1).split(" "));
            assertEquals(3, colours.size(), m.group(1));
            assertEquals(3, new java.util.HashSet<>(colours).size(), "distinct colours: " + m.group(1));
            assertTrue(dom.contains("heat of 3 cars"), dom);
        }
    }

    /** Chromium headless loads the page, lets its script run for 5 s of virtual time, and prints the DOM. */
    static String dumpDom(Path browser, String url) throws Exception {
        Path profile = Files.createTempDirectory("racer-chromium");
        List<String> cmd = List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--virtual-time-budget=5000", "--dump-dom", url);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 60 s");
        }
        dev.racer.io.FileTrees.deleteQuietly(profile);
        return new String(out, StandardCharsets.UTF_8);
    }
}
