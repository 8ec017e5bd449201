/**
 * Exports of a fitted law ({@link dev.evosld.run.LawDocument}): a LaTeX document ({@link
 * dev.evosld.export.LatexExport}), a self-contained Java class ({@link dev.evosld.export.JavaExport}), a
 * Python module with SLDBench's {@code law()} ({@link dev.evosld.export.PythonExport}) and EvoSLD's JSON
 * ({@link dev.evosld.export.JsonExport}).
 *
 * <p>The code exports evaluate the engine's expression tree operation for operation, with every number
 * printed so that it reads back to the same double, and so reproduce the engine's predictions to about
 * 1e-12 relative. {@link dev.evosld.export.Notation} typesets a law as mathematics, in LaTeX and in MathML,
 * for the LaTeX export and the HTML report.
 */
package dev.evosld.export;
