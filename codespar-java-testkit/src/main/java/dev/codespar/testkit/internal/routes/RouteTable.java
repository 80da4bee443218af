package dev.codespar.testkit.internal.routes;

import static dev.codespar.testkit.internal.routes.Router.Access.KEY;
import static dev.codespar.testkit.internal.routes.Router.Access.PUBLIC;

import dev.codespar.testkit.Dialect;
import dev.codespar.testkit.internal.program.Journal;
import dev.codespar.testkit.internal.routes.consumers.ConsentsRoute;
import dev.codespar.testkit.internal.routes.control.ControlRoute;
import dev.codespar.testkit.internal.routes.consumers.DidDocumentRoute;
import dev.codespar.testkit.internal.routes.consumers.MandateSpendRoute;
import dev.codespar.testkit.internal.routes.consumers.WalletRoute;
import dev.codespar.testkit.internal.routes.management.ApiKeysRoute;
import dev.codespar.testkit.internal.routes.management.CatalogueRoute;
import dev.codespar.testkit.internal.routes.management.OrgConnectionsRoute;
import dev.codespar.testkit.internal.routes.management.ProjectsRoute;
import dev.codespar.testkit.internal.routes.management.TriggersRoute;
import dev.codespar.testkit.internal.routes.management.WhoamiRoute;
import dev.codespar.testkit.internal.routes.runtime.RuntimeExecuteRoute;
import dev.codespar.testkit.internal.routes.runtime.RuntimeSendRoute;
import dev.codespar.testkit.internal.routes.runtime.RuntimeSessionsRoute;
import dev.codespar.testkit.internal.routes.sessions.ConnectLinksRoute;
import dev.codespar.testkit.internal.routes.sessions.ExecuteRoute;
import dev.codespar.testkit.internal.routes.sessions.ProxyExecuteRoute;
import dev.codespar.testkit.internal.routes.sessions.SendRoute;
import dev.codespar.testkit.internal.routes.sessions.SessionConnectionsRoute;
import dev.codespar.testkit.internal.routes.sessions.SessionsRoute;
import dev.codespar.testkit.internal.routes.sessions.ToolCallStatusRoute;
import dev.codespar.testkit.internal.state.World;
import dev.codespar.testkit.internal.tools.ToolEngine;

/** Every route the fake serves, per dialect: the one place to read what exists. */
public final class RouteTable {

    private RouteTable() {}

    /**
     * The routing table of a dialect.
     *
     * @param world the state
     * @param journal the journal (for the control routes)
     * @return the router
     */
    public static Router of(World world, Journal journal) {
        ToolEngine engine = new ToolEngine(world);
        Router router = world.config.dialect() == Dialect.RUNTIME ? runtime(world, engine) : hosted(world, engine);
        if (world.config.controlApi()) {
            control(router, new ControlRoute(world, journal));
        }
        return router;
    }

    /** The control routes of a fake run as a process; no real server has them. */
    private static void control(Router router, ControlRoute c) {
        router.add("POST", "/_fake/reset", PUBLIC, c::reset)
                .add("POST", "/_fake/payments/{id}/settle", PUBLIC, c::settlePayment)
                .add("POST", "/_fake/verifications/{id}/settle", PUBLIC, c::settleVerification)
                .add("POST", "/_fake/sessions/{id}/connect", PUBLIC, c::connect)
                .add("POST", "/_fake/connect-links/{token}/complete", PUBLIC, c::completeLink)
                .add("POST", "/_fake/consents/{token}/approve", PUBLIC, c::approveConsent)
                .add("POST", "/_fake/events", PUBLIC, c::event)
                .add("POST", "/_fake/clock/advance", PUBLIC, c::advance)
                .add("POST", "/_fake/scenario", PUBLIC, c::scenario)
                .add("GET", "/_fake/journal", PUBLIC, c::journal);
    }

