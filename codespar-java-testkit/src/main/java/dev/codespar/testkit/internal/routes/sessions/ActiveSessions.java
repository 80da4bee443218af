package dev.codespar.testkit.internal.routes.sessions;

import dev.codespar.testkit.internal.routes.Exchange;
import dev.codespar.testkit.internal.state.SessionRecord;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.wire.Answer;

/** The open session a hosted route works on, or the 404 the hosted API answers for a closed or expired one. */
final class ActiveSessions {

    private ActiveSessions() {}

    static SessionRecord require(World world, Exchange ex) {
        String id = ex.param("id");
        SessionRecord s = world.session(id);
        if (s == null) {
            throw Answer.notFound(ex, "Session not found or closed");
        }
        String status = world.status(s);
        if (status.equals("closed")) {
            throw Answer.notFound(ex, "Session not found or closed");
        }
        if (status.equals("expired")) {
            throw Answer.notFound(ex, "Session expired after " + world.config.sessionIdleTimeout().toMinutes()
                    + " minutes of inactivity; create a new one");
        }
        return s;
    }

    static void touch(World world, SessionRecord s) {
        s.lastActivity = world.now();
    }
}
