package dev.evosld.report;

import dev.evosld.EvosldException;
import dev.evosld.run.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.XYChart;

/** A chart's files, its PNG (and a narrow one for a phone) and SVG, and the figure that shows them on the page. */
final class ChartFiles {
    /** PNGs are drawn at twice their layout size, so that they stay sharp on high-density screens. */
    private static final int PNG_SCALE = 2;

    /** The end of the stem of a chart's narrow drawing. */
    static final String NARROW = "-narrow";

    private ChartFiles() {
    }

    /**
     * Writes {@code <stem>.png} (at twice the chart's size) and {@code <stem>.svg} into the folder.
     *
     * @return the two files, PNG first
     */
    static List<Path> save(XYChart chart, Path folder, String stem) {
        settleAxes(chart);
        Path png = folder.resolve(stem + ".png");
        Path svg = folder.resolve(stem + ".svg");
        AtomicFiles.write(png, png(chart));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartEncoder.saveChart(chart, out, "svg");
            AtomicFiles.write(svg, out.toByteArray());
        } catch (IOException e) {
            throw new EvosldException("cannot draw " + svg + ": " + e.getMessage());
        }
        return List.of(png, svg);
    }

    /**
     * Writes {@code <stem>-narrow.png}, the chart as a phone's window shows it ({@link #figure}), without an SVG: the
     * figure's link gives the wide chart's.
     */
    static Path saveNarrow(XYChart chart, Path folder, String stem) {
        settleAxes(chart);
        Path png = folder.resolve(stem + NARROW + ".png");
        AtomicFiles.write(png, png(chart));
        return png;
    }

    /** What a plot's axes need from the data before it is drawn: their ends, labels and grid. */
    private static void settleAxes(XYChart chart) {
        LogAxes.labelTwoPowersOfTen(chart);
        LogAxes.spreadPowersOfTen(chart);
        LinearAxes.labelRoundNumbers(chart);
        LinearAxes.labelBothEnds(chart);
        LogAxes.gridAtLabels(chart);
    }

    private static byte[] png(XYChart chart) {
        int width = chart.getWidth();
        int height = chart.getHeight();
        BufferedImage image = new BufferedImage(width * PNG_SCALE, height * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            graphics.scale(PNG_SCALE, PNG_SCALE);
            chart.paint(graphics, width, height);
        } finally {
            graphics.dispose();
        }
        // Through a stream cached in memory: the one ImageIO.write(image, "png", out) makes is cached in a temporary
        // file, which ImageIO's own shutdown hook closes, so a Ctrl-C while a finished run wrote its report failed a
        // plot with "cannot encode a PNG: closed" before the run could say how to resume.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            if (!ImageIO.write(image, "png", stream)) {
                throw new EvosldException("cannot encode a PNG: this Java has no PNG writer");
            }
        } catch (IOException e) {
            throw new EvosldException("cannot encode a PNG: " + e.getMessage());
        }
        return out.toByteArray();
    }

    /**
     * A figure showing the chart's PNG at the chart's own size (the PNG has twice the pixels, for sharpness).
     *
     * @param caption HTML, its text already escaped; the image's alternative text is that text without the tags
     */
    static String figure(XYChart chart, String stem, String caption) {
        return "<figure>" + image(chart, stem, caption) + caption(stem, caption) + "</figure>\n";
    }

    /**
     * {@link #figure} with the chart's narrow drawing ({@link #saveNarrow}) in the window of a phone, where report.css
     * sets the plots one to a row: a chart drawn for a row of the page, 760 or 1176 pixels wide, was shrunk to a half or
     * a third and its labels to 4 or 5 pixels. Drawn for the width a phone shows it at, its text keeps its size.
     */
    static String figure(XYChart chart, XYChart narrow, String stem, String caption) {
        return "<figure><picture><source media=\"(max-width: 640px)\" srcset=\"plots/" + stem + NARROW + ".png "
            + PNG_SCALE + "x\" width=\"" + narrow.getWidth() + "\" height=\"" + narrow.getHeight() + "\">"
            + image(chart, stem, caption) + "</picture>" + caption(stem, caption) + "</figure>\n";
    }

    private static String image(XYChart chart, String stem, String caption) {
        return "<img src=\"plots/" + stem + ".png\" width=\"" + chart.getWidth() + "\" alt=\""
            + stripTags(caption).replace("\"", "&quot;") + "\">";
    }

    private static String caption(String stem, String caption) {
        return "<figcaption>" + caption + " <a href=\"plots/" + stem + ".svg\">SVG</a></figcaption>";
    }

    private static String stripTags(String html) {
        // a list's items (a scale panel's combinations) apart, as the page sets them on lines of their own
        return html.replace("<li>", " ").replace("</li>", ";").replaceAll("<[^>]+>", "").replace("&#x2014;", "-");
    }
}
