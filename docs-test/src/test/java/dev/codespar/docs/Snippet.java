package dev.codespar.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One fenced {@code java} block of a Markdown page, with what it needs to compile.
 *
 * <p>A block is either a whole compilation unit (it declares a top-level type) or statements, which are wrapped in a
 * method. Statements may use variables the page introduced earlier; the page names them in a comment on the line
 * right before the fence, for example {@code <!-- given: CodeSparClient client, Session session -->}: they become
 * the method's parameters. {@code import} lines at the top of a block stay imports.
 */
record Snippet(Path page, int line, String code, String given) {

    private static final Pattern GIVEN = Pattern.compile("<!--\\s*given:\\s*(.*?)\\s*-->");
    private static final Pattern TYPE = Pattern.compile(
            "(?m)^(public\\s+|final\\s+|abstract\\s+)*(class|record|interface|enum)\\s+(\\w+)");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");

    /** Every {@code java} block of a page, in order. */
    static List<Snippet> of(Path page, List<String> lines) {
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            String given = "";
            if (i > 0) {
                Matcher m = GIVEN.matcher(lines.get(i - 1));
                if (m.find()) {
                    given = m.group(1);
                }
            }
            int start = i + 1;
            StringBuilder code = new StringBuilder();
            for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                code.append(lines.get(i)).append('\n');
            }
            if (i == lines.size()) {
                throw new IllegalStateException(page + ":" + start + ": a java block is never closed");
            }
            snippets.add(new Snippet(page, start, code.toString(), given));
        }
        return snippets;
    }

    /** Whether the block declares its own top-level type. */
    boolean isCompilationUnit() {
        return TYPE.matcher(code).find();
    }

    /** The package the source goes in: the block's own, else one per snippet so names never clash. */
    String packageName(int index) {
        Matcher m = PACKAGE.matcher(code);
        return m.find() ? m.group(1) : "snippets.s" + index;
    }

    /** The file name under the package directory. */
    String fileName() {
        if (isCompilationUnit()) {
            Matcher m = Pattern.compile("(?m)^public\\s+(final\\s+|abstract\\s+)*(class|record|interface|enum)\\s+(\\w+)")
                    .matcher(code);
            if (m.find()) {
                return m.group(3) + ".java";
            }
            Matcher any = TYPE.matcher(code);
            any.find();
            return any.group(3) + ".java";
        }
        return "Snippet.java";
    }

    /** The Java source the compiler sees. */
    String source(int index) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        boolean header = true;
        for (String l : code.split("\n", -1)) {
            String s = l.strip();
            if (header && (s.startsWith("import ") || s.startsWith("package ") || s.isEmpty())) {
                if (!s.startsWith("package ")) {
                    imports.append(l).append('\n');
                }
                continue;
            }
            header = false;
            body.append(l).append('\n');
        }
        String pkg = "package " + packageName(index) + ";\n";
        if (isCompilationUnit()) {
            return pkg + imports + body;
        }
        return pkg + imports + "class Snippet {\n    @SuppressWarnings(\"unused\")\n    static void run(" + given
                + ") throws Exception {\n" + body + "    }\n}\n";
    }

    /** Where a reader finds the block: {@code README.md:42}. */
    String where() {
        return page.getFileName() + ":" + line;
    }
}
