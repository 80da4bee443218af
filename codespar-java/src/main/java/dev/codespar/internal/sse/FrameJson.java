package dev.codespar.internal.sse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * A small, strict reader of the JSON in one event's data, for the common case only; Jackson reads everything else.
 *
 * <p>An event stream carries millions of small documents, and setting up a Jackson parser costs more than reading
 * one of them. This reader takes a strict subset of JSON (objects, arrays, strings, whole numbers that fit a
 * {@code long}, {@code true}/{@code false}/{@code null}, at most {@value #MAX_DEPTH} levels deep) and builds exactly
 * the tree Jackson's default tree reader builds for it: {@code ObjectNode}s in key order, {@code IntNode} for a whole
 * number that fits an {@code int}, else {@code LongNode}, {@code TextNode}, and so on. Anything else (a fraction or
 * an exponent, a duplicate key, invalid UTF-8, an unknown escape, a control character in a string, trailing text,
 * malformed JSON) makes it give up, and the caller asks Jackson, so that what is accepted, what is refused and the
 * message of a refusal are Jackson's. Giving up costs no exception stack.
 *
 * <p>The cursor methods ({@link #beginObject()}, {@link #nextKey(byte[][])}, {@link #string()}, ...) let a decoder
 * read a flat object straight into its record without building a tree.
 */
public final class FrameJson {

    /** The deepest nesting read here; deeper documents go to Jackson. */
    static final int MAX_DEPTH = 64;

    /** Longer keys go to Jackson, which enforces its own name length limit. */
    private static final int MAX_KEY_BYTES = 1024;

    /** {@link #nextKey(byte[][])}: a key that is none of the names. */
    public static final int OTHER_KEY = -1;

    /** {@link #nextKey(byte[][])}: the object ended. */
    public static final int END = -2;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Thrown to give up; one shared instance without a stack, since it never reaches a caller. */
    public static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private GiveUp() {
            super("not in the subset FrameJson reads", null, false, false);
        }
    }

    static final GiveUp GIVE_UP = new GiveUp();

    private final byte[] b;
    private final int end;
    private int pos;
    private boolean first;

    /**
     * A cursor at the start of {@code bytes}.
     *
     * @param bytes the UTF-8 JSON
     */
    public FrameJson(byte[] bytes) {
        this.b = bytes;
        this.end = bytes.length;
    }

    /**
     * The tree Jackson would read from {@code bytes}, or {@code null} when the document is outside the subset (then
     * the caller reads it with Jackson).
     *
     * @param bytes the UTF-8 JSON
     * @return the tree, or {@code null}
     */
    public static JsonNode tree(byte[] bytes) {
        try {
            FrameJson json = new FrameJson(bytes);
            JsonNode node = json.value(0);
            json.finish();
            return node;
        } catch (GiveUp e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- cursor

    /**
     * Enters the root object.
     *
     * @throws GiveUp when the document does not start with an object
     */
    public void beginObject() {
        whitespace();
        expect('{');
        first = true;
    }

    /**
     * Reads the next key of the current object and its colon.
     *
     * @param names the keys of interest, as ASCII bytes
     * @return the index of the key in {@code names}, {@link #OTHER_KEY}, or {@link #END} after the closing brace
     * @throws GiveUp outside the subset
     */
    public int nextKey(byte[][] names) {
        whitespace();
        if (first) {
            first = false;
            if (peek() == '}') {
                pos++;
                return END;
            }
        } else {
            byte c = peek();
            pos++;
            if (c == '}') {
                return END;
            }
            if (c != ',') {
                throw GIVE_UP;
            }
            whitespace();
        }
        expect('"');
        int start = pos;
        while (true) {
            byte c = peek();
            if (c == '"') {
                break;
            }
            if (c == '\\' || c < 0x20 || pos - start > MAX_KEY_BYTES) {
                // negative bytes (non-ASCII) land here too: such keys are never among the names
                throw GIVE_UP;
            }
            pos++;
        }
        int length = pos - start;
        pos++;
        whitespace();
        expect(':');
        for (int i = 0; i < names.length; i++) {
            byte[] name = names[i];
            if (name.length == length && JsonStrings.sameBytes(b, start, name)) {
                return i;
            }
        }
        return OTHER_KEY;
    }

    /**
     * Reads a string value.
     *
     * @return the text, or {@code null} for a JSON {@code null}
     * @throws GiveUp for any other value
     */
    public String string() {
        whitespace();
        byte c = peek();
        if (c == 'n') {
            literal("null");
            return null;
        }
        expect('"');
        return stringBody();
    }

    /**
     * Reads a whole number that fits an {@code int}.
     *
     * @param ifNull the value of a JSON {@code null}
     * @return the number
     * @throws GiveUp for any other value
     */
    public int intValue(int ifNull) {
        whitespace();
        if (peek() == 'n') {
            literal("null");
            return ifNull;
        }
        long value = whole();
        if (value != (int) value) {
            throw GIVE_UP;
        }
        return (int) value;
    }

    /**
     * Reads any value as a tree.
     *
     * @return the tree
     * @throws GiveUp outside the subset
     */
    public JsonNode node() {
        return value(1);
    }

    /**
     * Checks that nothing but whitespace follows.
     *
     * @throws GiveUp otherwise
     */
    public void finish() {
        whitespace();
        if (pos != end) {
            throw GIVE_UP;
        }
    }

    /**
     * Gives up: the caller takes the Jackson path.
     *
     * @return never
     */
    public static GiveUp giveUp() {
        return GIVE_UP;
    }

    // ---------------------------------------------------------------- grammar

    private JsonNode value(int depth) {
        whitespace();
        byte c = peek();
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                pos++;
                return NODES.textNode(stringBody());
            case 't':
                literal("true");
                return BooleanNode.TRUE;
            case 'f':
                literal("false");
                return BooleanNode.FALSE;
            case 'n':
                literal("null");
                return NullNode.getInstance();
            default:
                long value = whole();
                return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
        }
    }

    private ObjectNode object(int depth) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        pos++;
        ObjectNode node = NODES.objectNode();
        whitespace();
        if (peek() == '}') {
            pos++;
            return node;
        }
        while (true) {
            whitespace();
            expect('"');
            int start = pos;
            String key = JsonStrings.knownKey(b, start, end);
            if (key != null) {
                pos = start + key.length() + 1;
            } else {
                key = stringBody();
                if (pos - start > MAX_KEY_BYTES) {
                    throw GIVE_UP;
                }
            }
            whitespace();
            expect(':');
            if (node.replace(key, value(depth)) != null) {
                // a duplicate key: which one wins is Jackson's to say
                throw GIVE_UP;
            }
            whitespace();
            byte c = peek();
            pos++;
            if (c == '}') {
                return node;
            }
            if (c != ',') {
                throw GIVE_UP;
            }
        }
    }

    private ArrayNode array(int depth) {
        if (depth > MAX_DEPTH) {
            throw GIVE_UP;
        }
        pos++;
        ArrayNode node = NODES.arrayNode();
        whitespace();
        if (peek() == ']') {
            pos++;
            return node;
        }
        while (true) {
            node.add(value(depth));
            whitespace();
            byte c = peek();
            pos++;
            if (c == ']') {
                return node;
            }
            if (c != ',') {
                throw GIVE_UP;
            }
        }
    }

    /** The rest of a string whose opening quote was read. */
    private String stringBody() {
        int start = pos;
        boolean ascii = true;
        while (true) {
            if (pos >= end) {
                throw GIVE_UP;
            }
            byte c = b[pos];
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                return escaped(start, ascii);
            }
            if (c < 0) {
                ascii = false;
            } else if (c < 0x20) {
                throw GIVE_UP;
            }
            pos++;
        }
        String text = JsonStrings.decode(b, start, pos, ascii);
        pos++;
        return text;
    }

    /** A string with escapes: the plain runs are decoded as they come. */
    private String escaped(int start, boolean ascii) {
        StringBuilder sb = new StringBuilder(pos - start + 16);
        sb.append(JsonStrings.decode(b, start, pos, ascii));
        while (true) {
            if (pos >= end) {
                throw GIVE_UP;
            }
            byte c = b[pos];
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c == '\\') {
                if (pos + 1 >= end) {
                    throw GIVE_UP;
                }
                byte e = b[pos + 1];
                pos += 2;
                switch (e) {
                    case '"': sb.append('"'); break;
                    case '\\': sb.append('\\'); break;
                    case '/': sb.append('/'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'n': sb.append('\n'); break;
                    case 'r': sb.append('\r'); break;
                    case 't': sb.append('\t'); break;
                    case 'u': sb.append(hex4()); break;
                    default: throw GIVE_UP;
                }
                continue;
            }
            int run = pos;
            boolean runAscii = true;
            while (pos < end && b[pos] != '"' && b[pos] != '\\') {
                byte r = b[pos];
                if (r < 0) {
                    runAscii = false;
                } else if (r < 0x20) {
                    throw GIVE_UP;
                }
                pos++;
            }
            sb.append(JsonStrings.decode(b, run, pos, runAscii));
        }
    }

    private char hex4() {
        if (pos + 4 > end) {
            throw GIVE_UP;
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int c = b[pos++];
            int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                throw GIVE_UP;
            }
            value = value << 4 | digit;
        }
        return (char) value;
    }

    /** A whole number in JSON's grammar, at most 18 digits; a fraction or an exponent gives up. */
    private long whole() {
        int start = pos;
        boolean negative = false;
        if (pos < end && b[pos] == '-') {
            negative = true;
            pos++;
        }
        int digitsStart = pos;
        long value = 0;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') {
            value = value * 10 + (b[pos] - '0');
            pos++;
        }
        int digits = pos - digitsStart;
        if (digits == 0 || digits > 18 || (b[digitsStart] == '0' && digits > 1)) {
            throw GIVE_UP;
        }
        delimiter();
        if (pos - start > 19) {
            throw GIVE_UP;
        }
        return negative ? -value : value;
    }

    private void literal(String word) {
        int n = word.length();
        if (pos + n > end) {
            throw GIVE_UP;
        }
        for (int i = 0; i < n; i++) {
            if (b[pos + i] != word.charAt(i)) {
                throw GIVE_UP;
            }
        }
        pos += n;
        delimiter();
    }

    /** A scalar ends at whitespace, a comma, a closing bracket or the end; {@code 12x} or {@code truex} give up. */
    private void delimiter() {
        if (pos == end) {
            return;
        }
        byte c = b[pos];
        if (c != ',' && c != '}' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            throw GIVE_UP;
        }
    }

    private void whitespace() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            pos++;
        }
    }

    private byte peek() {
        if (pos >= end) {
            throw GIVE_UP;
        }
        return b[pos];
    }

    private void expect(char c) {
        if (peek() != c) {
            throw GIVE_UP;
        }
        pos++;
    }
}
