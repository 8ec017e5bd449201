package dev.evosld.fit;

import static dev.evosld.fit.ParameterRole.COEFFICIENT;
import static dev.evosld.fit.ParameterRole.EXPONENT;
import static dev.evosld.fit.ParameterRole.OFFSET;
import static dev.evosld.fit.ParameterRole.SHAPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.law.Law;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole-law role lists; LinearParametersTest checks single parameters of other laws. */
class ParameterRoleTest {

    private static List<ParameterRole> roles(String formula) {
        return ParameterRole.of(Law.parse(formula, List.of("N", "D")));
    }

    @Test
    void chinchillaHasAnOffsetAndACoefficientAndExponentPerTermInParameterOrder() {
        assertEquals(List.of(OFFSET, COEFFICIENT, EXPONENT, COEFFICIENT, EXPONENT),
            roles("E + A*N^(-alpha) + B*D^(-beta)"));
    }

    @Test
    void theSaturatingLawHasEveryRoleOnce() {
        // parameters in order of appearance: A, alpha, B, C
        assertEquals(List.of(COEFFICIENT, EXPONENT, SHAPE, OFFSET), roles("A/(D^alpha + B) + C"));
    }

    @Test
    void everyParameterInsideExpIsAnExponentButItsFactorOutsideIsACoefficient() {
        assertEquals(List.of(OFFSET, COEFFICIENT, EXPONENT, EXPONENT, EXPONENT),
            roles("c + k*exp(t1*N + t2*D + t0)"));
    }

    @Test
    void aParameterDividingInsideExpOrAnExponentIsTheScaleOfWhatItDividesNotAnExponent() {
        // k is the size at which the term has decayed by e: as large as N, far past an exponent's bounds
        assertEquals(List.of(OFFSET, COEFFICIENT, SHAPE), roles("E + A*exp(-N/k)"));
        assertEquals(List.of(SHAPE), roles("N^(1/k)"));
        assertEquals(List.of(EXPONENT, SHAPE), roles("exp(a*N/(D + k))"));
        // a numerator keeps its role
        assertEquals(List.of(EXPONENT), roles("exp(a/2*N)"));
    }

    @Test
    void aParameterDividedByADataColumnInsideExpIsTheScaleOfThatColumnNotAnExponent() {
        // exp(-k/N) decays over sizes k like N: an exponent's bounds would hold k/N near zero for every run
        assertEquals(List.of(OFFSET, COEFFICIENT, SHAPE), roles("E + A*exp(-k/N)"));
        assertEquals(List.of(SHAPE, EXPONENT), roles("N^(k/D + alpha)"));
        // over a ratio of columns or over a parameter, the numerator is no size and stays an exponent
        assertEquals(List.of(EXPONENT), roles("exp(a*N/(D + 1))"));
        assertEquals(List.of(EXPONENT, SHAPE), roles("exp(a/b)"));
    }

    @Test
    void aParameterInTheBaseOfAPowerIsAShapeNotAnExponent() {
        assertEquals(List.of(SHAPE, EXPONENT), roles("(N + B)^alpha"));
        assertEquals(List.of(SHAPE), roles("a^N"));
    }

    @Test
    void aBaseInsideExpOrInsideAnotherExponentIsStillAnExponent() {
        // the flag set by exp or by an exponent holds for the whole subtree, bases included
        assertEquals(List.of(EXPONENT), roles("exp(N^b)"));
        assertEquals(List.of(EXPONENT), roles("N^(D^a)"));
        assertEquals(List.of(EXPONENT), roles("N^exp(s)"));
        assertEquals(List.of(EXPONENT), roles("pow(N, a)"));
    }

    @Test
    void parametersUnderOtherFunctionsAreShapes() {
        assertEquals(List.of(SHAPE, OFFSET), roles("log(a*N) + E"));
        assertEquals(List.of(SHAPE), roles("sqrt(a)*N"));
        assertEquals(List.of(SHAPE, COEFFICIENT), roles("min(a, N) + b*N"));
        assertEquals(List.of(SHAPE), roles("N/(a + D)"));
    }

    @Test
    void aParameterThatOccursTwiceIsNeitherOffsetNorCoefficient() {
        assertEquals(List.of(SHAPE), roles("E + E*N"));
        assertEquals(List.of(SHAPE, OFFSET), roles("A*N + A*D + E"));
        // in an exponent somewhere, it is an exponent even where it also multiplies
        assertEquals(List.of(EXPONENT), roles("a*N^a"));
    }

    @Test
    void aLoneParameterIsAnOffsetAndALawWithoutParametersHasNoRoles() {
        assertEquals(List.of(OFFSET), roles("A"));
        assertEquals(List.of(OFFSET), roles("N - A"));
        assertEquals(List.of(), roles("N*D"));
    }

    @Test
    void theRolesAreUnmodifiable() {
        List<ParameterRole> roles = roles("E + A*N");
        assertThrows(UnsupportedOperationException.class, () -> roles.set(0, SHAPE));
    }
}
