package dev.codespar.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.annotations.Mode;

/**
 * Runs every benchmark, SDK and raw side interleaved (one JMH fork per side per round, the order alternating
 * between rounds, so that the noise of a shared machine falls on both), and prints the results table of the
 * README's Performance section, also written to {@code --out}.
 *
 * <p>{@code --mode=short} (the default, under 5 minutes on 2 cores) or {@code --mode=full} (more rounds and longer
 * iterations); {@code --jdk21=<java>} names the JDK 21+ launcher of the virtual-thread benchmark;
 * {@code --only=testkit} runs benchmarks 8 and 9 alone.
 */
public final class BenchSuite {

    private final boolean full;
    private final String jdk21;
    private final List<String> rows = new ArrayList<>();

    private BenchSuite(boolean full, String jdk21) {
        this.full = full;
        this.jdk21 = jdk21;
    }

    /**
     * Entry point.
     *
     * @param args {@code --mode=short|full --out=<file> --jdk21=<java>}
     * @throws Exception when a benchmark fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            opts.put(a.substring(2, eq), a.substring(eq + 1));
        }
        boolean full = "full".equals(opts.getOrDefault("mode", "short"));
        BenchSuite suite = new BenchSuite(full, opts.getOrDefault("jdk21", ""));
        long start = System.nanoTime();
        if (!"testkit".equals(opts.get("only"))) {
            suite.roundTrip();
            suite.errorPath();
            suite.sse();
            suite.memory();
            suite.virtualThreads();
            suite.coldStart();
        }
        suite.fakeRoundTrip();
        suite.postIdle();
        String table = suite.table((System.nanoTime() - start) / 1_000_000_000L);
        System.out.println();
        System.out.println(table);
        String out = opts.get("out");
        if (out != null && !out.isEmpty()) {
            Files.writeString(Path.of(out), table, StandardCharsets.UTF_8);
            System.out.println("(written to " + out + ")");
        }
    }

    // ---------------------------------------------------------------- JMH, interleaved

    private int rounds() {
        return full ? 5 : 2;
    }

    /** One side's results over all rounds. */
    private static final class Side {
        final List<RunResult> runs = new ArrayList<>();

        double mean(java.util.function.ToDoubleFunction<RunResult> f) {
            return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
        }

        double score() {
            return mean(r -> r.getPrimaryResult().getScore());
        }

        double secondary(String name) {
            return mean(r -> {
                Result<?> s = r.getSecondaryResults().get(name);
                return s == null ? Double.NaN : s.getScore();
            });
        }

        double percentile(double p) {
            return mean(r -> r.getPrimaryResult().getStatistics().getPercentile(p));
        }
    }

    /** Runs {@code methods} of a benchmark class, one fork each, in alternating order for {@link #rounds()}. */
    private Map<String, Side> interleaved(Class<?> benchmark, Mode mode, TimeUnit unit, int warmups, int iterations,
            boolean gc, String heap, String... methods) throws RunnerException {
        Map<String, Side> sides = new LinkedHashMap<>();
        for (String m : methods) {
            sides.put(m, new Side());
        }
        for (int round = 0; round < rounds(); round++) {
            for (int k = 0; k < methods.length; k++) {
                String method = methods[round % 2 == 0 ? k : methods.length - 1 - k];
                System.out.printf("  %s.%s %s, round %d/%d%n", benchmark.getSimpleName(), method, mode.shortLabel(),
                        round + 1, rounds());
                ChainedOptionsBuilder options = new OptionsBuilder()
                        .include("^" + benchmark.getName().replace(".", "\\.") + "\\." + method + "$")
                        .mode(mode)
                        .timeUnit(unit)
                        .warmupIterations(warmups)
                        .warmupTime(TimeValue.seconds(1))
                        .measurementIterations(iterations)
                        .measurementTime(TimeValue.seconds(1))
                        .forks(1)
                        .jvmArgsAppend("-Xms" + heap, "-Xmx" + heap)
                        .shouldFailOnError(true)
                        .verbosity(VerboseMode.SILENT);
                if (gc) {
                    options.addProfiler(GCProfiler.class);
                }
                Collection<RunResult> results = new Runner(options.build()).run();
                if (results.isEmpty()) {
                    throw new IllegalStateException("no result for " + method);
                }
                sides.get(method).runs.add(results.iterator().next());
            }
        }
        return sides;
    }

