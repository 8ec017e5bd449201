package dev.evosld.export;

import dev.evosld.export.Box.Row;
import dev.evosld.export.Box.Sign;
import dev.evosld.export.Symbol.Digits;
import dev.evosld.export.Symbol.Glyph;
import dev.evosld.export.Symbol.Greek;
import dev.evosld.export.Symbol.Letter;
import dev.evosld.export.Symbol.Primed;
import dev.evosld.export.Symbol.Word;
import dev.evosld.law.Law;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A law written as mathematics, in LaTeX or MathML, as in a paper: Greek parameter names as Greek letters,
 * {@code E_max} as <i>E</i><sub>max</sub>, {@code t1} as <i>t</i><sub>1</sub>, and a short symbol for every
 * long feature name ({@code num_params} as <i>N</i>, {@code proportion_domain_3} as <i>P</i><sub>3</sub>)
 * with a {@link #legend()} that says which is which. A column named after a Greek letter keeps its name upright
 * ({@code lambda} as lambda), so that only parameters are Greek. No two names get the same symbol, and a feature
 * gets the same symbol in every law of a task.
 */
public final class Notation {
    /** The significant digits of a fitted value typeset for reading; law.json and code exports keep every digit. */
    public static final int SIGNIFICANT_DIGITS = 6;
    private static final Pattern LETTERS_THEN_DIGITS = Pattern.compile("([A-Za-z]+)([0-9]*)");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern TRAILING_DIGITS = Pattern.compile("(.*?)_?([0-9]+)");
    /** The name that as a symbol, italic or upright, is Euler's number. */
    private static final String EULER = "e";
    /** Words of feature names with a conventional symbol in the scaling-law literature. */
    private static final Map<String, Character> CONVENTIONAL = Map.ofEntries(
        Map.entry("params", 'N'), Map.entry("param", 'N'), Map.entry("parameters", 'N'),
        Map.entry("parameter", 'N'), Map.entry("tokens", 'D'), Map.entry("data", 'D'),
        Map.entry("flops", 'C'), Map.entry("compute", 'C'), Map.entry("experts", 'E'),
        Map.entry("vocab", 'V'), Map.entry("vocabulary", 'V'), Map.entry("steps", 'S'),
        Map.entry("loss", 'L'));
    /** Words that say nothing about what a feature is, so their initials make poor symbols. */
    private static final Set<String> FILLER = Set.of("num", "number", "n", "of", "the", "total", "log", "non", "count");

    private final Law law;
    private final List<String> targets;
    private final Map<String, Symbol> symbols;
    private final Symbol response;

    private Notation(Law law, List<String> features, List<String> targets) {
        this.law = law;
        this.targets = List.copyOf(targets);
        Set<String> taken = new HashSet<>();
        Map<String, Symbol> assigned = new LinkedHashMap<>();
        // Every feature of the task claims its symbol before any parameter, whether this law uses it or not, so that
        // a feature reads the same in every law of the task whatever the law uses or mentions first; a parameter
        // that wants a feature's letter takes it primed (vocab_scaling_law's C beside num_characters as C is C').
        // Name order, not the task's, so that --features N,D and D,N write a law alike.
        for (String feature : new TreeSet<>(features)) {
            Symbol symbol = claim(featureSymbol(feature, taken), feature, taken);
            if (law.variables().contains(feature)) {
                assigned.put(feature, symbol);
            }
        }
        for (String parameter : law.parameters()) {
            if (parameter.equals(EULER)) {
                continue;
            }
            Symbol wanted = parameterSymbol(parameter);
            if (taken.contains(wanted.latex())) {
                wanted = new Symbol(new Primed(wanted.base()), wanted.subscript());
            }
            assigned.put(parameter, claim(wanted, parameter, taken));
        }
        if (law.parameters().contains(EULER)) {
            // as a column e: N^e would be N to the power of Euler's number; last, so that a parameter E keeps its E
            Glyph capital = new Letter('E');
            while (taken.contains(Symbol.of(capital).latex())) {
                capital = new Primed(capital);
            }
            assigned.put(EULER, claim(Symbol.of(capital), EULER, taken));
        }
        this.symbols = assigned;
        this.response = targets.size() == 1
            ? claim(featureSymbol(targets.getFirst(), taken), targets.getFirst(), taken)
            : claim(Symbol.of(new Letter('y')), "target", taken);
    }

    /**
     * The notation of a law fitted to the given targets: each single-target law is written
     * {@code L = ...}; a law fitted separately to several targets is written {@code y = ...}.
     *
     * @param features every feature of the task's data, those the law leaves out too: a feature's symbol depends on
     *     them alone, so two laws of a task write it alike
     * @throws IllegalArgumentException if the law uses a name that is not among {@code features}
     */
    public static Notation of(Law law, Collection<String> features, List<String> targets) {
        Objects.requireNonNull(law);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no targets");
        }
        if (!features.containsAll(law.variables())) {
            throw new IllegalArgumentException("the law's variables " + law.variables() + " are not all among the"
                + " features " + features);
        }
        return new Notation(law, List.copyOf(features), targets);
    }

    /**
     * What a symbol of the formula stands for.
     *
     * @param latex the symbol in LaTeX math mode
     * @param mathMl the symbol as inline MathML ({@code <math>...</math>})
     * @param names the column(s) it stands for: a feature, the target, or every target
     * @param role {@code feature} or {@code target}
     * @param abbreviates whether the symbol is shorter than the name, so that a reader needs the entry
     */
    public record LegendEntry(String latex, String mathMl, List<String> names, String role, boolean abbreviates) {
        public LegendEntry {
            names = List.copyOf(names);
        }
    }

    /**
     * The law's features and target(s) with their symbols, features in the law's order, then a parameter named e,
     * whose symbol is not its name, then the target.
     */
    public List<LegendEntry> legend() {
        List<LegendEntry> entries = new ArrayList<>();
        for (String variable : law.variables()) {
            Symbol symbol = symbols.get(variable);
            entries.add(new LegendEntry(symbol.latex(), inline(symbol.mathMl()), List.of(variable), "feature",
                abbreviates(symbol, variable)));
        }
        if (law.parameters().contains(EULER)) {
            Symbol symbol = symbols.get(EULER);
            entries.add(new LegendEntry(symbol.latex(), inline(symbol.mathMl()), List.of(EULER), "parameter", true));
        }
        entries.add(new LegendEntry(response.latex(), inline(response.mathMl()), targets, "target",
            targets.size() > 1 || abbreviates(response, targets.getFirst())));
        return entries;
    }

    /** The equation {@code L = ...} in LaTeX math mode, on one line. */
    public String latex() {
        return response.latex() + " = " + LatexMath.render(layout());
    }

    /**
     * The equation in LaTeX, broken before a top-level {@code +} or {@code -} where a line would grow past
     * about {@code width} em (a single long term is never broken). The first line starts with
     * {@code L = }, later lines with their sign.
     */
    public List<String> latexLines(double width) {
        return lines(width).stream().map(Line::latex).toList();
    }

    /** A line of a broken equation with its rough width in em. */
    record Line(String latex, double width) {
    }

    List<Line> lines(double width) {
        Box rhs = layout();
        List<List<Box>> terms = new ArrayList<>();
        if (rhs instanceof Row row && row.isSum()) {
            List<Box> current = new ArrayList<>();
            for (Box item : row.items()) {
                if (item instanceof Sign s && (s.kind() == Sign.Kind.PLUS || s.kind() == Sign.Kind.MINUS)
                    && !current.isEmpty()) {
                    terms.add(current);
                    current = new ArrayList<>();
                }
                current.add(item);
            }
            terms.add(current);
        } else {
            terms.add(List.of(rhs));
        }
        List<Line> lines = new ArrayList<>();
        List<Box> line = new ArrayList<>();
        double lhs = response.width() + 1.2;
        double used = lhs;
        for (List<Box> term : terms) {
            double termWidth = term.stream().mapToDouble(Box::width).sum();
            // a break right after a short start ("L = 1.87") would only move the overflow to the next line
            if (!line.isEmpty() && used + termWidth > width && used > width / 3) {
                lines.add(new Line(LatexMath.render(new Row(line)), used));
                line = new ArrayList<>();
                used = 0;
            }
            line.addAll(term);
            used += termWidth;
        }
        lines.add(new Line(LatexMath.render(new Row(line)), used));
        lines.set(0, new Line(response.latex() + " = " + lines.getFirst().latex(), lines.getFirst().width()));
        return lines;
    }

    /** A rough width of the one-line equation in em. */
    double width() {
        return response.width() + 1.6 + Box.width(layout());
    }

    /** The equation as a block MathML element, {@code <math display="block">...</math>}. */
    public String mathMl() {
        return "<math display=\"block\"><mrow>" + response.mathMl() + "<mo>=</mo>" + MathMl.render(layout())
            + "</mrow></math>";
    }

    /**
     * The equation as inline MathML elements side by side, {@code <math>...</math>} each, the first from {@code L = }
     * to the first plus or minus and each of the others from a plus or minus of a sum to the next
     * ({@link MathMl#pieces}): a window too narrow for {@link #mathMl} can wrap them.
     */
    public List<String> mathMlPieces() {
        List<String> pieces = new ArrayList<>(MathMl.pieces(layout()));
        pieces.set(0, response.mathMl() + "<mo>=</mo>" + pieces.getFirst());
        return pieces.stream().map(piece -> "<math>" + piece + "</math>").toList();
    }

    /** The symbol of a variable or parameter of the law, in LaTeX math mode. */
    public String latexSymbol(String name) {
        return symbol(name).latex();
    }

    /** The symbol of a variable or parameter of the law, as inline MathML. */
    public String mathMlSymbol(String name) {
        return inline(symbol(name).mathMl());
    }

    /**
     * A fitted value as LaTeX math for a reader, rounded to {@value #SIGNIFICANT_DIGITS} significant digits with
     * trailing zeros kept, so that a column of values lines up: {@code 0.212520}, {@code 1.51191 \times 10^{8}}
     * for what {@code %g} puts in e notation. The law's own constants are not rounded ({@link #latex}).
     */
    public static String latexValue(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a finite number: " + value);
        }
        String sign = value < 0 || Double.doubleToRawLongBits(value) == Long.MIN_VALUE ? "-" : "";
        return sign + LatexMath.number(rounded(Math.abs(value)));
    }

    /** A magnitude rounded to {@value #SIGNIFICANT_DIGITS} significant digits; zero as {@code 0}. */
    static Box.Number rounded(double magnitude) {
        if (magnitude == 0) {
            return new Box.Number("0", null);
        }
        String text = String.format(java.util.Locale.ROOT, "%." + SIGNIFICANT_DIGITS + "g", magnitude);
        int e = text.indexOf('e');
        return e < 0 ? new Box.Number(text, null)
            : new Box.Number(text.substring(0, e), Integer.toString(Integer.parseInt(text.substring(e + 1))));
    }

    private Box layout() {
        return Layout.of(law.expr(), symbols);
    }

    private Symbol symbol(String name) {
        Symbol symbol = symbols.get(name);
        if (symbol == null) {
            throw new IllegalArgumentException("'" + name + "' is not a name of the law " + law);
        }
        return symbol;
    }

    /** Whether a column's symbol differs from its name read as math ({@code x_1} as x<sub>1</sub>) or spelt out. */
    private static boolean abbreviates(Symbol symbol, String name) {
        return !symbol.equals(mathSymbol(name, false).orElse(null)) && !symbol.equals(Symbol.of(new Word(name)));
    }

    private static String inline(String mathMl) {
        return "<math>" + mathMl + "</math>";
    }

    /** The symbol if no other name has it yet, else the name spelt out upright, which is unique. */
    private static Symbol claim(Symbol wanted, String name, Set<String> taken) {
        Symbol symbol = taken.contains(wanted.latex()) ? Symbol.of(new Word(name)) : wanted;
        taken.add(symbol.latex());
        return symbol;
    }

    /**
     * A parameter's name read as math: an optional Greek or Latin base with a subscript made of trailing
     * digits and of the parts after underscores ({@code alpha} α, {@code E_max}, {@code t1}, {@code c_0});
     * anything else spelt out upright.
     */
    static Symbol parameterSymbol(String name) {
        return mathSymbol(name, true).orElseGet(() -> Symbol.of(new Word(name)));
    }

    /**
     * A name read as math, its Greek words as Greek letters or, for a data column's name, spelt out: a paper
     * writes its fitted parameters in Greek, so a column set as λ would read as one.
     */
    private static Optional<Symbol> mathSymbol(String name, boolean greek) {
        String[] parts = name.split("_", -1);
        Matcher head = LETTERS_THEN_DIGITS.matcher(parts[0]);
        if (!head.matches()) {
            return Optional.empty();
        }
        List<Glyph> subscript = new ArrayList<>();
        if (!head.group(2).isEmpty()) {
            subscript.add(new Digits(head.group(2)));
        }
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.isEmpty()) {
                return Optional.empty();
            }
            subscript.add(DIGITS.matcher(part).matches() ? new Digits(part) : glyph(part, greek));
        }
        return Optional.of(new Symbol(glyph(head.group(1), greek), subscript));
    }

    private static Glyph glyph(String word, boolean greek) {
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) {
            return new Letter(word.charAt(0));
        }
        return greek && GreekLetters.isGreek(word) ? new Greek(word) : new Word(word);
    }

    /**
     * A feature's (or target's) symbol: names that already read as math keep it ({@code N}, {@code x_1},
     * {@code lr}), and so do names of Greek letters, spelt out ({@code lambda}); descriptive names get a capital letter, the conventional one when a word has one
     * ({@code num_params} N, {@code tokens} D), else the initial of their first telling word, with trailing
     * digits as a subscript; when all of those are taken, the name spelt out.
     */
    static Symbol featureSymbol(String name, Set<String> taken) {
        if (name.equals(EULER)) {
            // e, set as e or spelt out upright, reads as Euler's number: B e^beta would be a constant; so it is E, or
            // beside a column E, E'
            Symbol capital = Symbol.of(new Letter('E'));
            return taken.contains(capital.latex()) ? Symbol.of(new Primed(capital.base())) : capital;
        }
        Optional<Symbol> math = mathSymbol(name, false);
        // lambda names the letter its author means, so an initial (L) would hide it; spelt out it is still recognised
        if (math.isPresent() && (!(math.get().base() instanceof Word word) || name.length() <= 3
            || GreekLetters.isGreek(word.text()))) {
            return math.get();
        }
        Matcher trailing = TRAILING_DIGITS.matcher(name);
        String stem = name;
        List<Glyph> subscript = List.of();
        if (trailing.matches() && !trailing.group(1).isEmpty()) {
            stem = trailing.group(1);
            subscript = List.of(new Digits(trailing.group(2)));
        }
        List<String> words = new ArrayList<>();
        for (String word : stem.toLowerCase(java.util.Locale.ROOT).split("_")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        List<Character> candidates = new ArrayList<>();
        if (!words.contains("log")) {
            // the head noun of a compound comes last: non_vocab_parameters are parameters
            for (int i = words.size() - 1; i >= 0; i--) {
                Character conventional = CONVENTIONAL.get(words.get(i));
                if (conventional != null) {
                    candidates.add(conventional);
                }
            }
        }
        for (String word : words) {
            if (!FILLER.contains(word) && Character.isLetter(word.charAt(0))) {
                candidates.add(Character.toUpperCase(word.charAt(0)));
            }
        }
        for (char letter : candidates) {
            Symbol symbol = new Symbol(new Letter(letter), subscript);
            if (!taken.contains(symbol.latex())) {
                return symbol;
            }
        }
        return Symbol.of(new Word(name));
    }
}
