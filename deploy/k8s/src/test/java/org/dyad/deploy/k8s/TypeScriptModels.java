package org.dyad.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schemas of operators that publish no Java artifact (KEDA, CloudNativePG), read from the npm packages
 * {@code @kubernetes-models/*}: TypeScript declarations generated from the operators' Go API types, the same
 * types their CRDs are generated from. Checks field names, required fields, types and enumerations; the
 * Kubernetes types they embed (EnvVar, ResourceRequirements, ObjectMeta...) go to {@link KubernetesApiSchema}.
 */
final class TypeScriptModels {

    /** An npm package of models and the API group whose kinds it declares. */
    record Package(String npm, String version, String group) {
    }

    static final List<Package> PACKAGES = List.of(
            new Package("@kubernetes-models/keda", "2.0.0", "keda.sh"),
            new Package("@kubernetes-models/cloudnative-pg", "2.0.0", "postgresql.cnpg.io"));

    private static final Map<Path, Declarations> FILES = new HashMap<>();

    private TypeScriptModels() {
    }

    static Optional<Package> packageOf(String group) {
        return PACKAGES.stream().filter(p -> p.group().equals(group)).findFirst();
    }

    /** What is wrong with {@code object} (apiVersion GROUP/VERSION, kind KIND); null if the package has no such kind. */
    static synchronized List<String> check(Package pkg, String version, String kind, JsonNode object) {
        Path file = root(pkg).resolve(pkg.group()).resolve(version).resolve(kind + ".d.ts");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        List<String> errors = new ArrayList<>();
        check(new Ref("I" + kind, file), object, "", errors);
        return errors;
    }

    // ------------------------------------------------------------------ fetching

    private static Path root(Package pkg) {
        Path dir = Project.home().resolve("tools").resolve("kubernetes-models")
                .resolve(pkg.npm().replace('/', '_').replace("@", "") + "-" + pkg.version());
        Path marker = dir.resolve("package/package.json");
        if (Files.isRegularFile(marker)) {
            return dir.resolve("package");
        }
        try {
            Path tgz = Commands.npmPack(pkg.npm() + "@" + pkg.version(), dir);
            Commands.run(List.of("tar", "-xzf", tgz.toString(), "-C", dir.toString()));
            Files.delete(tgz);
            return dir.resolve("package");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ checking

    private static void check(Type type, JsonNode value, String path, List<String> errors) {
        switch (type) {
            case Prim p -> {
                boolean ok = switch (p.name()) {
                    case "string" -> value.isTextual();
                    case "number" -> value.isNumber();
                    case "boolean" -> value.isBoolean();
                    case "null", "undefined" -> value.isNull();
                    default -> true;
                };
                if (!ok) {
                    errors.add(path + ": must be a " + p.name() + ", not " + value.getNodeType().name().toLowerCase());
                }
            }
            case Lit l -> {
                if (!value.isTextual() || !value.asText().equals(l.value())) {
                    errors.add(path + ": must be '" + l.value() + "'");
                }
            }
            case Union u -> {
                List<String> best = null;
                for (Type member : u.members()) {
                    List<String> e = new ArrayList<>();
                    check(member, value, path, e);
                    if (e.isEmpty()) {
                        return;
                    }
                    best = best == null || e.size() < best.size() ? e : best;
                }
                if (u.members().stream().allMatch(m -> m instanceof Lit)) {
                    errors.add(path + ": '" + value.asText() + "' is not one of "
                            + u.members().stream().map(m -> ((Lit) m).value()).toList());
                } else if (best != null) {
                    errors.addAll(best);
                }
            }
            case Arr a -> {
                if (!value.isArray()) {
                    errors.add(path + ": must be an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(a.items(), value.get(i), path + "[" + i + "]", errors);
                }
            }
            case MapOf m -> {
                if (!value.isObject()) {
                    errors.add(path + ": must be an object");
                    return;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    check(m.values(), f.getValue(), path + "." + f.getKey(), errors);
                }
            }
            case Obj o -> {
                if (!value.isObject()) {
                    errors.add(path + ": must be an object");
                    return;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    Prop prop = o.props().get(f.getKey());
                    if (prop == null) {
                        errors.add(path + "." + f.getKey() + ": unknown field (the operator's API has no such field; known: "
                                + o.props().keySet() + ")");
                    } else {
                        check(prop.type(), f.getValue(), path + "." + f.getKey(), errors);
                    }
                }
                o.props().forEach((name, prop) -> {
                    if (!prop.optional() && !value.has(name)) {
                        errors.add(path + ": required field '" + name + "' is missing");
                    }
                });
            }
            case Kube k -> errors.addAll(KubernetesApiSchema.check(k.validator(), value, path));
            case Ref r -> check(resolve(r), value, path, errors);
        }
    }

    private static Type resolve(Ref ref) {
        Declarations file = declarations(ref.file());
        String local = file.exportedAs().getOrDefault(ref.name(), ref.name());
        Type declared = file.types().get(local);
        if (declared != null) {
            return declared;
        }
        String module = file.imports().get(ref.name());
        if (module == null) {
            throw new IllegalStateException("cannot resolve type " + ref.name() + " in " + ref.file());
        }
        if (module.startsWith(".")) {
            Path target = ref.file().getParent().resolve(module.replaceAll("\\.js$", ".d.ts")).normalize();
            return resolve(new Ref(ref.name(), target));
        }
        if (module.startsWith("@kubernetes-models/base")) {
            return new Prim("any");
        }
        // Kubernetes' own types (kubernetes-models/v1/EnvVar, @kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta)
        String[] parts = module.split("/");
        String typeName = parts[parts.length - 1];
        String version = parts.length > 1 ? parts[parts.length - 2] : "";
        switch (typeName) {
            case "Quantity", "IntOrString" -> {
                return new Union(List.of(new Prim("string"), new Prim("number")));
            }
            case "Time", "MicroTime", "Duration" -> {
                return new Prim("string");
            }
            default -> {
                if (version.matches("v\\d+(alpha\\d+|beta\\d+)?")) {
                    Optional<Method> validator = KubernetesApiSchema.validatorOfModel(
                            Character.toUpperCase(version.charAt(0)) + version.substring(1) + typeName);
                    if (validator.isPresent()) {
                        return new Kube(validator.get());
                    }
                }
                return new Prim("any");
            }
        }
    }

    // ------------------------------------------------------------------ types

    private sealed interface Type permits Prim, Lit, Union, Arr, MapOf, Obj, Kube, Ref {
    }

    private record Prim(String name) implements Type {
    }

    private record Lit(String value) implements Type {
    }

    private record Union(List<Type> members) implements Type {
    }

    private record Arr(Type items) implements Type {
    }

    private record MapOf(Type values) implements Type {
    }

    private record Prop(Type type, boolean optional) {
    }

    private record Obj(Map<String, Prop> props) implements Type {
    }

    private record Kube(Method validator) implements Type {
    }

    private record Ref(String name, Path file) implements Type {
    }

    /** One .d.ts file: its interfaces and type aliases, its imports, and the names it exports them as. */
    private record Declarations(Map<String, Type> types, Map<String, String> imports, Map<String, String> exportedAs) {
    }

    // ------------------------------------------------------------------ parsing

    private static Declarations declarations(Path file) {
        return FILES.computeIfAbsent(file, f -> {
            try {
                return new Parser(f, Files.readString(f)).file();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(\"(?:[^\"\\\\]|\\\\.)*\")|([A-Za-z_$][A-Za-z0-9_$.]*)|(-?\\d+(?:\\.\\d+)?)|([{}<>\\[\\]():;?|,=&.*'!/+-]))");

    /** A recursive-descent reader of the subset of TypeScript that the generated declarations use. */
    private static final class Parser {
        private final Path file;
        private final List<String> tokens = new ArrayList<>();
        private int pos;

        Parser(Path file, String source) {
            this.file = file;
            String text = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", " ");
            Matcher m = TOKEN.matcher(text);
            int at = 0;
            while (at < text.length() && m.find(at) && m.start() == at) {
                String token = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2)
                        : m.group(3) != null ? m.group(3) : m.group(4);
                tokens.add(token);
                at = m.end();
                if (text.substring(at).isBlank()) {
                    break;
                }
            }
            if (!text.substring(Math.min(at, text.length())).isBlank()) {
                throw new IllegalStateException(file + ": cannot read the declarations from offset " + at);
            }
        }

        Declarations file() {
            Map<String, Type> types = new HashMap<>();
            Map<String, String> imports = new HashMap<>();
            Map<String, String> exported = new HashMap<>();
            while (pos < tokens.size()) {
                String t = next();
                if (t.equals("import") && peek().equals("{")) {
                    List<String[]> names = namesInBraces();
                    expect("from");
                    String module = unquote(next());
                    names.forEach(n -> imports.put(n[1], module));
                } else if (t.equals("export") && peek().equals("interface")) {
                    next();
                    String name = next();
                    while (!peek().equals("{")) {
                        next(); // extends ...
                    }
                    types.put(name, objectBody());
                } else if (t.equals("export") && peek().equals("type") && peekAt(1).equals("{")) {
                    next();
                    namesInBraces().forEach(n -> exported.put(n[1], n[0]));
                } else if (t.equals("export") && peek().equals("type")) {
                    next();
                    String name = next();
                    expect("=");
                    types.put(name, type());
                } else if (t.equals("class")) {
                    while (!peek().equals("{")) {
                        next();
                    }
                    skipBraces();
                }
            }
            return new Declarations(types, imports, exported);
        }

        /** {@code { A, B as C }}: pairs of (declared name, name used here). */
        private List<String[]> namesInBraces() {
            expect("{");
            List<String[]> names = new ArrayList<>();
            while (!peek().equals("}")) {
                String name = next();
                String as = name;
                if (peek().equals("as")) {
                    next();
                    as = next();
                }
                names.add(new String[] {name, as});
                if (peek().equals(",")) {
                    next();
                }
            }
            next();
            return names;
        }

        private Obj objectBody() {
            expect("{");
            Map<String, Prop> props = new LinkedHashMap<>();
            Type index = null;
            while (!peek().equals("}")) {
                if (peek().equals("[")) { // [key: string]: T
                    next();
                    next();
                    expect(":");
                    type();
                    expect("]");
                    expect(":");
                    index = type();
                } else {
                    String name = unquote(next());
                    boolean optional = false;
                    if (peek().equals("?")) {
                        next();
                        optional = true;
                    }
                    expect(":");
                    props.put(name, new Prop(type(), optional));
                }
                if (peek().equals(";") || peek().equals(",")) {
                    next();
                }
            }
            next();
            if (index != null && props.isEmpty()) {
                return new Obj(Map.of("*", new Prop(index, true))); // marker, replaced below
            }
            return new Obj(props);
        }

        private Type type() {
            List<Type> members = new ArrayList<>();
            if (peek().equals("|")) {
                next();
            }
            members.add(arrayOf());
            while (peek().equals("|")) {
                next();
                members.add(arrayOf());
            }
            return members.size() == 1 ? members.getFirst() : new Union(members);
        }

        private Type arrayOf() {
            Type t = primary();
            while (peek().equals("[") && peekAt(1).equals("]")) {
                next();
                next();
                t = new Arr(t);
            }
            return t;
        }

        private Type primary() {
            String t = next();
            if (t.startsWith("\"")) {
                return new Lit(unquote(t));
            }
            if (t.equals("(")) {
                Type inner = type();
                expect(")");
                return inner;
            }
            if (t.equals("{")) {
                pos--;
                Obj o = objectBody();
                Prop index = o.props().get("*");
                return index != null && o.props().size() == 1 ? new MapOf(index.type()) : o;
            }
            if (t.equals("Array") || t.equals("Record")) {
                expect("<");
                Type first = type();
                Type second = null;
                if (peek().equals(",")) {
                    next();
                    second = type();
                }
                expect(">");
                return t.equals("Array") ? new Arr(first) : new MapOf(second);
            }
            return switch (t) {
                case "string", "number", "boolean", "any", "unknown", "object", "null", "undefined" -> new Prim(t);
                default -> new Ref(t, file);
            };
        }

        private void skipBraces() {
            int depth = 0;
            do {
                String t = next();
                depth += t.equals("{") ? 1 : t.equals("}") ? -1 : 0;
            } while (depth > 0);
        }

        private String next() {
            return tokens.get(pos++);
        }

        private String peek() {
            return peekAt(0);
        }

        private String peekAt(int ahead) {
            return pos + ahead < tokens.size() ? tokens.get(pos + ahead) : "";
        }

        private void expect(String token) {
            String t = next();
            if (!t.equals(token)) {
                throw new IllegalStateException(file + ": expected '" + token + "' but found '" + t + "' at token " + (pos - 1));
            }
        }

        private static String unquote(String s) {
            return s.startsWith("\"") ? s.substring(1, s.length() - 1) : s;
        }
    }
}