    private void roundTrip() throws RunnerException {
        System.out.println("1-2. Round trip (create + execute) on loopback, and allocation");
        Map<String, Side> t = interleaved(RoundTripBenchmark.class, Mode.Throughput, TimeUnit.SECONDS,
                full ? 5 : 3, full ? 10 : 4, true, "1g", "sdk", "raw");
        throughputRow(t, "1. Round trip `create` + `execute`, throughput", 1.05);
        Map<String, Side> l = interleaved(RoundTripBenchmark.class, Mode.SampleTime, TimeUnit.MICROSECONDS,
                full ? 5 : 2, full ? 10 : 3, false, "1g", "sdk", "raw");
        for (double p : new double[] {50, 99}) {
            double s = l.get("sdk").percentile(p);
            double r = l.get("raw").percentile(p);
            row("1. Round trip latency p" + (int) p, fmt(s) + " µs", fmt(r) + " µs", s / r, "≤ 1.05×",
                    s / r <= 1.05);
        }
        allocationRow(t, "2. Allocation per `create` + `execute` (`gc.alloc.rate.norm`)", 1.2);
    }

    private void errorPath() throws RunnerException {
        System.out.println("3. Error path: 429 rate_limited");
        Map<String, Side> t = interleaved(ErrorPathBenchmark.class, Mode.Throughput, TimeUnit.SECONDS,
                full ? 5 : 3, full ? 10 : 4, true, "1g", "sdk", "raw");
        throughputRow(t, "3. Error path: 429 → `RateLimitedError` vs status check + Jackson", 1.2);
        allocationRow(t, "3. Error path allocation", Double.NaN);
    }

    private void sse() throws RunnerException {
        System.out.println("4. SSE parsing, 1 000 000 events from memory");
        Map<String, Side> t = interleaved(SseBenchmark.class, Mode.Throughput, TimeUnit.SECONDS, 2, full ? 8 : 3,
                false, "2g", "sdkFrames", "rawFrames", "sdkEvents", "rawEvents");
        double sf = t.get("sdkFrames").score();
        double rf = t.get("rawFrames").score();
        row("4. SSE framing (`SseReader` vs okio `readUtf8Line`)", fmt(sf) + " events/s", fmt(rf) + " events/s",
                sf / rf, "≥ 0.9× and ≥ 5 M/s", sf / rf >= 0.9 && sf >= 5_000_000);
        double se = t.get("sdkEvents").score();
        double re = t.get("rawEvents").score();
        row("4. SSE typed events (`EventStream<StreamEvent>` vs line reader + Jackson tree)", fmt(se) + " events/s",
                fmt(re) + " events/s", se / re, "≥ 0.9× (5 M/s: see below)", se / re >= 0.9);
    }

    private void fakeRoundTrip() throws RunnerException {
        System.out.println("8. Testkit: create + execute on FakeCodeSpar vs the loopback server");
        Map<String, Side> t = interleaved(FakeRoundTripBenchmark.class, Mode.Throughput, TimeUnit.SECONDS,
                full ? 5 : 3, full ? 10 : 4, false, "1g", "fake", "loopback");
        double fake = t.get("fake").score();
        double loopback = t.get("loopback").score();
        row("8. Testkit: `create` + `execute` on `FakeCodeSpar` vs the same calls on the loopback server (both via"
                + " the SDK)", fmt(fake) + " ops/s", fmt(loopback) + " ops/s", loopback / fake, "time ≤ 3×",
                loopback / fake <= 3);
    }

    private void postIdle() throws RunnerException {
        System.out.println("9. maxPostConnectionIdle: a POST on a new connection vs a pooled one");
        Map<String, Side> t = interleaved(PostIdleBenchmark.class, Mode.Throughput, TimeUnit.SECONDS,
                full ? 5 : 3, full ? 10 : 4, false, "1g", "fresh", "pooled");
        double fresh = t.get("fresh").score();
        double pooled = t.get("pooled").score();
        // informative: what a POST after a quiet spell longer than the bound pays, on loopback (no TLS)
        row("9. Cost of `maxPostConnectionIdle`: `create` + `execute`, each `POST` on a new loopback connection vs"
                + " pooled", fmt(fresh) + " ops/s", fmt(pooled) + " ops/s", pooled / fresh, "(info)", true);
    }

    // ---------------------------------------------------------------- forked programs

