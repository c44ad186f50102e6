package dev.racer.league;

import dev.racer.league.api.LeagueApi;
import io.javalin.http.Context;
import java.sql.SQLException;

/** Registering a racer (rate limited per address) and who the caller is. */
final class RacerController {
    private final Store store;
    private final RateLimiter registrations;

    RacerController(Store store, RateLimiter registrations) {
        this.store = store;
        this.registrations = registrations;
    }

    void register(Context ctx) throws SQLException {
        long wait = registrations.acquire(ctx.ip());
        if (wait > 0) {
            throw ApiException.tooMany("too many registrations from your address; try again in " + wait + " s")
                    .retryAfter(wait);
        }
        LeagueApi.Register body = Binding.body(ctx, LeagueApi.Register.class);
        String name = Binding.required(body.name(), "name", 1, 40);
        var created = store.createRacer(name);
        if (created.isEmpty()) {
            throw ApiException.conflict("the racer name \"" + name + "\" is taken");
        }
        ctx.status(201).json(new LeagueApi.Registered(created.get().getKey().id(), name, created.get().getValue(),
                "keep the token: it is shown only once"));
    }

    void me(Context ctx) {
        Store.Racer r = AccessManager.racer(ctx);
        ctx.json(new LeagueApi.Me(r.id(), r.name()));
    }
}
