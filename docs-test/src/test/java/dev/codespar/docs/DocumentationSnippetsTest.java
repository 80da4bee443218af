package dev.codespar.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.codespar.testkit.FakeCodeSpar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Every {@code java} block of the README and of the docs/ pages compiles, as written, against the SDK, the testkit
 * and the adapters: a renamed method or a missing import in the documentation fails the build. Two of them also run:
 * the README's quickstart, against an embedded fake reached through the settings a user sets, and the testkit page's
 * JUnit test class, which must pass.
 */
class DocumentationSnippetsTest {

    private static Path root;
    private static Path out;
    private static final List<Snippet> SNIPPETS = new ArrayList<>();
    private static final List<String> ORIGINS = new ArrayList<>();
    private static String errors;
    private static URLClassLoader compiled;

    @BeforeAll
    static void compileEverySnippet() throws IOException {
        root = Path.of(System.getProperty("codespar.docs.root", "..")).toAbsolutePath().normalize();
        assertThat(root.resolve("README.md")).as("the repository root").exists();
        for (Path page : pages()) {
            SNIPPETS.addAll(Snippet.of(page, Files.readAllLines(page, StandardCharsets.UTF_8)));
        }
        out = Files.createTempDirectory("codespar-docs");
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < SNIPPETS.size(); i++) {
            Snippet s = SNIPPETS.get(i);
            Path dir = out.resolve("src").resolve(s.packageName(i).replace('.', '/'));
            Files.createDirectories(dir);
            Path file = dir.resolve(s.fileName());
            assertThat(file).as(s.where() + " declares a type another snippet of its package declares").doesNotExist();
            Files.writeString(file, s.source(i), StandardCharsets.UTF_8);
            files.add(file);
            ORIGINS.add(file + " <- " + s.where());
        }
        Path classes = Files.createDirectories(out.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none", "--release", "17", "-Xlint:none");
            compiler.getTask(new StringWriter(), fm, diagnostics, options, null,
                    fm.getJavaFileObjectsFromPaths(files)).call();
        }
        errors = diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> origin(d) + ": " + d.getMessage(null))
                .collect(Collectors.joining("\n"));
        compiled = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                DocumentationSnippetsTest.class.getClassLoader());
    }

    @AfterAll
    static void cleanUp() throws IOException {
        compiled.close();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(root.resolve("README.md"));
        try (Stream<Path> s = Files.list(root.resolve("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    private static String origin(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "?" : d.getSource().getName();
        String snippet = ORIGINS.stream().filter(o -> o.startsWith(file + " <- "))
                .map(o -> o.substring(o.indexOf("<- ") + 3)).findFirst().orElse(file);
        return snippet + " (generated line " + d.getLineNumber() + ")";
    }

    private static Snippet first(String page, String containing) {
        return SNIPPETS.stream()
                .filter(s -> s.page().getFileName().toString().equals(page) && s.code().contains(containing))
                .findFirst().orElseThrow(() -> new AssertionError("no snippet of " + page + " contains " + containing));
    }

    private static String className(Snippet s) {
        int index = SNIPPETS.indexOf(s);
        return s.packageName(index) + "." + s.fileName().replace(".java", "");
    }

    @Test
    void everySnippetCompiles() throws IOException {
        assertThat(SNIPPETS).as("java blocks found in " + pages()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(SNIPPETS.stream().map(s -> s.page().getFileName().toString()).distinct())
                .as("pages with java blocks").contains("README.md", "configuration.md", "sessions.md",
                        "management.md", "testkit.md", "mandates.md", "consumers.md", "agents.md");
        assertThat(errors).as("compile errors in documentation snippets").isEmpty();
    }

    @Test
    void theReadmeQuickstartCarriesItsImportsAndRunsAgainstTheFake() throws Exception {
        Snippet quickstart = SNIPPETS.get(0);
        assertThat(quickstart.where()).startsWith("README.md");
        assertThat(quickstart.code()).as("the first README snippet").contains("import dev.codespar.")
                .contains("public static void main");
        assertThat(quickstart.given()).as("the first README snippet stands alone").isEmpty();
        assertThat(errors).isEmpty();

        String output;
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (FakeCodeSpar fake = FakeCodeSpar.start()) {
            // what a user sets: the key and the base URL, read by CodeSparClient.fromEnv()
            System.setProperty("codespar.api-key", fake.apiKey());
            System.setProperty("codespar.base-url", fake.baseUrl());
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                compiled.loadClass(className(quickstart)).getMethod("main", String[].class)
                        .invoke(null, (Object) new String[0]);
            } finally {
                System.setOut(console);
                System.clearProperty("codespar.api-key");
                System.clearProperty("codespar.base-url");
            }
            output = captured.toString(StandardCharsets.UTF_8);
            assertThat(fake.journal().executions("codespar_pay")).hasSize(1);
            assertThat(fake.journal().calls("DELETE", "/v1/sessions/*")).as("the session is closed").hasSize(1);
        }
        assertThat(output).startsWith("paid: ").contains("tool_call_id=");
    }

    @Test
    void theTestkitPagesTestClassPasses() throws Exception {
        Class<?> testClass = compiled.loadClass(className(first("testkit.md", "@CodeSparFake")));
        Events tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute()
                .testEvents();
        assertThat(tests.started().count()).as("tests of the testkit page's class").isGreaterThanOrEqualTo(2);
        assertThat(tests.failed().stream().map(e -> e.getPayload().map(Object::toString).orElse("?")))
                .as("failed tests of the testkit page's class").isEmpty();
        assertThat(tests.succeeded().count()).isEqualTo(tests.started().count());
    }
}
