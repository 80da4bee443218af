package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API, written down and guarded: every public and protected signature of the exported packages (read
 * from {@code module-info}) is compared with {@code api/codespar-java.api}, so any change to the public surface is a
 * visible diff in review. After an intended change, regenerate the file with
 * {@code mvn -pl codespar-java test -Dtest=ApiSignatureTest -Dcodespar.api.update=true} and commit it.
 */
class ApiSignatureTest {

    private static final Path DUMP = Path.of("api", "codespar-java.api");

    @Test
    void thePublicApiIsTheOneWrittenDown() throws Exception {
        String actual = String.join("\n", signatures()) + "\n";
        if (Boolean.getBoolean("codespar.api.update")) {
            Files.createDirectories(DUMP.getParent());
            Files.writeString(DUMP, actual, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DUMP)).as("%s exists (generate it with -Dcodespar.api.update=true)", DUMP).isTrue();
        String expected = Files.readString(DUMP, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            Path written = Path.of("target", "codespar-java.api");
            Files.writeString(written, actual, StandardCharsets.UTF_8);
            Set<String> before = new TreeSet<>(List.of(expected.split("\n")));
            Set<String> after = new TreeSet<>(List.of(actual.split("\n")));
            List<String> diff = new ArrayList<>();
            after.stream().filter(line -> !before.contains(line)).forEach(line -> diff.add("+ " + line));
            before.stream().filter(line -> !after.contains(line)).forEach(line -> diff.add("- " + line));
            assertThat(diff).as("the public API changed (see %s); if the change is meant, run with"
                    + " -Dcodespar.api.update=true and commit %s", written, DUMP).isEmpty();
        }
    }

    @Test
    void noInternalTypeAppearsInThePublicApi() throws Exception {
        List<String> leaks = signatures().stream()
                .filter(line -> line.contains("dev.codespar.internal.")).collect(Collectors.toList());
        assertThat(leaks).as("public signatures naming an internal type").isEmpty();
    }

    static List<String> signatures() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(CodeSparClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> exported;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            exported = ModuleDescriptor.read(in).exports().stream().filter(e -> !e.isQualified())
                    .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        }
        List<String> lines = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class") && !p.endsWith("module-info.class")
                    && !p.endsWith("package-info.class")).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                    .replaceAll("\\.class$", "");
            String pkg = name.substring(0, name.lastIndexOf('.'));
            if (!exported.contains(pkg)) {
                continue;
            }
            Class<?> type = Class.forName(name, false, CodeSparClient.class.getClassLoader());
            if (!isVisible(type)) {
                continue;
            }
            lines.addAll(describe(type));
        }
        return lines;
    }

    /** Public, and (for a nested type) inside public types all the way out; not synthetic or anonymous. */
    private static boolean isVisible(Class<?> type) {
        for (Class<?> t = type; t != null; t = t.getEnclosingClass()) {
            if (!Modifier.isPublic(t.getModifiers()) || t.isAnonymousClass() || t.isSynthetic()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> describe(Class<?> type) {
        List<String> out = new ArrayList<>();
        StringBuilder head = new StringBuilder(type.toGenericString());
        if (type.getGenericSuperclass() != null && type.getSuperclass() != Object.class && !type.isEnum()
                && !type.isRecord()) {
            head.append(" extends ").append(type.getGenericSuperclass().getTypeName());
        }
        if (type.getGenericInterfaces().length > 0) {
            head.append(type.isInterface() ? " extends " : " implements ").append(Arrays.stream(type.getGenericInterfaces())
                    .map(java.lang.reflect.Type::getTypeName).collect(Collectors.joining(", ")));
        }
        if (type.isSealed()) {
            head.append(" permits ").append(Arrays.stream(type.getPermittedSubclasses()).map(Class::getName)
                    .sorted().collect(Collectors.joining(", ")));
        }
        out.add(head.toString());
        Set<String> members = new TreeSet<>();
        for (Field f : type.getDeclaredFields()) {
            if (visible(f.getModifiers()) && !f.isSynthetic()) {
                members.add("  field " + f.toGenericString());
            }
        }
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (visible(c.getModifiers()) && !c.isSynthetic()) {
                members.add("  constructor " + c.toGenericString());
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (visible(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                members.add("  method " + m.toGenericString());
            }
        }
        out.addAll(members);
        return out;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }
}
