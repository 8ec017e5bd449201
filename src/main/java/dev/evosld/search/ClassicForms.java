package dev.evosld.search;

import dev.evosld.law.Law;
import dev.evosld.law.LawSyntaxException;
import dev.evosld.law.Simplifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The offline proposer: classic forms from the scaling-law literature, instantiated over the task's
 * variables. {@code {x}}, {@code {y}}, {@code {z}} stand for distinct variables; forms over all variables
 * are generated too. The task's own human law is a baseline to beat and never proposed.
 */
public final class ClassicForms implements Proposer {

    private static final List<String> ONE = List.of(
        "E + A*{x}^(-a)",                               // saturating power law with an irreducible loss
        "A*{x}^a",                                      // pure power law
        "a + b*log({x})",                               // log-linear
        "E + A*exp(-b*{x})",                            // exponential saturation
        "a + b*log({x}) + c*log({x})^2",                // quadratic in log: an optimum
        "a + b*(log({x}) - c)^2",                       // U-shape around an optimum
        "A/({x}^a + B) + C",                            // rectified power law
        "a + b/(1 + exp(-c*({x} - d)))",                // sigmoid: emergence
        "E + A*({x} + B)^(-a)",                         // shifted power law
        "a + b*{x} + c*{x}^2",                          // quadratic
        "a + b*{x} + c*{x}^2 + d*{x}^3"                 // cubic
    );

    private static final List<String> TWO = List.of(
        "E + A*{x}^(-a) + B*{y}^(-b)",                  // Chinchilla: two power laws and an offset
        "E + A*{x}^(-a)*{y}^(-b)",                      // multiplicative power law with offset
        "A*{x}^a*{y}^b",                                // multiplicative power law
        "a + b*log({x}) + c*log({y})",                  // log-linear
        "a + b*log({x}) + c*log({y}) + d*log({x})*log({y})",
        "exp(a + b*log({x}) + c*log({y}) + d*log({x})*log({y}))",
        "exp(a + b*log({x}) + c*log({y} + s) + d*log({x})*log({y} + s))", // as above, y's effect saturating below
        "E + A*{x}^(-a)*({y} + B)^(-b)",                // multiplicative, y shifted: y = 0 or 1 still counts
        "E + A*{x}^(-a) + B*{x}^(-a)*{y}^(-b)",         // a correction that decays with both
        "E + A*{x}^(-a)*(1 + B*{y}^(-b))",
        "E + (A*{x}^(-a) + B*{y}^(-b))^c",
        "E + A*{x}^(-a) + B*log({y})",
        "E + A*{x}^(-a) + B*({y}/{x})^(-b)",            // ratio: tokens per parameter, repetition
        "E + A*({x}*(1 + k*log({y})))^(-a)",            // effective scale: x counts more with log y
        "E + A*({x}*{y}^k)^(-a)",                       // effective scale: x counts more with a power of y
        "a + b*log({x}) + c*(log({y}) - d)^2",          // an optimum in y on a trend in x
        "a + b*log({x}) + c*(log({y}) - d - e*log({x}))^2" // an optimum in y that moves with x
    );

    private static final List<String> THREE = List.of(
        "E + A*{x}^(-a) + B*{y}^(-b) + C*({y}/{z})^c",  // data repetition
        "E + A*{x}^(-a) + B*{y}^(-b) + C*{z}^(-c)",
        "E + A*{x}^(-a) + B*{y}^(-b) + C*(log({z}) - d)^2",
        "E + A*{x}^(-a) + B*{y}^(-b) + C*(log({z}) - d - e*log({x}))^2"
    );

    @Override
    public List<Law> seeds(ProposalContext context) {
        List<String> variables = context.config().featureNames();
        Set<String> formulas = new LinkedHashSet<>();
        for (String x : variables) {
            ONE.forEach(form -> formulas.add(instantiate(form, x, null, null)));
        }
        for (String x : variables) {
            for (String y : variables) {
                if (!x.equals(y)) {
                    TWO.forEach(form -> formulas.add(instantiate(form, x, y, null)));
                }
            }
        }
        for (String x : variables) {
            for (String y : variables) {
                for (String z : variables) {
                    if (!x.equals(y) && !y.equals(z) && !x.equals(z)) {
                        THREE.forEach(form -> formulas.add(instantiate(form, x, y, z)));
                    }
                }
            }
        }
        formulas.addAll(overAllVariables(variables));
        // Only over shares is a law over their powers a mixture law; seeded over sizes such as parameter counts it
        // only added noise to the initial population (on the stand-ins it lowered moe, data_constrained and vocab).
        if (variables.size() >= 2 && context.train().table().featuresAreShares()) {
            formulas.add(mixtureOfPowers(variables));
        }
        List<Law> laws = new ArrayList<>();
        String human = humanKey(context);
        for (String formula : formulas) {
            try {
                Law law = Law.parse(formula, variables);
                if (law.parameterCount() <= context.parametersPerTarget()
                    && !Simplifier.canonicalKey(law).equals(human)) {
                    laws.add(law);
                }
            } catch (LawSyntaxException e) {
                throw new IllegalStateException("a classic form does not parse: " + formula, e);
            }
        }
        return laws;
    }

    private static String humanKey(ProposalContext context) {
        String human = context.config().humanLaw();
        return human == null ? "" : Simplifier.canonicalKey(Law.parse(human, context.config().featureNames()));
    }

    /** Forms over every variable at once: additive and multiplicative power laws, log-linear, mixtures. */
    private static List<String> overAllVariables(List<String> variables) {
        if (variables.size() < 2) {
            return List.of();
        }
        StringJoiner additive = new StringJoiner(" + ", "E + ", "");
        StringJoiner sharedExponent = new StringJoiner(" + ", "E + ", "");
        StringJoiner logLinear = new StringJoiner(" + ", "a0 + ", "");
        StringJoiner linear = new StringJoiner(" + ", "c0 + ", "");
        StringJoiner exponent = new StringJoiner(" + ", "c0 + k*exp(", ")");
        for (int i = 0; i < variables.size(); i++) {
            String v = variables.get(i);
            additive.add("A" + i + "*" + v + "^(-a" + i + ")");
            sharedExponent.add("A" + i + "*" + v + "^a");
            logLinear.add("b" + i + "*log(" + v + ")");
            linear.add("t" + i + "*" + v);
            exponent.add("t" + i + "*" + v);
        }
        // one exponent for every variable: the budget of a mixture law whose terms differ only in weight
        return List.of(additive.toString(), sharedExponent.toString(), logLinear.toString(), "exp(" + logLinear + ")",
            linear.toString(), exponent.toString());
    }

    /**
     * The data-mixing law with each share under one fitted power, so that a domain's returns diminish as its
     * share grows. Its {@code k} is left out: with shares summing to 1 the weights already scale the term.
     */
    private static String mixtureOfPowers(List<String> variables) {
        StringJoiner exponent = new StringJoiner(" + ", "E + exp(", ")");
        for (int i = 0; i < variables.size(); i++) {
            exponent.add("t" + i + "*" + variables.get(i) + "^a");
        }
        return exponent.toString();
    }

    private static String instantiate(String form, String x, String y, String z) {
        String result = form.replace("{x}", x);
        if (y != null) {
            result = result.replace("{y}", y);
        }
        if (z != null) {
            result = result.replace("{z}", z);
        }
        return result;
    }

    @Override
    public String name() {
        return "classic forms";
    }
}
