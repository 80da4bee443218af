package dev.codespar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.codespar.internal.json.Json;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of the SDK form layers without cycles: the root package ({@code CodeSparClient}, sessions) is on top
 * and builds on the others; none of them refers back to it. What a class refers to is read from its class file (the
 * classes of its constant pool and the types in its descriptors and generic signatures), as {@code jdeps} does.
 */
class PackageLayersTest {

    private static final String ROOT = "dev.codespar";
    private static final String MANAGEMENT = "dev.codespar.management";
    private static final String MANAGEMENT_IMPL = "dev.codespar.internal.management";

    /** A class name in a descriptor or signature: {@code Ldev/codespar/x/Y;} or {@code Ldev/codespar/x/Y<...>;}. */
    private static final Pattern TYPE_IN_DESCRIPTOR = Pattern.compile("L(dev/codespar/[\\w/$]+)[;<]");

    /** Each class of the main output, by name, with the classes of the SDK it refers to. */
    private static Map<String, Set<String>> references;

    @BeforeAll
    static void readClassFiles() throws Exception {
        URI location = Json.class.getProtectionDomain().getCodeSource().getLocation().toURI();
        Path root = Path.of(location);
        references = new TreeMap<>();
        if (Files.isDirectory(root)) {
            collect(root);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(root)) {
                collect(jar.getPath("/"));
            }
        }
    }

    @Test
    void theScanSeesTheLayersItChecks() {
        assertThat(references.keySet()).as("classes read").hasSizeGreaterThan(100)
                .contains("dev.codespar.CodeSparClient", "dev.codespar.management.ProjectService",
                        "dev.codespar.internal.management.ProjectServiceImpl", "dev.codespar.webhooks.Webhooks");
        assertThat(references.get("dev.codespar.CodeSparClient")).as("the root builds on the management layer")
                .contains("dev.codespar.management.ProjectService",
                        "dev.codespar.internal.management.ProjectServiceImpl");
        assertThat(references.get("dev.codespar.internal.management.ProjectServiceImpl"))
                .contains("dev.codespar.management.Project", "dev.codespar.internal.http.ApiCall");
    }

    @Test
    void managementWebhooksAndInternalNeverReferToTheRootPackage() {
        assertThat(offenders(List.of(MANAGEMENT, "dev.codespar.webhooks", "dev.codespar.internal"),
                List.of(), target -> packageOf(target).equals(ROOT))).isEmpty();
    }

    @Test
    void internalPackagesReferToTheManagementApiOnlyFromItsImplementation() {
        assertThat(offenders(List.of("dev.codespar.internal"), List.of(MANAGEMENT_IMPL),
                target -> packageOf(target).equals(MANAGEMENT))).isEmpty();
    }

    @Test
    void theManagementApiNeverRefersToItsImplementation() {
        assertThat(offenders(List.of(MANAGEMENT, "dev.codespar.webhooks"), List.of(),
                target -> packageOf(target).equals(MANAGEMENT_IMPL))).isEmpty();
    }

    @Test
    void theConsumerApiReliesOnNeitherTheRootNorItsImplementation() {
        assertThat(references).containsKeys("dev.codespar.consumers.ConsumerService",
                "dev.codespar.internal.consumers.ConsumerServiceImpl");
        assertThat(offenders(List.of("dev.codespar.consumers"), List.of(), target -> packageOf(target).equals(ROOT)
                || packageOf(target).startsWith("dev.codespar.internal"))).isEmpty();
    }

    @Test
    void internalPackagesReferToTheConsumerApiOnlyFromItsImplementation() {
        assertThat(offenders(List.of("dev.codespar.internal"), List.of("dev.codespar.internal.consumers"),
                target -> packageOf(target).equals("dev.codespar.consumers"))).isEmpty();
    }

    /** {@code class -> referenced class} for each class in {@code packages} (and below) that refers to a forbidden one. */
    private static List<String> offenders(List<String> packages, List<String> exempt,
            java.util.function.Predicate<String> forbidden) {
        List<String> out = new ArrayList<>();
        references.forEach((type, refs) -> {
            String pkg = packageOf(type);
            boolean checked = packages.stream().anyMatch(p -> pkg.equals(p) || pkg.startsWith(p + "."))
                    && !exempt.contains(pkg);
            if (checked) {
                refs.stream().filter(forbidden).forEach(ref -> out.add(type + " -> " + ref));
            }
        });
        return out;
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    private static void collect(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = root.relativize(p).toString().replace('\\', '/');
                if (name.startsWith("dev/codespar/") && name.endsWith(".class") && !name.endsWith("module-info.class")
                        && !name.endsWith("package-info.class")) {
                    try (InputStream in = Files.newInputStream(p)) {
                        references.put(name.substring(0, name.length() - 6).replace('/', '.'), referencedTypes(in));
                    }
                }
            }
        }
    }

    /** The SDK classes a class file names in its constant pool: class entries, descriptors and signatures. */
    private static Set<String> referencedTypes(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classNameIndexes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndexes.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // eight-byte constants take two entries
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> out = new TreeSet<>();
        for (int index : classNameIndexes) {
            String name = utf8[index];
            if (name.startsWith("dev/codespar/")) {
                out.add(name.replace('/', '.'));
            }
        }
        for (String text : utf8) {
            if (text != null) {
                Matcher m = TYPE_IN_DESCRIPTOR.matcher(text);
                while (m.find()) {
                    out.add(m.group(1).replace('/', '.'));
                }
            }
        }
        return out;
    }
}
