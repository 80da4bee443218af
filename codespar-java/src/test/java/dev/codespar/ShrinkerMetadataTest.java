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
 * The GraalVM native-image metadata and the ProGuard/R8 rules shipped in the jar name exactly the types Jackson
 * binds by reflection, found by scanning the compiled classes: every type carrying a Jackson annotation (on itself, a
 * field, a method, a constructor or a record component), every record and enum of a package the module opens to
 * Jackson, and every SDK type such a type holds in a field or record component. A new bound type without metadata
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
    void theNativeImageMetadataListsEveryJacksonBoundType() throws Exception {
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
    void theProguardRulesKeepEveryJacksonBoundType() throws Exception {
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
        // a guard on the scan itself: an annotated answer, a plain record of an opened package, a nested type
        Set<String> bound = boundTypes();
        assertThat(bound).contains(ToolResult.class.getName(), SessionConfig.class.getName())
                .noneMatch(name -> name.equals(CodeSparClient.class.getName()));
        assertThat(bound).allMatch(name -> name.startsWith("dev.codespar."));
    }

    static Set<String> boundTypes() throws Exception {
        Path classes = classes();
        Set<String> opened;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            opened = ModuleDescriptor.read(in).opens().stream().filter(o -> o.targets().contains(JACKSON))
                    .map(ModuleDescriptor.Opens::source).collect(Collectors.toSet());
        }
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
            if (type.isAnonymousClass() || type.isSynthetic()) {
                continue;
            }
            boolean inOpened = opened.contains(type.getPackageName());
            if (hasJacksonAnnotation(type) || (inOpened && (type.isRecord() || type.isEnum()))) {
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
                collect(held, work);
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

    private static boolean hasJacksonAnnotation(Class<?> type) {
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
                if (a.annotationType().getPackageName().startsWith("com.fasterxml.jackson.")) {
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

    private static void collect(Type held, Deque<Class<?>> work) {
        if (held instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (element.getName().startsWith("dev.codespar.") && !element.isInterface()
                    && !Modifier.isAbstract(element.getModifiers())) {
                work.add(element);
            }
        } else if (held instanceof ParameterizedType p) {
            collect(p.getRawType(), work);
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, work);
            }
        } else if (held instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                collect(bound, work);
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
                + "# Jackson reads and writes these types by reflection: their names, members, record components\n"
                + "# and annotations must survive shrinking and obfuscation. Generated by ShrinkerMetadataTest.\n"
                + "-keepattributes Signature,*Annotation*,InnerClasses,EnclosingMethod,Record,MethodParameters\n"
                + keeps + "\n", StandardCharsets.UTF_8);
    }
}