    private String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private List<String> fork(String javaBin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaBin);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        }
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", args) + " failed: " + lines);
        }
        return lines;
    }

    private void memory() throws IOException, InterruptedException {
        System.out.println("5. Heap while consuming a 1 000 000-event stream");
        List<String> lines = fork(java(), "-Xmx256m", StreamMemory.class.getName(), "1000000");
        String first = null;
        String last = null;
        double drift = Double.NaN;
        double rate = Double.NaN;
        for (String line : lines) {
            String[] p = line.split(" ");
            if (p[0].equals("memory")) {
                if (first == null) {
                    first = p[2];
                }
                last = p[2];
            } else if (p[0].equals("memory-drift")) {
                drift = Double.parseDouble(p[1]);
            } else if (p[0].equals("memory-rate")) {
                rate = Double.parseDouble(p[1]);
            }
        }
        rows.add(String.format(Locale.ROOT, "| 5. Heap after GC, every 100 000 events of one 1 M-event `sendStream` "
                + "on loopback | %s → %s bytes, drift %.2f %% (%s events/s) | | | within 5 %% | %s |",
                fmt(Double.parseDouble(first)), fmt(Double.parseDouble(last)), drift, fmt(rate),
                drift <= 5 ? "yes" : "**no**"));
    }

    private void virtualThreads() throws IOException, InterruptedException {
        System.out.println("6. 1 000 concurrent streams on virtual threads");
        String bin = Runtime.version().feature() >= 21 ? java() : jdk21;
        if (bin == null || bin.isEmpty() || !new File(bin).canExecute()) {
            rows.add("| 6. 1 000 concurrent streams on virtual threads | skipped: no JDK 21+ (pass -Dbench.jdk21=...) "
                    + "| | | | |");
            return;
        }
        List<String> lines = fork(bin, VirtualStreams.class.getName(), "1000", "1000");
        String summary = "";
        String platform = "";
        String added = "";
        for (String line : lines) {
            if (line.startsWith("vthreads jdk=")) {
                summary = line.substring(9);
            } else if (line.startsWith("vthreads platform")) {
                platform = line.substring(18);
            } else if (line.startsWith("vthreads new-at-peak")) {
                added = line.substring(21);
            } else if (line.startsWith("vthreads skipped")) {
                summary = line;
            }
        }
        String[] counts = platform.split(" ");
        int before = Integer.parseInt(counts[0].substring(7));
        int peak = Integer.parseInt(counts[1].substring(5));
        rows.add(String.format("| 6. 1 000 concurrent `sendStream`s × 1 000 events, one virtual thread each | %s; "
                + "platform threads %s; new at peak: %s | | | no platform-thread growth beyond OkHttp's | %s |",
                summary, platform, added, peak - before <= 4 ? "yes" : "**no**"));
    }

    private void coldStart() throws IOException, InterruptedException {
        System.out.println("7. Cold start: build the client and make the first create + execute, fresh JVMs");
        int forks = full ? 20 : 8;
        List<Double> sdk = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        try (LoopbackServer server = LoopbackServer.start()) {
            for (int i = 0; i < forks; i++) {
                for (String side : i % 2 == 0 ? new String[] {"sdk", "raw"} : new String[] {"raw", "sdk"}) {
                    for (String line : fork(java(), ColdStart.class.getName(), side, server.baseUrl())) {
                        if (line.startsWith("cold ")) {
                            (side.equals("sdk") ? sdk : raw).add(Double.parseDouble(line.split(" ")[2]));
                        }
                    }
                }
            }
        }
        double s = median(sdk);
        double r = median(raw);
        row("7. Cold start: `build()` + first `create` + `execute`, median of " + forks + " fresh JVMs each",
                fmt(s) + " ms", fmt(r) + " ms", s / r, "≤ 1.3×", s / r <= 1.3);
    }

    // ---------------------------------------------------------------- table

    /** A row of the {@code sdk} and {@code raw} throughput, the goal being the SDK's time per call within a bound. */
    private void throughputRow(Map<String, Side> t, String name, double bound) {
        double sdk = t.get("sdk").score();
        double raw = t.get("raw").score();
        row(name, fmt(sdk) + " ops/s", fmt(raw) + " ops/s", raw / sdk, "time ≤ " + bound + "×", raw / sdk <= bound);
    }

    /** A row of the {@code sdk} and {@code raw} allocation per call; a {@code NaN} bound makes it informative only. */
    private void allocationRow(Map<String, Side> t, String name, double bound) {
        double sdk = t.get("sdk").secondary("gc.alloc.rate.norm");
        double raw = t.get("raw").secondary("gc.alloc.rate.norm");
        boolean info = Double.isNaN(bound);
        row(name, fmt(sdk) + " B/op", fmt(raw) + " B/op", sdk / raw, info ? "(info)" : "≤ " + bound + "×",
                info || sdk / raw <= bound);
    }

    private void row(String name, String sdk, String raw, double ratio, String goal, boolean met) {
        rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %.2f× | %s | %s |", name, sdk, raw, ratio, goal,
                met ? "yes" : "**no**"));
    }

    private String table(long seconds) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Run of %s, JDK %s (%s), %d cores, mode %s (%d rounds, SDK and raw "
                + "interleaved), %d s.%n%n", LocalDate.now(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(),
                full ? "full" : "short", rounds(), seconds));
        sb.append("| Benchmark | SDK | Raw OkHttp + Jackson | SDK / raw | Goal | Met |\n");
        sb.append("|---|---|---|---|---|---|\n");
        for (String row : rows) {
            sb.append(row).append('\n');
        }
        return sb.toString();
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (v >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2f M", v / 1_000_000);
        }
        if (v >= 10_000) {
            return String.format(Locale.ROOT, "%,.0f", v).replace(',', ' ');
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
