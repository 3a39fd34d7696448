package org.dyad.deploy.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service reads, taken from its own files at test time: the base profile of its
 * {@code application.properties} and the keys of its {@code @ConfigMapping} interfaces; and what the local
 * runtime ({@code ./dyad}, function {@code run_service}) sets for it.
 */
final class ServiceConfig {

    private ServiceConfig() {
    }

    /** The base-profile keys of the service's application.properties, with their values. */
    static Map<String, String> properties(String service) {
        Path file = Project.service(service).resolve("src/main/resources/application.properties");
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> base = new java.util.TreeMap<>();
        props.forEach((k, v) -> {
            if (!k.toString().startsWith("%")) {
                base.put(k.toString(), v.toString());
            }
        });
        return base;
    }

    /** Every key of every {@code @ConfigMapping} interface in the service's main sources, with its default (or null). */
    static Map<String, String> mappedKeys(String service) {
        return mappedKeys(Project.service(service).resolve("src/main/java"));
    }

    /** Every key of every {@code @ConfigMapping} interface under {@code sources}, with its default (or null). */
    static Map<String, String> mappedKeys(Path sources) {
        Map<String, String> keys = new java.util.TreeMap<>();
        try (var files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = stripComments(Files.readString(f));
                Matcher m = MAPPING.matcher(source);
                while (m.find()) {
                    int open = source.indexOf('{', m.end());
                    String body = source.substring(open + 1, matchingBrace(source, open));
                    collect(m.group(1), body, nestedInterfaces(body), keys);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** Every key the service reads: its properties and its mapped keys. */
    static Set<String> allKeys(String service) {
        Set<String> all = new LinkedHashSet<>(properties(service).keySet());
        all.addAll(mappedKeys(service).keySet());
        return all;
    }

    /** The names that {@code ${NAME}} or {@code ${NAME:default}} expressions in a value refer to. */
    static Set<String> references(String value) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = Pattern.compile("\\$\\{([^:}]+)").matcher(value);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Every environment variable that changes what the service reads: its keys' and those its values refer to. */
    static Set<String> readVariables(String service) {
        Set<String> vars = new LinkedHashSet<>();
        allKeys(service).forEach(k -> vars.add(envName(k)));
        properties(service).values().forEach(v -> references(v).forEach(r -> vars.add(envName(r))));
        return vars;
    }

    /** The environment variable that sets {@code key} (MicroProfile Config: non-alphanumerics to _, upper case). */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** The environment variables that {@code ./dyad}'s run_service exports for the services. */
    static Set<String> localRuntimeEnv() {
        try {
            return localRuntimeEnv(Files.readString(Project.root().resolve("dyad")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment variables that the run_service function of {@code script} exports. */
    static Set<String> localRuntimeEnv(String script) {
        {
            int start = script.indexOf("run_service() {");
            if (start < 0) {
                throw new IllegalStateException("./dyad has no run_service function");
            }
            String body = script.substring(start, script.indexOf("\n}\n", start));
            Set<String> names = new LinkedHashSet<>();
            for (String line : body.split("\n")) {
                String code = line.replaceAll("\\s#.*$", "");
                Matcher export = Pattern.compile("\\bexport\\s+(.*)").matcher(code);
                while (export.find()) {
                    for (String word : export.group(1).split("\\s+")) {
                        Matcher name = Pattern.compile("^([A-Z][A-Z0-9_]*)(=|$)").matcher(word);
                        if (name.find()) {
                            names.add(name.group(1));
                        }
                    }
                }
            }
            return names;
        }
    }

    // ------------------------------------------------------------------ reading @ConfigMapping sources

    private static final Pattern MAPPING = Pattern.compile(
            "@ConfigMapping\\s*\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"[^)]*\\)[^{;]*?\\binterface\\s+\\w+[^{]*");
    private static final Pattern NESTED = Pattern.compile("\\binterface\\s+(\\w+)[^{]*\\{");
    private static final Pattern METHOD = Pattern.compile(
            "((?:@[\\w.]+(?:\\s*\\((?:[^()\"]|\"(?:[^\"\\\\]|\\\\.)*\")*\\))?\\s*)*)"
                    + "(?:default\\s+)?([\\w.]+(?:\\s*<[^;(){}]*>)?(?:\\[\\])?)\\s+(\\w+)\\s*\\(\\s*\\)\\s*;");
    private static final Pattern WITH_DEFAULT = Pattern.compile("@WithDefault\\s*\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\)");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");

    private static void collect(String prefix, String body, Map<String, String> nested, Map<String, String> keys) {
        Matcher m = METHOD.matcher(withoutNestedBodies(body));
        while (m.find()) {
            String annotations = m.group(1);
            String type = m.group(2).replaceAll("\\s", "");
            Matcher named = WITH_NAME.matcher(annotations);
            String name = named.find() ? named.group(1) : kebab(m.group(3));
            String key = annotations.contains("@WithParentName") ? prefix : prefix + "." + name;
            String group = type.replaceAll("^Optional<(.*)>$", "$1");
            if (nested.containsKey(group)) {
                collect(key, nested.get(group), nested, keys);
            } else if (type.startsWith("Map<")) {
                keys.put(key + ".*", null);
            } else {
                Matcher def = WITH_DEFAULT.matcher(annotations);
                keys.put(key, def.find() ? def.group(1) : null);
            }
        }
    }

    /** Nested interfaces, anywhere in the body, by simple name. */
    private static Map<String, String> nestedInterfaces(String body) {
        Map<String, String> out = new HashMap<>();
        Matcher m = NESTED.matcher(body);
        while (m.find()) {
            int open = m.end() - 1;
            out.put(m.group(1), body.substring(open + 1, matchingBrace(body, open)));
        }
        return out;
    }

    private static String withoutNestedBodies(String body) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '"' && (i == 0 || body.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            }
            if (quoted || c == '"') {
                if (depth == 0) {
                    out.append(c);
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    out.append(';');
                }
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < s.length(); i++) {
            if (s.charAt(i) == '"' && s.charAt(i - 1) != '\\') {
                quoted = !quoted;
            }
            if (quoted) {
                continue;
            }
            if (s.charAt(i) == '{') {
                depth++;
            } else if (s.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced braces");
    }

    /** Java source without its comments; string literals (which may hold "//") are kept whole. */
    static String stripComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(source, i, Math.min(end + 1, source.length()));
                i = end + 1;
            } else if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Quarkus' default naming of a mapping method: maxArticleBytes to max-article-bytes. */
    static String kebab(String camel) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])").matcher(camel);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return String.join("-", words);
    }
}
