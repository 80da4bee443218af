package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The GraalVM native-image metadata and the ProGuard/R8 rules shipped in the jar name exactly the types read by
 * reflection, found by scanning the compiled classes: every type Jackson binds (a Jackson annotation on itself, a
 * field, a method, a constructor or a record component) or Hibernate Validator checks (a Jakarta Validation
 * constraint on a field or a record component), and every record or enum of a package the module opens to Jackson
 * that such a type holds in a field or record component (its element type, type arguments included). A new bound type without metadata
 * fails here; regenerate both files with
 * {@code mvn -B -q -pl codespar-java test -Dtest=ShrinkerMetadataTest -Dcodespar.metadata.update=true}.
 */
class ShrinkerMetadataTest {

    private static final Path RESOURCES = Path.of("src", "main", "resources", "META-INF");
    private static final Path REFLECT_CONFIG =
            RESOURCES.resolve(Path.of("native-image", "dev.codespar", "codespar-java", "reflect-config.json"));
    private static final Path RESOURCE_CONFIG =
            RESOURCES.resolve(Path.of("native-image", "dev.codespar", "codespar-java", "resource-config.json"));
    private static final Path PROGUARD = RESOURCES.resolve(Path.of("proguard", "codespar.pro"));
    private static final String JACKSON = "com.fasterxml.jackson.databind";
    private static final Pattern KEEP = Pattern.compile("^-keep class (\\S+) \\{ \\*; }$", Pattern.MULTILINE);

    @Test
    void theNativeImageMetadataListsEveryBoundType() throws Exception {
        Set<String> bound = boundTypes();
        if (Boolean.getBoolean("codespar.metadata.update")) {
            write(bound);
        }
        JsonNode config = new ObjectMapper().readTree(Files.readString(REFLECT_CONFIG, StandardCharsets.UTF_8));
        Set<String> listed = new TreeSet<>();
        for (JsonNode entry : config) {
            listed.add(entry.path("name").asText());
            assertThat(entry.path("allDeclaredConstructors").asBoolean()
                    && entry.path("allDeclaredMethods").asBoolean() && entry.path("allDeclaredFields").asBoolean())
                    .as("%s: constructors, methods and fields all registered", entry.path("name").asText())
                    .isTrue();
        }
        assertThat(listed).as("%s (regenerate with -Dcodespar.metadata.update=true)", REFLECT_CONFIG)
                .containsExactlyElementsOf(bound);
    }

    @Test
    void theProguardRulesKeepEveryBoundType() throws Exception {
        String rules = Files.readString(PROGUARD, StandardCharsets.UTF_8);
        Set<String> kept = new TreeSet<>();
        Matcher m = KEEP.matcher(rules);
        while (m.find()) {
            kept.add(m.group(1));
        }
        assertThat(kept).as("%s (regenerate with -Dcodespar.metadata.update=true)", PROGUARD)
                .containsExactlyElementsOf(boundTypes());
        // Jackson reads names from annotations, record components and generic signatures at run time
        assertThat(rules).contains("-keepattributes Signature,*Annotation*,InnerClasses,EnclosingMethod,Record");
    }

    @Test
    void theNativeImageMetadataIncludesTheVersionResource() throws Exception {
        JsonNode config = new ObjectMapper().readTree(Files.readString(RESOURCE_CONFIG, StandardCharsets.UTF_8));
        List<String> patterns = new ArrayList<>();
        config.path("resources").path("includes").forEach(i -> patterns.add(i.path("pattern").asText()));
        try (Stream<Path> walk = Files.walk(classes())) {
            List<String> resources = walk.filter(p -> p.toString().endsWith(".properties"))
                    .map(p -> classes().relativize(p).toString().replace('\\', '/')).collect(Collectors.toList());
            assertThat(resources).isNotEmpty();
            for (String resource : resources) {
                assertThat(patterns).as("resource-config.json covers %s", resource)
                        .anyMatch(resource::matches);
            }
        }
    }

    @Test
    void theScanFindsTheTypesJacksonIsKnownToBind() throws Exception {
        // a guard on the scan itself: an annotated request body, one with constraints only, a nested annotated
        // value, an enum held by a bound type; the client, its wiring and its transport are not data
        Set<String> bound = boundTypes();
        assertThat(bound).contains("dev.codespar.SessionCalls$ExecuteBody", "dev.codespar.SessionCalls$SendBody",
                        "dev.codespar.metatools.ShopResult$Offer", "dev.codespar.metatools.ShopParams$Action")
                .doesNotContain(CodeSparClient.class.getName(), "dev.codespar.ClientContext",
                        "dev.codespar.internal.http.HttpTransport");
        assertThat(bound).allMatch(name -> name.startsWith("dev.codespar."));
    }