    private static Router hosted(World world, ToolEngine engine) {
        SessionsRoute sessions = new SessionsRoute(world);
        ExecuteRoute execute = new ExecuteRoute(world, engine);
        SendRoute send = new SendRoute(world, engine);
        ConnectLinksRoute links = new ConnectLinksRoute(world);
        ToolCallStatusRoute status = new ToolCallStatusRoute(world);
        ProjectsRoute projects = new ProjectsRoute(world);
        TriggersRoute triggers = new TriggersRoute(world);
        ApiKeysRoute apiKeys = new ApiKeysRoute(world);
        OrgConnectionsRoute connections = new OrgConnectionsRoute(world);
        CatalogueRoute catalogue = new CatalogueRoute(world);
        ConsentsRoute consents = new ConsentsRoute(world);
        WalletRoute wallet = new WalletRoute(world);
        return new Router()
                // sessions
                .add("POST", "/v1/sessions", KEY, sessions::create)
                .add("GET", "/v1/sessions", KEY, sessions::list)
                .add("GET", "/v1/sessions/{id}", KEY, sessions::get)
                .add("DELETE", "/v1/sessions/{id}", KEY, sessions::close)
                .add("POST", "/v1/sessions/{id}/close", KEY, sessions::close)
                .add("GET", "/v1/sessions/{id}/logs", KEY, sessions::logs)
                .add("POST", "/v1/sessions/{id}/execute", KEY, execute::execute)
                .add("POST", "/v1/sessions/{id}/proxy_execute", KEY, new ProxyExecuteRoute(world, engine)::proxy)
                .add("POST", "/v1/sessions/{id}/send", KEY, send::send)
                .add("GET", "/v1/sessions/{id}/connections", KEY, new SessionConnectionsRoute(world)::list)
                .add("POST", "/v1/connect/start", KEY, links::start)
                .add("GET", "/connect/{token}", PUBLIC, links::page)
                .add("GET", "/v1/tool-calls/{id}/payment-status", KEY, status::payment)
                .add("GET", "/v1/tool-calls/{id}/payment-status/stream", KEY, status::paymentStream)
                .add("GET", "/v1/tool-calls/{id}/verification-status", KEY, status::verification)
                .add("GET", "/v1/tool-calls/{id}/verification-status/stream", KEY, status::verificationStream)
                // management
                .add("GET", "/v1/projects", KEY, projects::list)
                .add("POST", "/v1/projects", KEY, projects::create)
                .add("GET", "/v1/projects/{id}", KEY, projects::get)
                .add("PATCH", "/v1/projects/{id}", KEY, projects::update)
                .add("DELETE", "/v1/projects/{id}", KEY, projects::delete)
                .add("POST", "/v1/triggers", KEY, triggers::create)
                .add("GET", "/v1/triggers", KEY, triggers::list)
                .add("GET", "/v1/triggers/{id}", KEY, triggers::get)
                .add("DELETE", "/v1/triggers/{id}", KEY, triggers::delete)
                .add("POST", "/v1/triggers/{id}/rotate-secret", KEY, triggers::rotate)
                .add("POST", "/v1/api-keys", KEY, apiKeys::create)
                .add("GET", "/v1/api-keys", KEY, apiKeys::list)
                .add("POST", "/v1/connections", KEY, connections::create)
                .add("GET", "/v1/connections", KEY, connections::list)
                .add("POST", "/v1/connections/{id}/revoke", KEY, connections::revoke)
                .add("GET", "/v1/servers", KEY, catalogue::servers)
                .add("GET", "/v1/servers/{id}", KEY, catalogue::server)
                .add("GET", "/v1/tools", KEY, catalogue::tools)
                .add("GET", "/v1/tools/{name}", KEY, catalogue::tool)
                .add("GET", "/v1/whoami", KEY, new WhoamiRoute(world)::whoami)
                // consumers, mandates, wallets
                .add("POST", "/v1/consents/init", KEY, consents::init)
                .add("POST", "/v1/consents/{token}/submit", PUBLIC, consents::submit)
                .add("GET", "/v1/consumers/consents", KEY, consents::consents)
                .add("GET", "/v1/consumers/funding-sources", KEY, consents::fundingSources)
                .add("POST", "/v1/consumers/mandates/{id}/spend", KEY, new MandateSpendRoute(world)::spend)
                .add("GET", "/v1/consumers/{id}/wallet", KEY, wallet::wallet)
                .add("POST", "/v1/consumers/{id}/wallet/transfer", KEY, wallet::transfer)
                .add("GET", "/v1/agents/{did}/did.json", PUBLIC, new DidDocumentRoute(world)::document);
    }

    /** The runtime serves only the session routes, each both at {@code /path} and {@code /v1/path}. */
    private static Router runtime(World world, ToolEngine engine) {
        RuntimeSessionsRoute sessions = new RuntimeSessionsRoute(world);
        RuntimeExecuteRoute execute = new RuntimeExecuteRoute(world, engine);
        RuntimeSendRoute send = new RuntimeSendRoute(world, engine);
        Router router = new Router();
        for (String prefix : new String[] {"", "/v1"}) {
            router.add("POST", prefix + "/sessions", KEY, sessions::create)
                    .add("POST", prefix + "/sessions/{id}/execute", KEY, execute::execute)
                    .add("POST", prefix + "/sessions/{id}/send", KEY, send::send)
                    .add("GET", prefix + "/sessions/{id}/connections", KEY, sessions::connections)
                    .add("DELETE", prefix + "/sessions/{id}", KEY, sessions::close);
        }
        return router;
    }
}
