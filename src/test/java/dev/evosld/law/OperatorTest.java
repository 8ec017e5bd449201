package dev.evosld.law;

import static dev.evosld.law.Expr.apply;
import static dev.evosld.law.Expr.num;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorTest {

    @ParameterizedTest
    @CsvSource({
        "ADD, +, 2", "SUB, -, 2", "MUL, *, 2", "DIV, /, 2", "POW, ^, 2", "NEG, -, 1",
        "EXP, exp, 1", "LOG, log, 1", "SQRT, sqrt, 1", "ABS, abs, 1", "MIN, min, 2", "MAX, max, 2"})
    void eachOperationHasItsSymbolAndArity(Operator op, String symbol, int arity) {
        assertEquals(symbol, op.symbol());
        assertEquals(arity, op.arity());
        assertEquals(Character.isLetter(symbol.charAt(0)), op.isFunction());
    }

    @Test
    void theLanguageHasExactlyTheseOperations() {
        // a new operation needs a case in the printer, the parser, the compiler and the Jenetics mapping
        assertEquals(12, Operator.values().length);
        assertEquals(EnumSet.of(Operator.EXP, Operator.LOG, Operator.SQRT, Operator.ABS, Operator.MIN, Operator.MAX),
            EnumSet.copyOf(List.of(Operator.values()).stream().filter(Operator::isFunction).toList()));
    }

    @Test
    void functionNamesListEveryFunctionAndPowLast() {
        // this list is shown to users whose column is named like a function
        assertEquals("exp, log, sqrt, abs, min, max, pow", Operator.functionNames());
    }

    @Test
    void aFunctionNameDenotesItsOperationAndNothingElseDoes() {
        for (Operator op : Operator.values()) {
            assertEquals(op.isFunction() ? Optional.of(op) : Optional.empty(), Operator.ofFunctionName(op.symbol()), op.name());
        }
        assertEquals(Optional.of(Operator.POW), Operator.ofFunctionName("pow"));
        for (String other : List.of("ln", "Log", "LOG", "exp ", "", "power", "neg", "add", "sqr")) {
            assertEquals(Optional.empty(), Operator.ofFunctionName(other), other);
        }
        for (String name : Operator.functionNames().split(", ")) {
            assertTrue(Operator.ofFunctionName(name).isPresent(), name);
        }
    }

    @Test
    void commutativeOperationsGiveTheSameValueWithArgumentsSwappedAndTheOthersDoNot() {
        Set<Operator> commutative = EnumSet.noneOf(Operator.class);
        for (Operator op : Operator.values()) {
            if (op.isCommutative()) {
                commutative.add(op);
            }
        }
        assertEquals(EnumSet.of(Operator.ADD, Operator.MUL, Operator.MIN, Operator.MAX), commutative);
        SplittableRandom random = new SplittableRandom(41);
        for (Operator op : commutative) {
            for (int sample = 0; sample < 500; sample++) {
                double a = random.nextDouble(-1e6, 1e6), b = random.nextInt(4) == 0 ? a : random.nextDouble(-10, 10);
                assertEquals(Double.doubleToLongBits(value(op, a, b)), Double.doubleToLongBits(value(op, b, a)), op + " " + a + " " + b);
            }
        }
        // the simplifier and the compiler may swap these arguments, so a wrong flag would change laws
        Map<Operator, double[]> witnesses = new LinkedHashMap<>();
        witnesses.put(Operator.SUB, new double[] {1, 2});
        witnesses.put(Operator.DIV, new double[] {1, 2});
        witnesses.put(Operator.POW, new double[] {2, 3});
        for (Map.Entry<Operator, double[]> w : witnesses.entrySet()) {
            double a = w.getValue()[0], b = w.getValue()[1];
            assertTrue(value(w.getKey(), a, b) != value(w.getKey(), b, a), w.getKey().name());
        }
    }

    private static double value(Operator op, double... args) {
        Expr[] nums = new Expr[args.length];
        for (int i = 0; i < args.length; i++) {
            nums[i] = num(args[i]);
        }
        return apply(op, nums).evaluate(name -> Double.NaN);
    }

    @ParameterizedTest(name = "{0}({1}, {2}) = {3}")
    @CsvSource({
        // outside a function's domain the reference evaluation is IEEE arithmetic (java.lang.Math), NaN or an
        // infinity, which the fitter and the candidate scorer then reject; it never throws
        "LOG, -1, 0, NaN",
        "LOG, 0, 0, -Infinity",
        "LOG, -0.0, 0, -Infinity",
        "LOG, 1, 0, 0",
        "SQRT, -1e-300, 0, NaN",
        "SQRT, -0.0, 0, -0.0",
        "SQRT, 2.25, 0, 1.5",
        "POW, -8, 0.3333333333333333, NaN",
        "POW, -2, 3, -8",
        "POW, -2, -2, 0.25",
        "POW, 0, -1, Infinity",
        "POW, 0, 0, 1",
        "POW, -0.0, -1, -Infinity",
        "DIV, 1, 0, Infinity",
        "DIV, -1, 0, -Infinity",
        "DIV, 0, 0, NaN",
        "EXP, 710, 0, Infinity",
        "EXP, -746, 0, 0",
        "ABS, -0.0, 0, 0",
        "NEG, 0, 0, -0.0",
        "MIN, -0.0, 0, -0.0",
        "MAX, -0.0, 0, 0",
        "ADD, 1e308, 1e308, Infinity",
        "SUB, 1e308, -1e308, Infinity",
        "MUL, 1e-200, 1e-200, 0"})
    void evaluatesAtDomainEdgesAsJavaMathDoes(Operator op, double x, double y, double expected) {
        double actual = op.arity() == 1 ? value(op, x) : value(op, x, y);
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), op + " " + x + " " + y + " = " + actual);
    }
}
