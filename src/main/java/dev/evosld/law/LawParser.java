package dev.evosld.law;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Parses the law language. Every character must be consumed; an error names its 1-based column, as in
 * {@code law:14: unknown function 'ln'}.
 *
 * <pre>
 * expr     := term (('+' | '-') term)*
 * term     := unary (('*' | '/') unary)*
 * unary    := ('-' | '+') unary | power
 * power    := primary (('^' | '**') exponent)?      right-associative
 * exponent := ('-' | '+') exponent | power           so that x^-a means x^(-a)
 * primary  := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'
 * </pre>
 *
 * A minus written directly before a number that is not itself raised to a power is part of the number:
 * {@code -0.5} is the literal -0.5, while {@code -2^x} is {@code -(2^x)}. {@link LawPrinter} relies on
 * this rule to print every tree so that it parses back to the same tree.
 */
public final class LawParser {
    private final String source;
    private final String text;
    private final List<Token> tokens;
    private int next;

    /**
     * The most tokens a law may have, as written and as {@link LawPrinter} writes it. The parser and every tree
     * walk after it recurse, so a law of thousands of terms (an LLM's runaway answer) would overflow the stack; no
     * scaling law comes near this.
     */
    static final int MAX_TOKENS = 1000;

    /** The deepest nesting of parentheses a law may have, as written and as printed, for the same reason. */
    static final int MAX_DEPTH = 64;

    private LawParser(String source, String text) {
        this.source = source;
        this.text = text;
        this.tokens = tokenize();
    }

    /** Parses a formula; errors are reported as {@code law:<column>: ...}. */
    public static Expr parse(String text) {
        return parse("law", text);
    }

    /** Parses a formula; errors are reported as {@code <source>:<column>: ...}. */
    public static Expr parse(String source, String text) {
        LawParser parser = new LawParser(source, text);
        parser.excess().ifPresent(excess -> {
            throw parser.error(excess.at(), excess.problem() + excess.aside());
        });
        if (parser.peek().kind == Kind.END) {
            throw parser.error(parser.peek(), "empty law");
        }
        Expr expr = parser.expr();
        Token rest = parser.peek();
        if (rest.kind != Kind.END) {
            throw parser.error(rest, "unexpected " + rest.describe() + " after a complete expression"
                + parser.implicitProduct(rest));
        }
        // law.json holds the law as LawPrinter writes it, with the parentheses that x^y^z, --x and a - -1 imply:
        // a law within the limits only without them would be written where nothing reads it back
        new LawParser(source, LawPrinter.print(expr)).excess().ifPresent(excess -> {
            throw new LawSyntaxException(source, 1, excess.problem()
                + " once written out with the parentheses its powers and minus signs imply, as law.json holds it");
        });
        return expr;
    }

    /** Where the law's tokens first go beyond {@link #MAX_TOKENS} or {@link #MAX_DEPTH}, if they do. */
    private Optional<Excess> excess() {
        if (tokens.size() > MAX_TOKENS + 1) {
            return Optional.of(new Excess(tokens.get(MAX_TOKENS), "the law is longer than " + MAX_TOKENS
                + " symbols, numbers and operators", ", more than any scaling law needs"));
        }
        int depth = 0;
        for (Token token : tokens) {
            depth += token.is("(") ? 1 : token.is(")") ? -1 : 0;
            if (depth > MAX_DEPTH) {
                return Optional.of(new Excess(token, "parentheses nest deeper than " + MAX_DEPTH + " levels", ""));
            }
        }
        return Optional.empty();
    }

