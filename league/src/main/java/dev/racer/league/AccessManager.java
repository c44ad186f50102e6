package dev.racer.league;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Set;

/**
 * Who may call a route, checked before the handler runs ({@code beforeMatched}): routes declare a {@link Role};
 * {@link Role#RACER} routes find the caller's racer from their bearer token, {@link Role#ADMIN} routes compare the
 * server's admin token.
 */
final class AccessManager {
    /** The roles routes declare. */
    enum Role implements RouteRole {
        /** anyone: the page, the leaderboards */
        ANYONE,
        /** a registered racer: {@code Authorization: Bearer <racer token>} */
        RACER,
        /** the server's operator: {@code Authorization: Bearer <admin token>} */
        ADMIN
    }

    private static final String RACER_ATTRIBUTE = "racer";
    private final Store store;
    private final byte[] adminToken;

    AccessManager(Store store, String adminToken) {
        this.store = store;
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code beforeMatched} handler. */
    void check(Context ctx) throws SQLException {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.contains(Role.ADMIN)) {
            String auth = bearer(ctx);
            if (auth == null || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), adminToken)) {
                throw ApiException.unauthorized("this needs the server's admin token (Authorization: Bearer ...)");
            }
        }
        if (roles.contains(Role.RACER)) {
            String token = bearer(ctx);
            if (token == null) {
                throw ApiException.unauthorized("this needs your racer token: Authorization: Bearer <token>");
            }
            Store.Racer r = store.authenticate(token)
                    .orElseThrow(() -> ApiException.unauthorized("the racer token is not valid"));
            ctx.attribute(RACER_ATTRIBUTE, r);
        }
    }

    /** The racer a {@link Role#RACER} route's caller authenticated as. */
    static Store.Racer racer(Context ctx) {
        Store.Racer r = ctx.attribute(RACER_ATTRIBUTE);
        if (r == null) {
            throw new IllegalStateException(ctx.path() + " is not declared as a RACER route");
        }
        return r;
    }

    private static String bearer(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return h.substring(7).trim();
    }
}
