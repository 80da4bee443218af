package dev.codespar.testkit.internal.state;

/** The organisation's management objects; guarded by the world's lock. */
public final class Org {

    /** Projects. */
    public final ProjectStore projects;
    /** Webhook triggers. */
    public final TriggerStore triggers;
    /** API keys. */
    public final ApiKeyStore apiKeys;
    /** Stored provider connections. */
    public final OrgConnectionStore connections;

    Org(World world) {
        this.projects = new ProjectStore(world);
        this.triggers = new TriggerStore(world);
        this.apiKeys = new ApiKeyStore(world);
        this.connections = new OrgConnectionStore(world);
    }

    void reset() {
        projects.reset();
        triggers.reset();
        apiKeys.reset();
        connections.reset();
    }
}