    /** A limit gone beyond: where, what, and a remark for a law read as written. */
    private record Excess(Token at, String problem, String aside) {
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty() || !isIdentifierStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!isIdentifierPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIdentifierStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c);
    }

    /** An ASCII digit: {@link Character#isDigit} also takes ٣ and １, which {@link Double#parseDouble} refuses. */
    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Expr expr() {
        Expr left = term();
        while (peek().is("+") || peek().is("-")) {
            Operator op = take().is("+") ? Operator.ADD : Operator.SUB;
            left = Expr.apply(op, left, term());
        }
        return left;
    }

    private Expr term() {
        Expr left = unary();
        while (peek().is("*") || peek().is("/")) {
            Operator op = take().is("*") ? Operator.MUL : Operator.DIV;
            left = Expr.apply(op, left, unary());
        }
        return left;
    }

    private Expr unary() {
        return signed(this::power);
    }

    private Expr exponent() {
        return signed(this::power);
    }

    private Expr signed(Supplier<Expr> operand) {
        if (peek().is("+")) {
            take();
            return signed(operand);
        }
        if (peek().is("-")) {
            take();
            if (peek().kind == Kind.NUMBER && !peekAt(1).isPowerSign()) {
                return Expr.num(-number(take()));
            }
            return Expr.neg(signed(operand));
        }
        return operand.get();
    }

    private Expr power() {
        Expr base = primary();
        if (peek().isPowerSign()) {
            take();
            return Expr.pow(base, exponent());
        }
        return base;
    }

    private Expr primary() {
        Token token = take();
        switch (token.kind) {
            case NUMBER:
                return Expr.num(number(token));
            case NAME:
                if (peek().is("(")) {
                    return call(token);
                }
                if (Operator.ofFunctionName(token.text).isPresent()) {
                    throw error(token, "function '" + token.text + "' needs arguments in parentheses");
                }
                return Expr.sym(token.text);
            case SYMBOL:
                if (token.is("(")) {
                    Expr inner = expr();
                    expect(")", token);
                    return inner;
                }
                throw error(token, "expected a number, a name or '(' but found " + token.describe());
            case END:
            default:
                throw error(token, "unexpected end of law");
        }
    }

    private Expr call(Token name) {
        Optional<Operator> op = Operator.ofFunctionName(name.text);
        if (op.isEmpty()) {
            throw error(name, "unknown function '" + name.text + "'" + functionHint(name.text));
        }
        Token open = take();
        List<Expr> args = new ArrayList<>();
        args.add(expr());
        while (peek().is(",")) {
            take();
            args.add(expr());
        }
        expect(")", open);
        if (args.size() != op.get().arity()) {
            throw error(name, "'" + name.text + "' takes " + op.get().arity() + " argument"
                + (op.get().arity() == 1 ? "" : "s") + ", got " + args.size());
        }
        return new Expr.Apply(op.get(), args);
    }

    private void expect(String symbol, Token opening) {
        Token token = peek();
        if (!token.is(symbol)) {
            throw error(token, "expected '" + symbol + "' to close the '" + opening.text + "' at column "
                + (opening.start + 1) + " but found " + token.describe());
        }
        take();
    }

    private double number(Token token) {
        double value = Double.parseDouble(token.text);
        // 1e-400 reads as 0, which the law's author did not write
        boolean underflow = value == 0 && token.text.split("[eE]")[0].chars().anyMatch(c -> c >= '1' && c <= '9');
        if (!Double.isFinite(value) || underflow) {
            throw error(token, "number '" + token.text + "' is out of range");
        }
        return value;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind != Kind.END) {
            next++;
        }
        return token;
    }

    /**
     * What a name, a number or a '(' right after a complete expression most likely meant: a product written as on
     * paper ({@code 2N}, {@code A N^a}), which the language spells with a '*'.
     */
    private String implicitProduct(Token rest) {
        if (rest.kind != Kind.NAME && rest.kind != Kind.NUMBER && !rest.is("(")) {
            return "";
        }
        Token before = tokens.get(next - 1);
        if (before.kind == Kind.NUMBER && rest.text.equalsIgnoreCase("e") && rest.start == before.end()
            && !before.text.toLowerCase(Locale.ROOT).contains("e")) {
            // 1e*N: a number whose exponent lost its digits, or Euler's number; a product with a parameter e is neither
            return " (a number's exponent needs digits after the " + rest.text + ", as in " + before.text + rest.text
                + "3 or " + before.text + rest.text + "-3; for Euler's number write exp(1))";
        }
        return before.kind != Kind.SYMBOL && rest.kind != Kind.SYMBOL
            ? " (multiplication needs a '*': write " + before.text + "*" + rest.text + ")"
            : " (multiplication needs a '*')";
    }

    /** The function meant by a name the language lacks: the usual spellings of a logarithm, or one in other case. */
    private static String functionHint(String name) {
        if (name.equals("ln")) {
            return " (log is the natural logarithm)";
        }
        if (name.matches("log_?(10|2)")) {
            return " (write log(x) / log(" + name.replaceAll("\\D", "") + "))";
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.equals(name) && Operator.ofFunctionName(lower).isPresent()) {
            return " (write " + lower + ": names are case-sensitive)";
        }
        return " (the functions are " + Operator.functionNames() + ")";
    }

    /**
     * What to write for a character of the notation of papers and word processors that the language spells in
     * ASCII; nothing for one without an obvious counterpart (a no-break space, a zero-width space).
     */
    private String characterHint(int at) {
        int c = text.codePointAt(at);
        String name = Character.getName(c);
        return switch (c) {
            case 0xd7, 0xb7, 0x2219, 0x22c5, 0x2217 -> " (write * for multiplication)";
            case 0x2212, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0xfe63, 0xff0d -> " (write - for minus)";
            case 0xf7, 0x2215, 0x2044 -> " (write / for division)";
            case 0xb2, 0xb3, 0xb9, 0x2070, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079, 0x207b ->
                " (write ^ for a power, as in N^2)";
            case '{', '}', '[', ']' -> " (group with parentheses)";
            case 0x221a -> " (write sqrt(x) for a square root)";
            case '#' -> " (a law has no comments: write the formula alone)";
            case ';' -> " (a law is one formula: write it without ';')";
            case '.' -> {
                // np.log(N), math.exp(x), torch.sqrt(x): code's module before a function the language has bare
                String before = text.substring(0, at);
                int start = before.length();
                while (start > 0 && isIdentifierPart(before.charAt(start - 1))) {
                    start--;
                }
                String module = before.substring(start);
                int end = at + 1;
                while (end < text.length() && isIdentifierPart(text.charAt(end))) {
                    end++;
                }
                String function = text.substring(at + 1, end);
                yield !module.isEmpty() && Operator.ofFunctionName(function).isPresent()
                    ? " (write " + function + "(...), without '" + module + ".')" : "";
            }
            case '=' -> {
                String left = text.substring(0, at).strip();
                yield " (write the formula alone" + (isIdentifier(left) ? ", without '" + left + " ='" : "") + ")";
            }
            default -> name != null && name.matches("GREEK (SMALL|CAPITAL) LETTER [A-Z]+")
                ? " (write " + spelledGreek(name) + ": a name is ASCII letters, digits and _)" : "";
        };
    }

    /** A Greek letter's name as a law spells it: {@code alpha} for α, {@code Delta} for Δ. */
    private static String spelledGreek(String unicodeName) {
        String letter = unicodeName.substring(unicodeName.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        return unicodeName.contains("CAPITAL") ? Character.toUpperCase(letter.charAt(0)) + letter.substring(1) : letter;
    }

    private LawSyntaxException error(Token token, String message) {
        return new LawSyntaxException(source, token.start + 1, message);
    }

    private List<Token> tokenize() {
        List<Token> result = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (isDigit(c) || (c == '.' && i + 1 < text.length() && isDigit(text.charAt(i + 1)))) {
                int end = scanNumber(i);
                result.add(new Token(Kind.NUMBER, text.substring(i, end), i));
                i = end;
            } else if (isIdentifierStart(c)) {
                int end = i + 1;
                while (end < text.length() && isIdentifierPart(text.charAt(end))) {
                    end++;
                }
                result.add(new Token(Kind.NAME, text.substring(i, end), i));
                i = end;
            } else if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                result.add(new Token(Kind.SYMBOL, "**", i));
                i += 2;
            } else if ("+-*/^(),".indexOf(c) >= 0) {
                result.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            } else {
                throw new LawSyntaxException(source, i + 1, "unexpected character " + describe(text.codePointAt(i))
                    + characterHint(i));
            }
        }
        result.add(new Token(Kind.END, "", text.length()));
        return result;
    }

    /**
     * A character as a reader can tell it apart: quoted when it is printable ASCII, else by code point and name,
     * since a no-break space, a minus sign or a zero-width space pasted with a formula looks like the character
     * meant, or like nothing.
     */
    private static String describe(int c) {
        if (c > ' ' && c < 0x7f) {
            return "'" + (char) c + "'";
        }
        String name = Character.getName(c);
        return String.format(Locale.ROOT, "U+%04X", c) + (name == null ? "" : " " + name);
    }

    private int scanNumber(int start) {
        int i = start;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        if (i < text.length() && text.charAt(i) == '.') {
            i++;
            while (i < text.length() && isDigit(text.charAt(i))) {
                i++;
            }
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            if (j < text.length() && isDigit(text.charAt(j))) {
                while (j < text.length() && isDigit(text.charAt(j))) {
                    j++;
                }
                i = j;
            }
        }
        return i;
    }

    private enum Kind { NUMBER, NAME, SYMBOL, END }

    private record Token(Kind kind, String text, int start) {
        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }

        boolean isPowerSign() {
            return is("^") || is("**");
        }

        String describe() {
            return kind == Kind.END ? "end of law" : "'" + text + "'";
        }

        /** The index just past the token in the law's text. */
        int end() {
            return start + text.length();
        }
    }
}
