package dev.codespar.testkit.internal.program;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a test programmed: tool stubs, proxy stubs, the send script and pending injections; thread-safe. */
public final class Program {

    private final Map<String, StubRule> stubs = new HashMap<>();
    private final Map<String, ProxyAnswer> proxies = new HashMap<>();
    private final List<InjectionRule> injections = new ArrayList<>();
    private SendPlan sendPlan;

    /**
     * The stub of a tool, created on first use.
     *
     * @param tool the tool
     * @return the stub
     */
    public synchronized StubRule stub(String tool) {
        return stubs.computeIfAbsent(tool, StubRule::new);
    }

    /**
     * The stub of a tool, if a test made one.
     *
     * @param tool the tool
     * @return the stub, or {@code null}
     */
    public synchronized StubRule stubFor(String tool) {
        return stubs.get(tool);
    }

    /**
     * The canned answer of a proxied endpoint, created on first use.
     *
     * @param server the server
     * @param method the method
     * @param endpoint the provider path
     * @return the answer
     */
    public synchronized ProxyAnswer proxy(String server, String method, String endpoint) {
        return proxies.computeIfAbsent(proxyKey(server, method, endpoint), k -> new ProxyAnswer());
    }

    /**
     * The canned answer of a proxied endpoint, if a test made one.
     *
     * @param server the server
     * @param method the method
     * @param endpoint the provider path
     * @return the answer, or {@code null}
     */
    public synchronized ProxyAnswer proxyFor(String server, String method, String endpoint) {
        return proxies.get(proxyKey(server, method, endpoint));
    }

    /**
     * A new send script, replacing the previous one.
     *
     * @return the script
     */
    public synchronized SendPlan newSendPlan() {
        sendPlan = new SendPlan();
        return sendPlan;
    }

    /**
     * The send script.
     *
     * @return the script, or a default one that replies {@code Received: <message>}
     */
    public synchronized SendPlan sendPlan() {
        return sendPlan != null ? sendPlan : new SendPlan();
    }

    /**
     * Arms an injection.
     *
     * @param rule the rule
     * @return the rule
     */
    public synchronized InjectionRule register(InjectionRule rule) {
        injections.add(rule);
        return rule;
    }

    /** Withdraws every pending injection. */
    public synchronized void clearInjections() {
        injections.forEach(InjectionRule::cancel);
        injections.clear();
    }

    /**
     * The injection that strikes a request, its use consumed.
     *
     * @param method the method
     * @param path the encoded path
     * @param tool the tool of an execute, or {@code null}
     * @return the rule, or {@code null}
     */
    public synchronized InjectionRule take(String method, String path, String tool) {
        for (Iterator<InjectionRule> it = injections.iterator(); it.hasNext(); ) {
            InjectionRule rule = it.next();
            if (rule.remaining() == 0) {
                it.remove();
            } else if (rule.take(method, path, tool)) {
                return rule;
            }
        }
        return null;
    }

    /**
     * The injection that strikes a tool the agent calls during a send, its use consumed.
     *
     * @param tool the tool
     * @return the rule, or {@code null}
     */
    public synchronized InjectionRule takeInsideSend(String tool) {
        for (InjectionRule rule : injections) {
            if (rule.takeInsideSend(tool)) {
                return rule;
            }
        }
        return null;
    }

    /** Forgets everything programmed. */
    public synchronized void reset() {
        stubs.clear();
        proxies.clear();
        clearInjections();
        sendPlan = null;
    }

    private static String proxyKey(String server, String method, String endpoint) {
        return server + " " + method.toUpperCase(Locale.ROOT) + " " + endpoint;
    }
}
