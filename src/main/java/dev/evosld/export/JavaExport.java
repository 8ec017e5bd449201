package dev.evosld.export;

import dev.evosld.EvosldException;
import dev.evosld.eval.ParameterSet;
import dev.evosld.law.Law;
import dev.evosld.law.Operator;
import dev.evosld.run.LawDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A fitted law as a self-contained Java source file that needs nothing but the JDK: a final class with a
 * record of the parameters, a table of every group's values, and {@code predict(group, variables...)}.
 * With one target, {@code predict} returns the prediction; with several it returns one per target in
 * {@code TARGETS} order, and {@code predict(group, target, variables...)} gives one.
 *
 * <p>The code evaluates the same expression tree in the same order as the engine, with the parameters as
 * {@link Double#toString} literals (which read back to the same doubles), or for many groups the same text in
 * string constants ({@link JavaTextTable}), so it reproduces the engine's
 * predictions up to the few ulps by which {@code Math.pow} differs from the engine's
 * {@code exp(p * log(x))}.
 */
public final class JavaExport {
    private static final Pattern JAVA_IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Set<String> KEYWORDS = Set.of(
        "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
        "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
        "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
        "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
        "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "_",
        "var", "yield", "record", "sealed", "permits", "non-sealed", "when", "module", "open", "exports");
    /**
     * Names the generated code uses itself, and the methods every record has: a parameter called
     * {@code toString} would make the record's accessor clash with {@code Object.toString()}. The class's own
     * methods ({@code predict}, {@code params}, {@code formula}) are not among them: a variable never hides a
     * method in Java, and data_constrained's feature {@code params} should keep its name in {@code predict}.
     */
    private static final Set<String> GENERATED = Set.of(
        "Math", "Map", "HashMap", "List", "Normalizer", "String", "Double", "Integer", "StringBuilder", "Params",
        "IllegalArgumentException", "PARAMETERS", "TARGETS", "fitted", "group", "target", "out", "t", "toString",
        "hashCode", "equals", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");
    /**
     * Parameter values one method of the generated table puts: each costs at most about 30 bytes of code (its
     * constant load, and where it is a group's only value, the group's {@code new Params} and {@code put}), so a
     * method stays well under the 64 KB limit.
     */
    private static final int VALUES_PER_METHOD = 1500;
    /**
     * Values and group names up to which the table is written as literals, two constant-pool entries each: about
     * 40,000 of the class file's 65535 entries. Larger tables are text ({@link JavaTextTable}).
     */
    static final int LITERAL_TABLE_LIMIT = 20_000;
    static final SourceExpression.Dialect DIALECT = new SourceExpression.Dialect(
        Double::toString,
        Set.of(Operator.ADD, Operator.SUB, Operator.MUL, Operator.DIV),
        Map.of(Operator.POW, "Math.pow", Operator.EXP, "Math.exp", Operator.LOG, "Math.log",
            Operator.SQRT, "Math.sqrt", Operator.ABS, "Math.abs", Operator.MIN, "Math.min",
            Operator.MAX, "Math.max"));

    private JavaExport() {
    }

    /**
     * The class name for a task: its words in CamelCase, ending in {@code Law}
     * ({@code parallel_scaling_law} → {@code ParallelScalingLaw}, {@code runs} → {@code RunsLaw}).
     */
    public static String className(String task) {
        StringBuilder name = new StringBuilder();
        for (String word : task.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name.insert(0, "Task");
        }
        if (!name.toString().endsWith("Law")) {
            name.append("Law");
        }
        return name.toString();
    }

    /** Whether a string can name the generated class. */
    public static boolean isClassName(String name) {
        return JAVA_IDENTIFIER.matcher(name).matches() && !KEYWORDS.contains(name) && !GENERATED.contains(name);
    }

    /**
     * The source file of a public class {@code className} (so it belongs in {@code <className>.java}).
     *
     * @throws EvosldException if the class name is not a Java identifier or the document's parameters do
     *     not fit its law
     */
    public static String source(LawDocument document, String className) {
        if (!isClassName(className)) {
            throw new EvosldException("'" + className + "' is not a usable Java class name");
        }
        // the law as written, which the comments show: a file of an older version may hold the search's form,
        // A / (N / N) + B / D^b, which would ask for N and give NaN at N = 0
        Law law = document.withWrittenLaw().parsedLaw();
        ParameterSet parameters = document.parameterSet("law document of task " + document.task());
        List<String> targets = parameters.targets();
        boolean single = targets.size() == 1;
        List<String> names = new ArrayList<>(law.variables());
        names.addAll(law.parameters());
        Map<String, String> ids = SourceExpression.identifiers(names, union(KEYWORDS, GENERATED, Set.of(className)));
        String formula = SourceExpression.print(law.expr(), DIALECT, ids::get);

        StringJoiner variableParameters = new StringJoiner(", ");
        StringJoiner variableArguments = new StringJoiner(", ");
        // by name, not by first appearance in the law: two runs of one task that find laws over the same features
        // then export the same signature, and re-exporting cannot silently swap a caller's arguments
        for (String variable : arguments(law)) {
            variableParameters.add("double " + ids.get(variable));
            variableArguments.add(ids.get(variable));
        }
        StringJoiner components = new StringJoiner(", ");
        for (String parameter : law.parameters()) {
            components.add("double " + ids.get(parameter));
        }
        // a parameter not named as its column (a keyword, or a name the class uses itself) says which column it is
        StringBuilder renamed = new StringBuilder();
        for (String variable : arguments(law)) {
            if (!ids.get(variable).equals(variable)) {
                renamed.append("     * @param ").append(ids.get(variable)).append(" the data column {@code ")
                    .append(javadoc(variable)).append("}\n");
            }
        }
        String variablesWithComma = law.variables().isEmpty() ? "" : ", " + variableParameters;
        String argumentsWithComma = law.variables().isEmpty() ? "" : ", " + variableArguments;

        StringBuilder out = new StringBuilder();
        out.append("// Generated by EvoSLD ").append(javadoc(String.valueOf(document.evosldVersion())))
            .append(" (evosld export --format java).\n");
        out.append("// Task: ").append(javadoc(document.task())).append(". Law: ").append(javadoc(document.writtenLaw())).append('\n');
        if (document.provenance() != null) {
            out.append("// Data SHA-256: ").append(javadoc(String.valueOf(document.provenance().dataChecksum())))
                .append("; seed: ").append(document.provenance().seed()).append(".\n");
        }
        String scores = ScoresLine.of(document);
        if (!scores.isEmpty()) {
            out.append("// ").append(scores).append('\n');
        }
        out.append("// Self-contained: compiles with the JDK alone.\n\n");
        out.append("import java.text.Normalizer;\n");
        out.append("import java.util.HashMap;\n");
        out.append(single ? "" : "import java.util.List;\n");
        out.append("import java.util.Map;\n\n");
        out.append("/**\n");
        out.append(" * The scaling law of task {@code ").append(javadoc(document.task())).append("}, fitted per group:\n");
        out.append(" * <pre>{@code\n");
        out.append(" * ").append(javadoc(single ? targets.getFirst() : "target")).append(" = ")
            .append(javadoc(document.writtenLaw())).append('\n');
        out.append(" * }</pre>\n");
        String separately = single ? "" : "fitted separately to each of " + javadoc(String.join(", ", targets));
        if (law.expr().uses(Operator.LOG)) {
            out.append(" * where {@code log} is the natural logarithm").append(single ? "" : ", " + separately)
                .append(".\n");
        } else if (!single) {
            out.append(" * ").append(separately).append(".\n");
        }
        out.append(" */\n");
        out.append("public final class ").append(className).append(" {\n\n");
        out.append("    /** One group's fitted parameters").append(single ? "" : " for one target").append(". */\n");
        out.append("    public record Params(").append(components).append(") {\n    }\n\n");
        if (!single) {
            out.append("    /** The targets, in the order {@link #predict(String").append(",double".repeat(law.variables().size()))
                .append(")} returns them. */\n");
            out.append("    public static final List<String> TARGETS = List.of(");
            out.append(String.join(", ", targets.stream().map(JavaExport::literal).toList())).append(");\n\n");
            out.append("    /** Per group, the parameters of each target, in {@link #TARGETS} order. */\n");
        } else {
            out.append("    /** Per group, the fitted parameters. */\n");
        }
        String type = single ? "Map<String, Params>" : "Map<String, List<Params>>";
        out.append("    public static final ").append(type).append(" PARAMETERS = parameters();\n\n");
        out.append("    private ").append(className).append("() {\n    }\n\n");
        int groups = parameters.groups().size();
        if ((long) groups * (1 + targets.size() * law.parameters().size()) <= LITERAL_TABLE_LIMIT) {
            table(out, parameters, type);
        } else {
            JavaTextTable.write(out, parameters, type);
        }
        if (single) {
            out.append("    /**\n     * Predicts {@code ").append(javadoc(targets.getFirst())).append("} for a run of a group.\n");
            out.append("     *\n").append(renamed)
                .append("     * @throws IllegalArgumentException if the group has no fitted parameters\n     */\n");
            out.append("    public static double predict(String group").append(variablesWithComma).append(") {\n");
            out.append("        return formula(params(group)").append(argumentsWithComma).append(");\n    }\n\n");
            onlyGroup(out, parameters, "double", targets.getFirst(), renamed, variableParameters, variableArguments);
            out.append("    private static Params params(String group) {\n");
            out.append("        Params fitted = group == null ? null : PARAMETERS.get(canonical(group));\n");
        } else {
            out.append("    /**\n     * Predicts every target for a run of a group, in {@link #TARGETS} order.\n");
            out.append("     *\n").append(renamed)
                .append("     * @throws IllegalArgumentException if the group has no fitted parameters\n     */\n");
            out.append("    public static double[] predict(String group").append(variablesWithComma).append(") {\n");
            out.append("        List<Params> fitted = params(group);\n");
            out.append("        double[] out = new double[TARGETS.size()];\n");
            out.append("        for (int t = 0; t < out.length; t++) {\n");
            out.append("            out[t] = formula(fitted.get(t)").append(argumentsWithComma).append(");\n");
            out.append("        }\n        return out;\n    }\n\n");
            out.append("    /**\n     * Predicts one target for a run of a group.\n");
            out.append("     *\n").append(renamed)
                .append("     * @throws IllegalArgumentException if the group or the target is unknown\n     */\n");
            out.append("    public static double predict(String group, String target").append(variablesWithComma).append(") {\n");
            out.append("        int t = TARGETS.indexOf(target);\n");
            out.append("        if (t < 0) {\n");
            out.append("            throw new IllegalArgumentException(\"unknown target '\" + target + \"', expected one of \" + TARGETS);\n");
            out.append("        }\n");
            out.append("        return formula(params(group).get(t)").append(argumentsWithComma).append(");\n    }\n\n");
            onlyGroup(out, parameters, "double[]", "every target", renamed, variableParameters, variableArguments);
            out.append("    private static List<Params> params(String group) {\n");
            out.append("        List<Params> fitted = group == null ? null : PARAMETERS.get(canonical(group));\n");
        }
        // with thousands of groups the full list would make one error line of tens of kilobytes
        out.append("        if (fitted == null) {\n");
        out.append("            var known = PARAMETERS.keySet().stream().sorted().toList();\n");
        out.append("            throw new IllegalArgumentException(\"no parameters for group \"\n");
        out.append("                + (group == null ? \"null\" : \"'\" + group + \"'\")\n");
        out.append("                + \"; known: \" + known.subList(0, Math.min(30, known.size()))\n");
        out.append("                + (known.size() > 30 ? \" ... (\" + (known.size() - 30) + \" more)\" : \"\"));\n");
        out.append("        }\n        return fitted;\n    }\n\n");
        // the table holds each name as EvoSLD read it (GroupNames.canonical), and a caller's own may decompose them
        out.append("    /** The group's name with its accents composed (NFC), as EvoSLD read it from the data. */\n");
        out.append("    private static String canonical(String group) {\n");
        out.append("        return Normalizer.normalize(group, Normalizer.Form.NFC);\n    }\n\n");
        out.append("    private static double formula(Params fitted").append(variablesWithComma).append(") {\n");
        for (String parameter : law.parameters()) {
            String id = ids.get(parameter);
            out.append("        double ").append(id).append(" = fitted.").append(id).append("();\n");
        }
        out.append("        return ").append(formula).append(";\n    }\n}\n");
        return out.toString();
    }

    /**
     * For a law of one group, {@code predict} without a group: runs read without {@code --group} form one group,
     * {@code all}, a name the user never gave.
     */
    private static void onlyGroup(StringBuilder out, ParameterSet parameters, String type, String predicted,
                                  CharSequence renamed, StringJoiner variableParameters, StringJoiner variableArguments) {
        if (parameters.groups().size() != 1) {
            return;
        }
        String group = parameters.groups().getFirst();
        out.append("    /**\n     * Predicts ").append(predicted.equals("every target") ? "every target"
                : "{@code " + javadoc(predicted) + "}")
            .append(" for a run of the law's one group, {@code ").append(javadoc(group)).append("}.\n");
        out.append(renamed.isEmpty() ? "" : "     *\n").append(renamed).append("     */\n");
        out.append("    public static ").append(type).append(" predict(").append(variableParameters).append(") {\n");
        out.append("        return predict(").append(literal(group))
            .append(variableArguments.length() == 0 ? "" : ", " + variableArguments).append(");\n    }\n\n");
    }

    /**
     * The methods that fill {@code PARAMETERS}, one per part of the groups: a method's code is limited to 64 KB,
     * and one expression of many entries (such as {@code Map.ofEntries}) takes javac time quadratic in its length.
     */
    private static void table(StringBuilder out, ParameterSet parameters, String type) {
        List<String> targets = parameters.targets();
        int valuesPerGroup = targets.size() * parameters.names().size();
        int perPart = Math.max(1, VALUES_PER_METHOD / Math.max(1, valuesPerGroup));
        List<String> groups = parameters.groups();
        int parts = (groups.size() + perPart - 1) / perPart;
        out.append("    // filled in parts, a method each, as a method's code is limited to 64 KB\n");
        out.append("    private static ").append(type).append(" parameters() {\n");
        out.append("        ").append(type).append(" table = new HashMap<>();\n");
        for (int p = 0; p < parts; p++) {
            out.append("        groups").append(p).append("(table);\n");
        }
        out.append("        return Map.copyOf(table);\n    }\n\n");
        for (int p = 0; p < parts; p++) {
            out.append("    private static void groups").append(p).append('(').append(type).append(" table) {\n");
            for (String group : groups.subList(p * perPart, Math.min(groups.size(), (p + 1) * perPart))) {
                out.append("        table.put(").append(literal(group)).append(", ");
                if (targets.size() == 1) {
                    out.append(params(parameters.values(group, 0)));
                } else {
                    out.append("List.of(");
                    for (int t = 0; t < targets.size(); t++) {
                        out.append(t == 0 ? "\n            " : ",\n            ")
                            .append(params(parameters.values(group, t)));
                    }
                    out.append(")");
                }
                out.append(");\n");
            }
            out.append("    }\n\n");
        }
    }

    /** The variables in the order {@code predict} takes them: sorted by name. */
    static List<String> arguments(Law law) {
        return law.variables().stream().sorted().toList();
    }

    private static String params(double[] values) {
        StringJoiner joiner = new StringJoiner(", ", "new Params(", ")");
        for (double value : values) {
            if (!Double.isFinite(value)) {
                throw new EvosldException("cannot export a parameter value of " + value);
            }
            joiner.add(Double.toString(value));
        }
        return joiner.toString();
    }

    /** A Java string literal; everything outside printable ASCII as a {@code \}{@code uXXXX} escape. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Text for a Javadoc comment: no comment terminator, no at-sign starting a tag, no unicode escape
     * (javac decodes those even in comments), ASCII only.
     */
    private static String javadoc(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
                out.append("*&#47;");
                i++;
            } else if (c == '\\') {
                out.append("&#92;");
            } else if (c == '@') {
                out.append("&#64;");
            } else if (c < 0x20 || c > 0x7e) {
                out.append('?');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
