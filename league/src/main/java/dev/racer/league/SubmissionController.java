package dev.racer.league;

import dev.racer.league.api.LeagueApi;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A racer's submissions: uploading one, listing them, one's status and result, its sim-trace. */
final class SubmissionController {
    private static final Logger LOG = LoggerFactory.getLogger(SubmissionController.class);
    private final Store store;
    private final UploadService uploads;
    private final LeagueController leagues;
    private final LeagueFiles files;

    SubmissionController(Store store, UploadService uploads, LeagueController leagues, LeagueFiles files) {
        this.store = store;
        this.uploads = uploads;
        this.leagues = leagues;
        this.files = files;
    }

    /** {@code POST /api/leagues/{league}/submissions?name=MODEL} with the zip as the body. */
    void submit(Context ctx) throws Exception {
        Store.Racer racer = AccessManager.racer(ctx);
        Store.League league = leagues.league(ctx);
        String model = ctx.queryParam("name");
        model = model == null || model.isBlank() ? "model" : Binding.userString(model, "name", 1, 64);
        UploadService.checkZipType(ctx.contentType());
        Store.Submission s = uploads.accept(racer, league, model, ctx.req().getInputStream(),
                ctx.req().getContentLengthLong());
        LOG.info("league: racer {} submitted {} to {} as {}", racer.id(), ModelArchive.printable(model), league.id(),
                s.id());
        ctx.status(202).json(Views.submission(s));
    }

    void list(Context ctx) throws SQLException {
        Store.Racer r = AccessManager.racer(ctx);
        ctx.json(new LeagueApi.SubmissionList(store.submissionsOf(r.id(), 200).stream().map(Views::submission).toList()));
    }

    void get(Context ctx) throws SQLException {
        ctx.json(Views.submission(own(ctx)));
    }

    void trace(Context ctx) throws Exception {
        Store.Submission s = own(ctx);
        if (s.traceFile() == null) {
            throw ApiException.notFound("submission " + s.id() + " has no trace yet (status " + s.status() + ")");
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + s.id() + ".csv\"");
        ctx.result(Files.newInputStream(files.traces().resolve(s.traceFile())));
    }

    private Store.Submission own(Context ctx) throws SQLException {
        Store.Racer r = AccessManager.racer(ctx);
        String id = ctx.pathParam("id");
        if (!id.matches("s[0-9a-f]{1,64}")) {
            throw ApiException.notFound("no such submission");
        }
        Store.Submission s = store.getSubmission(id).orElseThrow(() -> ApiException.notFound("no submission " + id));
        if (!s.racerId().equals(r.id())) {
            throw ApiException.forbidden("submission " + id + " belongs to another racer");
        }
        return s;
    }
}
