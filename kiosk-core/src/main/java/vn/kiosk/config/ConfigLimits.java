package vn.kiosk.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * How big a configuration may be. A kiosk.yaml is a few kilobytes (the shipped one: 17 KB, 863
 * tokens, 5 levels deep, no value over 120 characters); these limits are far above that and far
 * below what could stall a start or run the heap out (a 10 MB value used to end in
 * OutOfMemoryError after 36 s). The file size is the binding one: SnakeYAML scans a quoted value
 * at about 150 ms per MB on a PC, several times slower on a Pi, hence 256 KB rather than 1 MB.
 * The parsers enforce what they can themselves (code points, nesting); the token count, value
 * length and aliases are checked here, token by token, so a problem names the line.
 */
final class ConfigLimits {

    static final long MAX_FILE_BYTES = 256 * 1024;
    static final int MAX_VALUE_CHARS = 8 * 1024;
    static final int MAX_TOKENS = 10_000;
    static final int MAX_DEPTH = 32;

    private ConfigLimits() { }

    /** A YAML factory with SnakeYAML's and Jackson's own limits set to ours. */
    static YAMLFactory yamlFactory() {
        LoaderOptions loader = new LoaderOptions();
        loader.setCodePointLimit((int) MAX_FILE_BYTES); // a code point takes at least a byte
        loader.setNestingDepthLimit(MAX_DEPTH);
        loader.setMaxAliasesForCollections(0);
        return YAMLFactory.builder()
                .loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_VALUE_CHARS)
                        .maxDocumentLength(MAX_FILE_BYTES)
                        .build())
                .build();
    }

    /** A limit was passed at {@code line}; the message says which and what the limit is. */
    static final class Exceeded extends RuntimeException {
        final int line;
        final String pointer;

        Exceeded(JsonParser p, String message) {
            super(message, null, false, false);
            this.line = p.currentTokenLocation().getLineNr();
            this.pointer = p.getParsingContext().pathAsPointer().toString();
        }
    }

    /** Jackson's and SnakeYAML's own words for a passed limit, without the name of the Java method. */
    static String plain(String message) {
        return message.replaceAll(",? from `[^`]*`", "");
    }

    /** Counts the tokens of one document and checks each against the limits. */
    static final class Counter {
        private int tokens;
        private int line;

        /** The line of the last token read: where a limit the parser enforces was passed. */
        int line() {
            return line;
        }

        void check(JsonParser p, JsonParser yaml, JsonToken t) throws java.io.IOException {
            line = p.currentTokenLocation().getLineNr();
            if (++tokens > MAX_TOKENS) {
                throw new Exceeded(p, "more than " + MAX_TOKENS + " keys and values; the limit is " + MAX_TOKENS
                        + " (a kiosk.yaml has about a thousand)");
            }
            if (yaml instanceof YAMLParser y && y.isCurrentAlias()) {
                throw new Exceeded(p, "YAML aliases (*" + p.getText() + ") are not supported (the limit is none): "
                        + "the parser would read the alias's name instead of its value; write the value out");
            }
            if ((t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) && p.getTextLength() > MAX_VALUE_CHARS) {
                throw new Exceeded(p, "a value of " + p.getTextLength() + " characters; the limit is " + MAX_VALUE_CHARS);
            }
        }
    }
}