    @Test
    void everyBoundTypeIsInAPackageOpenedToJacksonAndTheValidator() throws Exception {
        // on the module path Jackson and Hibernate Validator reach a type's members only through an opens
        Set<String> opened = openedTo(JACKSON);
        opened.retainAll(openedTo("org.hibernate.validator"));
        assertThat(boundTypes()).allSatisfy(name -> assertThat(opened)
                .as("module-info opens the package of %s to Jackson and Hibernate Validator", name)
                .contains(name.substring(0, name.lastIndexOf('.'))));
    }

    private static Set<String> openedTo(String module) throws IOException {
        try (InputStream in = Files.newInputStream(classes().resolve("module-info.class"))) {
            return ModuleDescriptor.read(in).opens().stream().filter(o -> o.targets().contains(module))
                    .map(ModuleDescriptor.Opens::source).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static Set<String> boundTypes() throws Exception {
        Path classes = classes();
        Set<String> opened = openedTo(JACKSON);
        List<Class<?>> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class")
                    && !p.endsWith("module-info.class") && !p.endsWith("package-info.class")).sorted()
                    .collect(Collectors.toList())) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                all.add(Class.forName(name, false, CodeSparClient.class.getClassLoader()));
            }
        }
        Deque<Class<?>> work = new ArrayDeque<>();
        for (Class<?> type : all) {
            if (!type.isAnonymousClass() && !type.isSynthetic() && hasBindingAnnotation(type)) {
                work.add(type);
            }
        }
        Set<String> bound = new TreeSet<>();
        while (!work.isEmpty()) {
            Class<?> type = work.poll();
            if (!bound.add(type.getName())) {
                continue;
            }
            for (Type held : heldTypes(type)) {
                collect(held, work, opened);
            }
        }
        return bound;
    }

    private static Path classes() {
        try {
            return Path.of(CodeSparClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean hasBindingAnnotation(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>();
        elements.add(type);
        elements.addAll(List.of(type.getDeclaredFields()));
        elements.addAll(List.of(type.getDeclaredMethods()));
        elements.addAll(List.of(type.getDeclaredConstructors()));
        if (type.isRecord()) {
            elements.addAll(List.of(type.getRecordComponents()));
        }
        for (AnnotatedElement element : elements) {
            for (Annotation a : element.getDeclaredAnnotations()) {
                String pkg = a.annotationType().getPackageName();
                if (pkg.startsWith("com.fasterxml.jackson.") || pkg.startsWith("jakarta.validation")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<Type> heldTypes(Class<?> type) {
        List<Type> held = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent c : type.getRecordComponents()) {
                held.add(c.getGenericType());
            }
        } else if (!type.isEnum()) {
            for (Field f : type.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                    held.add(f.getGenericType());
                }
            }
        }
        return held;
    }

    /** A value type of ours that a bound type holds: a record or an enum of an opened package is bound too. */
    private static void collect(Type held, Deque<Class<?>> work, Set<String> opened) {
        if (held instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (element.getName().startsWith("dev.codespar.") && (element.isRecord() || element.isEnum())
                    && opened.contains(element.getPackageName())) {
                work.add(element);
            }
        } else if (held instanceof ParameterizedType p) {
            collect(p.getRawType(), work, opened);
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, work, opened);
            }
        } else if (held instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                collect(bound, work, opened);
            }
        }
    }

    private static void write(Set<String> bound) throws IOException {
        Files.createDirectories(REFLECT_CONFIG.getParent());
        Files.createDirectories(PROGUARD.getParent());
        String entries = bound.stream().map(name -> "  {\n    \"name\": \"" + name + "\",\n"
                        + "    \"allDeclaredConstructors\": true,\n    \"allDeclaredMethods\": true,\n"
                        + "    \"allDeclaredFields\": true\n  }")
                .collect(Collectors.joining(",\n"));
        Files.writeString(REFLECT_CONFIG, "[\n" + entries + "\n]\n", StandardCharsets.UTF_8);
        String keeps = bound.stream().map(name -> "-keep class " + name + " { *; }")
                .collect(Collectors.joining("\n"));
        Files.writeString(PROGUARD, "# ProGuard / R8 rules of the CodeSpar Java SDK, applied from the jar.\n"
                + "# Jackson and Hibernate Validator read these types by reflection: their names, members, record\n"
                + "# components and annotations must survive shrinking and obfuscation.\n"
                + "# Generated by ShrinkerMetadataTest (-Dcodespar.metadata.update=true).\n"
                + "-keepattributes Signature,*Annotation*,InnerClasses,EnclosingMethod,Record,MethodParameters\n"
                + keeps + "\n", StandardCharsets.UTF_8);
    }
}
