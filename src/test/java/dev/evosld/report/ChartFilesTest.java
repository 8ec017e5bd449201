package dev.evosld.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

class ChartFilesTest {
    @TempDir
    Path plots;

    @Test
    void aPngIsEncodedInMemoryNotThroughImageIosFileCache() throws Exception {
        // ImageIO's file cache is closed by its own shutdown hook, so a Ctrl-C while a report was written failed its
        // plots ("cannot encode a PNG: closed"); a file created there, even one deleted at once, shows the cache in use
        Path cache = Files.createDirectories(plots.resolve("imageio-cache"));
        File before = ImageIO.getCacheDirectory();
        boolean used = ImageIO.getUseCache();
        try (WatchService watcher = cache.getFileSystem().newWatchService()) {
            cache.register(watcher, StandardWatchEventKinds.ENTRY_CREATE);
            ImageIO.setCacheDirectory(cache.toFile());
            ImageIO.setUseCache(true);
            XYChart chart = Charts.chart(300, 200, null, "x", "y");
            Charts.scatter(chart, "test", new double[] {1, 2}, new double[] {2, 1}, Charts.TEST, SeriesMarkers.DIAMOND);
            ChartFiles.save(chart, plots, "memory");
            // events come in the order their files were made, so once a file made after the save is seen, any file
            // the save made has been seen before it, however slowly a loaded machine hands the events over
            Files.createFile(cache.resolve("after-the-save"));
            List<String> created = new ArrayList<>();
            while (!created.contains("after-the-save")) {
                WatchKey key = watcher.poll(60, TimeUnit.SECONDS);
                assertNotNull(key, "the file made after the save was never seen");
                key.pollEvents().forEach(e -> created.add(e.context().toString()));
                key.reset();
            }
            assertEquals(List.of("after-the-save"), created);
        } finally {
            ImageIO.setCacheDirectory(before);
            ImageIO.setUseCache(used);
        }
        assertEquals(600, ImageIO.read(plots.resolve("memory.png").toFile()).getWidth());
    }

    @Test
    void savingWritesAPngAtTwiceTheSizeAndAnSvgWithEachPointDrawn() throws Exception {
        XYChart chart = Charts.chart(300, 200, null, "x", "y");
        chart.getStyler().setLegendVisible(false);
        Charts.scatter(chart, "test", new double[] {1, 2, Double.NaN, 4}, new double[] {4, 3, 2, 1}, Charts.TEST,
            SeriesMarkers.DIAMOND);
        Charts.scatter(chart, "one", new double[] {2.5}, new double[] {2.5}, Charts.PALETTE[2], SeriesMarkers.CIRCLE);
        List<Path> files = ChartFiles.save(chart, plots, "points");
        assertEquals(List.of(plots.resolve("points.png"), plots.resolve("points.svg")), files);
        BufferedImage png = ImageIO.read(files.get(0).toFile());
        assertEquals(600, png.getWidth());
        assertEquals(400, png.getHeight());
        String svg = Files.readString(files.get(1));
        assertTrue(svg.contains("viewBox=\"0 0 300 200\""), svg.substring(0, 400));
        assertEquals(3, ChartsTest.fills(svg, Charts.TEST), "the three finite points");
        assertEquals(1, ChartsTest.fills(svg, Charts.PALETTE[2]), "a single point is drawn too");
    }

    @Test
    void aFigureShowsThePngAtTheChartsSizeWithPlainAlternativeText() {
        XYChart chart = Charts.chart(440, 400, null, "x", "y");
        assertEquals("<figure><img src=\"plots/predicted-1.png\" width=\"440\" alt=\"Target loss &amp; &quot;error&quot;"
                + " - scaled.\"><figcaption>Target <code>loss &amp; \"error\"</code> &#x2014; scaled."
                + " <a href=\"plots/predicted-1.svg\">SVG</a></figcaption></figure>\n",
            ChartFiles.figure(chart, "predicted-1", "Target <code>loss &amp; \"error\"</code> &#x2014; scaled."));
    }
}
