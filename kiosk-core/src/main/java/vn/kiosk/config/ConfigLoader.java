package vn.kiosk.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the configuration: built-in defaults (config/kiosk.yaml, packed in the jar), then the
 * site's file over them, then the environment variables over both. Collects every problem
 * instead of stopping at the first, so a technician fixes the file in one go.
 */
public final class ConfigLoader {

    private static final String DEFAULTS_RESOURCE = "/defaults/kiosk.yaml";
    private static final String DEFAULTS_LABEL = "built-in defaults (config/kiosk.yaml)";

    private final ObjectMapper yaml = new ObjectMapper(ConfigLimits.yamlFactory())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    /**
     * @param file the site's configuration file, or null for the defaults alone
     * @param env  the environment (System.getenv() in production)
     */
    public KioskConfig load(Path file, Map<String, String> env) throws InvalidConfigException {
        List<ConfigProblem> problems = new ArrayList<>();
        SourceMap sources = new SourceMap();

        JsonNode tree;
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the application jar lacks " + DEFAULTS_RESOURCE);
            }
            tree = readTree(in, DEFAULTS_LABEL, sources, problems);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in defaults", e);
        }

        if (file != null) {
            if (!Files.isRegularFile(file)) {
                problems.add(new ConfigProblem("", file.toString(), null,
                        "configuration file not found (give an existing file with --config or KIOSK_CONFIG)"));
            } else if (tooLarge(file, problems)) {
                // refused before a byte is parsed: the size alone says enough
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    SourceMap fileSources = new SourceMap();
                    JsonNode site = readTree(in, file.toString(), fileSources, problems);
                    if (site != null && !site.isNull() && !site.isMissingNode()) {
                        if (!site.isObject()) {
                            problems.add(new ConfigProblem("", file.toString(), null,
                                    "expected a YAML mapping of keys at the top level"));
                        } else if (tree != null) {
                            merge((ObjectNode) tree, (ObjectNode) site, "", sources);
                        }
                    }
                    sources.overlay(fileSources);
                } catch (IOException e) {
                    problems.add(new ConfigProblem("", file.toString(), null, "cannot read the file: " + e.getMessage()));
                }
            }
        }
        if (tree == null || !problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }

        for (var e : EnvOverrides.KEYS.entrySet()) {
            String value = env.get(e.getKey());
            if (value != null) {
                setAt((ObjectNode) tree, e.getValue(), value);
                sources.put(e.getValue(), "environment variable " + e.getKey());
            }
        }

        KioskConfig config = bind(tree, sources, problems);
        if (config != null) {
            new ConfigValidator(sources, problems).validate((ObjectNode) tree, yaml);
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return config;
    }

    /** The file named by --config, else by KIOSK_CONFIG, else none (defaults only). */
    public static Path chooseFile(String fromCommandLine, Map<String, String> env) {
        if (fromCommandLine != null) {
            return Path.of(fromCommandLine);
        }
        String fromEnv = env.get(EnvOverrides.CONFIG_FILE);
        return fromEnv == null || fromEnv.isBlank() ? null : Path.of(fromEnv);
    }

    private static boolean tooLarge(Path file, List<ConfigProblem> problems) {
        try {
            long size = Files.size(file);
            if (size <= ConfigLimits.MAX_FILE_BYTES) {
                return false;
            }
            problems.add(new ConfigProblem("", file.toString(), null, String.format(java.util.Locale.ROOT,
                    "the file is %.1f MB; the limit is %d KB (a kiosk.yaml is a few kilobytes)",
                    size / (1024.0 * 1024), ConfigLimits.MAX_FILE_BYTES / 1024)));
            return true;
        } catch (IOException e) {
            return false; // reading it will say what is wrong
        }
    }

    private JsonNode readTree(InputStream in, String label, SourceMap sources, List<ConfigProblem> problems)
            throws IOException {
        ConfigLimits.Counter limits = new ConfigLimits.Counter();
        try (JsonParser p = yaml.getFactory().createParser(in)) {
            // Record every token's line while the tree is built, so problems can name lines.
            JsonParser recording = new com.fasterxml.jackson.core.util.JsonParserDelegate(p) {
                @Override
                public JsonToken nextToken() throws IOException {
                    JsonToken t = super.nextToken();
                    if (t != null) {
                        limits.check(this, p, t);
                        sources.recordToken(this, label);
                    }
                    return t;
                }
            };
            JsonNode node = yaml.readTree(recording);
            return node == null ? yaml.createObjectNode() : node;
        } catch (ConfigLimits.Exceeded e) {
            problems.add(new ConfigProblem(ConfigPath.dotted(e.pointer), label + " line " + e.line, null, e.getMessage()));
            return null;
        } catch (StreamConstraintsException e) {
            problems.add(new ConfigProblem("", label + " line " + limits.line(), null,
                    "exceeds a limit: " + ConfigLimits.plain(e.getOriginalMessage())));
            return null;
        } catch (JsonProcessingException e) {
            problems.add(new ConfigProblem("", label + line(e), null, "not valid YAML: " + e.getOriginalMessage()));
            return null;
        }
    }

    private static String line(JsonProcessingException e) {
        var loc = e.getLocation();
        return loc == null ? "" : " line " + loc.getLineNr();
    }

    /** Maps merge key by key; anything else (lists, scalars) replaces the default whole. */
    private static void merge(ObjectNode base, ObjectNode over, String pointer, SourceMap baseSources) {
        over.properties().forEach(e -> {
            String child = pointer + "/" + e.getKey();
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode vo) {
                merge(eo, vo, child, baseSources);
            } else {
                base.set(e.getKey(), e.getValue());
                if (existing != null && existing.isContainerNode()) {
                    baseSources.forgetBelow(child); // the default's lines no longer describe this value
                }
            }
        });
    }

    private void setAt(ObjectNode root, String pointer, String value) {
        String[] parts = pointer.substring(1).split("/");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode o ? o : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], TextNode.valueOf(value));
    }

    private KioskConfig bind(JsonNode tree, SourceMap sources, List<ConfigProblem> problems) {
        ObjectMapper binder = yaml.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addHandler(new ProblemCollector(sources, problems));
        try {
            return binder.treeToValue(tree, KioskConfig.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String pointer = e instanceof com.fasterxml.jackson.databind.JsonMappingException jme
                    ? pointerOf(jme.getPath()) : "";
            problems.add(new ConfigProblem(ConfigPath.dotted(pointer), sources.placeOf(pointer), null,
                    e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage()));
            return null;
        }
    }

    private static String pointerOf(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> path) {
        StringBuilder b = new StringBuilder();
        for (var ref : path) {
            b.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return b.toString();
    }

    /** Turns each binding failure into a problem and carries on with the rest of the file. */
    private static final class ProblemCollector extends DeserializationProblemHandler {
        private final SourceMap sources;
        private final List<ConfigProblem> problems;

        ProblemCollector(SourceMap sources, List<ConfigProblem> problems) {
            this.sources = sources;
            this.problems = problems;
        }

        private void add(String pointer, String value, String expected) {
            problems.add(new ConfigProblem(ConfigPath.dotted(pointer), sources.placeOf(pointer), value, expected));
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            com.fasterxml.jackson.core.JsonStreamContext holder = p.getParsingContext();
            if (p.currentToken() == JsonToken.START_ARRAY || p.currentToken() == JsonToken.START_OBJECT) {
                holder = holder.getParent(); // the value's own context: the mapping with the key is its parent
            }
            String pointer = ConfigPath.pointer(holder.getParent()) + "/" + propertyName;
            Collection<Object> known = deserializer.getKnownPropertyNames();
            add(pointer, null, "unknown key (a typo?); the keys allowed here are: "
                    + String.join(", ", new TreeSet<>(known.stream().map(String::valueOf).toList())));
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                             String failureMsg) {
            add(ConfigPath.pointer(ctxt.getParser().getParsingContext()), "\"" + valueToConvert + "\"",
                    "expected " + describe(targetType));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                             String failureMsg) {
            add(ConfigPath.pointer(ctxt.getParser().getParsingContext()), String.valueOf(valueToConvert),
                    "expected " + describe(targetType));
            return null;
        }

        /** A text where a mapping belongs (name: "…" instead of name: { vi: …, en: … }). */
        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                                com.fasterxml.jackson.databind.deser.ValueInstantiator instantiator,
                                                JsonParser p, String msg) throws IOException {
            add(ConfigPath.pointer(p.getParsingContext()),
                    p.currentToken() == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : p.getText(),
                    "expected " + describe(instClass));
            p.skipChildren();
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) throws IOException {
            String got = switch (t) {
                case START_OBJECT -> "a mapping";
                case START_ARRAY -> "a list";
                default -> p.getText();
            };
            add(ConfigPath.pointer(p.getParsingContext()), got, "expected " + describe(targetType.getRawClass()));
            p.skipChildren();
            return null;
        }

        private static String describe(Class<?> type) {
            if (type == Integer.class || type == int.class) {
                return "a whole number";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "true or false";
            }
            if (type == String.class) {
                return "a text value";
            }
            if (List.class.isAssignableFrom(type)) {
                return "a list";
            }
            if (type.isRecord()) {
                List<String> keys = new ArrayList<>();
                for (var component : type.getRecordComponents()) {
                    keys.add(component.getName());
                }
                return (keys.size() == 1 ? "a mapping with the key " : "a mapping with the keys ") + String.join(", ", keys);
            }
            return "a mapping";
        }
    }
}
