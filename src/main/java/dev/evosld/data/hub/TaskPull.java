package dev.evosld.data.hub;

import dev.evosld.EvosldException;
import dev.evosld.data.CsvWriter;
import dev.evosld.data.GroupNames;
import dev.evosld.data.MessageText;
import dev.evosld.data.NumberText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Pulls one task's {@code train} and {@code test} splits from the dataset viewer into
 * {@code <dataDir>/<task>/train.csv} and {@code test.csv}.
 *
 * <p>Everything that came back is checked before anything is written: every column of the
 * {@linkplain PullSpec#columns() spec} is among the split's features, the rows gathered number
 * {@code num_rows_total} and the expected count when one is given, their {@code row_idx} run without gaps,
 * no cell was truncated, every group label is one that reading the CSV back takes as a group name (not blank, no
 * line break, no character that does not show: {@link GroupNames}), and every column after the group holds JSON
 * numbers or numeric strings. The CSVs
 * hold the spec's columns in the spec's order; JSON integers are written as integers, other numbers as
 * {@link NumberText#of} writes them ({@code 4e9}, {@code 120}), except a group label that is a whole number, which is
 * written as the JSON integer of its value is ({@code 70}, not {@code 70.0}).
 *
 * <p>Each file is written under a hidden temporary name in the task's folder, forced to disk and renamed
 * over the old one atomically, so a pull that fails or is killed leaves either the old complete CSV or the
 * new one, never half of one. A manifest ({@code .hub.json}) written last records each split's row count
 * and the CSV's SHA-256; the next pull of an unchanged task then costs one {@code /splits} request and one
 * single-row request per split, and rewrites nothing. A change upstream that keeps every row count and the
 * first row of each split goes unseen; deleting the task's folder forces a fresh download.
 *
 * <p>All the tasks one {@code TaskPull} pulls (and its copies {@linkplain #withListener with another listener}) send
 * their requests through one {@link HubSession}: once the server has answered any of them, a refused connection or a
 * connect timeout later in the pull is retried as a passing outage, not taken for a wrong endpoint.
 *
 * <p>One pull at a time per data directory.
 */
public final class TaskPull {
    private static final Pattern NUMERIC = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");
    private static final String TEMPORARY_SUFFIX = ".part";
    /** The most characters of a cell a message quotes. */
    private static final int SHOWN = 60;

    private final HubSession session;
    private final HubClient hub;
    private final Path dataDir;
    private final PullListener listener;

    private TaskPull(HubSession session, Path dataDir, PullListener listener) {
        this.session = Objects.requireNonNull(session, "session");
        this.hub = session.client();
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** A pull into {@code dataDir} through a new session of {@code hub}, reporting to no one. */
    public static TaskPull into(Path dataDir, HubClient hub) {
        return new TaskPull(hub.session(), dataDir, PullListener.none());
    }

    /** This pull, in the same session, reporting each page to {@code listener}. */
    public TaskPull withListener(PullListener listener) {
        return new TaskPull(session, dataDir, listener);
    }

    /**
     * Brings the task's CSVs up to date with Hugging Face.
     *
     * @throws EvosldException when Hugging Face cannot be reached, refuses, or sends data that fails a check;
     *                         the task's folder is then as it was
     */
    public PullOutcome pull(PullSpec spec) {
        try {
            return pullChecked(spec);
        } catch (EvosldException e) {
            throw hub.blanked(e); // a check's message quotes the data, which may echo the token
        }
    }

    private PullOutcome pullChecked(PullSpec spec) {
        Path directory = dataDir.resolve(spec.task());
        requireSplits(spec, session.splits(spec.dataset()));

        var manifest = Manifest.read(directory).filter(m -> m.describes(spec));
        if (manifest.isPresent()) {
            Map<String, Long> current = currentRows(spec, directory, manifest.get());
            if (current != null) {
                return new PullOutcome(spec.task(), directory, current, PullOutcome.Status.UP_TO_DATE);
            }
        }

        Map<String, Table> tables = new LinkedHashMap<>();
        for (String split : PullSpec.SPLITS) {
            tables.put(split, download(spec, split));
        }
        write(spec, directory, tables);
        Map<String, Long> rows = new LinkedHashMap<>();
        tables.forEach((split, table) -> rows.put(split, table.numRowsTotal()));
        return new PullOutcome(spec.task(), directory, rows, PullOutcome.Status.DOWNLOADED);
    }

    /** The rows fetched for one split, converted to CSV cells. */
    private record Table(long numRowsTotal, List<List<Object>> rows) {
    }

    private static void requireSplits(PullSpec spec, List<DatasetSplit> listed) {
        List<String> configs = listed.stream()
            .filter(s -> s.dataset().equals(spec.dataset()))
            .map(DatasetSplit::config)
            .distinct()
            .toList();
        if (!configs.contains(spec.config())) {
            throw new EvosldException("hugging face has no config '" + spec.config() + "' in dataset '"
                + spec.dataset() + "' (has: " + String.join(", ", configs) + ")");
        }
        List<String> splits = listed.stream()
            .filter(s -> s.dataset().equals(spec.dataset()) && s.config().equals(spec.config()))
            .map(DatasetSplit::split)
            .toList();
        for (String split : PullSpec.SPLITS) {
            if (!splits.contains(split)) {
                throw new EvosldException("hugging face: config '" + spec.config() + "' has no split '" + split
                    + "' (has: " + String.join(", ", splits) + ")");
            }
        }
    }

    /**
     * The row counts when the local CSVs are intact and Hugging Face still has the same rows, else
     * {@code null}. Local files are checked first, so that a damaged folder costs no request at all.
     */
    private Map<String, Long> currentRows(PullSpec spec, Path directory, Manifest manifest) {
        Map<String, byte[]> local = new LinkedHashMap<>();
        for (String split : PullSpec.SPLITS) {
            Manifest.SplitState state = manifest.splits().get(split);
            if (state == null) {
                return null;
            }
            try {
                byte[] bytes = Files.readAllBytes(csvOf(directory, split));
                if (!PulledFiles.sha256(bytes).equals(state.sha256())) {
                    return null;
                }
                local.put(split, bytes);
            } catch (IOException e) {
                return null;
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String split : PullSpec.SPLITS) {
            RowsPage probe = session.rows(spec.dataset(), spec.config(), split, 0, 1);
            long total = checkFirstPage(spec, split, probe);
            if (total != manifest.splits().get(split).numRowsTotal()) {
                return null;
            }
            if (!probe.rows().isEmpty()) {
                // Same count but a different first row means the data was revised in place.
                if (!startsWithRow(new String(local.get(split), StandardCharsets.UTF_8), spec.columns(),
                    cells(spec, split, probe.rows().getFirst()))) {
                    return null;
                }
            }
            rows.put(split, total);
        }
        return rows;
    }

    /**
     * Whether a local CSV starts with the header and this first row, its numbers written as now or as pulls before
     * {@code 1e9} were written {@code 1.0E9}: a folder those pulled holds the same values, and downloading it again
     * would only respell them, changing its checksum under every run that recorded it.
     */
    private static boolean startsWithRow(String csv, List<String> columns, List<Object> row) {
        String header = CsvWriter.record(columns) + "\n";
        List<Object> javaSpelling = row.stream()
            .map(cell -> cell instanceof Double value ? (Object) Double.toString(value) : cell)
            .toList();
        return csv.startsWith(header + CsvWriter.record(row) + "\n")
            || csv.startsWith(header + CsvWriter.record(javaSpelling) + "\n");
    }

    private Table download(PullSpec spec, String split) {
        List<List<Object>> rows = new ArrayList<>();
        long total = -1;
        long offset = 0;
        do {
            RowsPage page = session.rows(spec.dataset(), spec.config(), split, offset, HubClient.MAX_PAGE_LENGTH);
            if (total < 0) {
                total = checkFirstPage(spec, split, page);
            } else if (page.numRowsTotal() != total) {
                throw new EvosldException(where(spec, split) + " changed during the pull (num_rows_total "
                    + total + ", then " + page.numRowsTotal() + "); pull again");
            }
            if (page.rows().isEmpty() && offset < total) {
                throw new EvosldException(where(spec, split) + " returned no rows at offset " + offset
                    + " of " + total);
            }
            for (RowsPage.Row row : page.rows()) {
                if (row.rowIdx() != offset) {
                    throw new EvosldException(where(spec, split) + " returned row_idx " + row.rowIdx()
                        + " where " + offset + " was due");
                }
                rows.add(cells(spec, split, row));
                offset++;
            }
            listener.onPage(spec.task(), split, offset, total);
        } while (offset < total);
        if (offset != total) {
            throw new EvosldException(where(spec, split) + " gave " + offset + " rows, but num_rows_total says "
                + total);
        }
        return new Table(total, rows);
    }

    /** Checks what a split's first page says about the whole split and returns its row count. */
    private static long checkFirstPage(PullSpec spec, String split, RowsPage page) {
        List<String> names = page.columnNames();
        for (String column : spec.columns()) {
            if (!names.contains(column)) {
                throw new EvosldException(where(spec, split) + " lacks column '" + column + "' (has: "
                    + String.join(", ", names) + ")");
            }
        }
        if (page.partial()) {
            throw new EvosldException(where(spec, split) + " is served only in part (partial: true), so its "
                + page.numRowsTotal() + " rows are not all of it");
        }
        long total = page.numRowsTotal();
        spec.expectedRows(split).ifPresent(expected -> {
            if (total != expected) {
                throw new EvosldException(where(spec, split) + " has " + total + " rows, expected " + expected);
            }
        });
        return total;
    }

    /** The row's cells in the spec's column order: the group as text, every other column as a number. */
    private List<Object> cells(PullSpec spec, String split, RowsPage.Row row) {
        List<Object> cells = new ArrayList<>(spec.columns().size());
        for (String column : spec.columns()) {
            Cell cell = row.cells().get(column);
            String at = where(spec, split) + " row " + row.rowIdx() + " column '" + column + "'";
            if (cell == null) {
                throw new EvosldException(at + " is missing");
            }
            if (row.truncatedCells().contains(column)) {
                throw new EvosldException(at + " was truncated by the server");
            }
            cells.add(column.equals(spec.groupColumn()) ? group(cell, at) : number(cell, at));
        }
        return cells;
    }

    private static String group(Cell cell, String at) {
        return switch (cell) {
            case Cell.Text(String value) -> readable(value, at);
            case Cell.Whole(long value) -> Long.toString(value);
            case Cell.Real(double value) -> label(value);
            case Cell.Empty() -> throw new EvosldException(at + " is empty");
            case Cell.Other(String kind) -> throw new EvosldException(at + " is " + kind + ", not a group label");
        };
    }

    /**
     * A label sent as a JSON float, spelled as the same value sent as a JSON integer is ({@code 70}, not {@code 70.0}),
     * or else as every number column is written: a label is a group's name, and a column of integers served as
     * floats (as one holding a missing value may be) must name the same groups as one served as integers.
     */
    private static String label(double value) {
        return value == Math.rint(value) && Math.abs(value) < 0x1p63 ? Long.toString((long) value)
            : NumberText.of(value);
    }

    /**
     * The label to write, once reading the CSV back (which strips it) is sure to take it as a group name: a label
     * that the read would refuse, naming a file the user never wrote, is refused here instead, naming its row,
     * before anything is written.
     */
    private static String readable(String label, String at) {
        String name = label.strip();
        if (name.isEmpty()) {
            throw new EvosldException(at + " is empty");
        }
        if (GroupNames.breaksLine(name)) {
            throw new EvosldException(at + ": " + MessageText.quote(name) + " holds a line break, which no group name"
                + " may hold: every message and table that names a group is one line");
        }
        GroupNames.hiddenCharacter(name).ifPresent(c -> {
            throw new EvosldException(at + ": " + MessageText.quote(name) + " holds a character that does not show"
                + String.format(Locale.ROOT, " (U+%04X),", c) + " which no group name may hold: it would name a group"
                + " apart from the one it looks like");
        });
        return label;
    }

    private Object number(Cell cell, String at) {
        return switch (cell) {
            case Cell.Whole(long value) -> value;
            case Cell.Real(double value) -> finite(value, at, Double.toString(value));
            case Cell.Text(String text) -> {
                if (WHOLE.matcher(text).matches()) {
                    yield Long.parseLong(text);
                }
                if (NUMERIC.matcher(text).matches()) {
                    yield finite(Double.parseDouble(text), at, text);
                }
                throw new EvosldException(at + " is not a number: " + shown(text));
            }
            case Cell.Empty() -> throw new EvosldException(at + " is empty");
            case Cell.Other(String kind) -> throw new EvosldException(at + " is " + kind + ", not a number");
        };
    }

    /**
     * A cell's text in double quotes, its first {@value #SHOWN} characters when longer, with its length: a cell may hold
     * a whole document. The token is blanked out before the cut, which could otherwise leave part of it.
     */
    private String shown(String text) {
        String blanked = hub.blank(text);
        int length = blanked.codePointCount(0, blanked.length());
        if (length <= SHOWN) {
            return "\"" + MessageText.escaped(blanked) + "\"";
        }
        return "\"" + MessageText.escaped(blanked.substring(0, blanked.offsetByCodePoints(0, SHOWN))) + "...\" ("
            + length + " characters)";
    }

    private static Double finite(double value, String at, String text) {
        if (!Double.isFinite(value)) {
            throw new EvosldException(at + " is not a finite number: " + text);
        }
        return value;
    }

    private void write(PullSpec spec, Path directory, Map<String, Table> tables) {
        List<Path> staged = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            removeLeftovers(directory);
            Map<String, Manifest.SplitState> states = new LinkedHashMap<>();
            Map<Path, Path> renames = new LinkedHashMap<>();
            for (Map.Entry<String, Table> table : tables.entrySet()) {
                byte[] csv = CsvWriter.render(spec.columns(), table.getValue().rows())
                    .getBytes(StandardCharsets.UTF_8);
                Path target = csvOf(directory, table.getKey());
                Path temporary = stage(target, csv);
                staged.add(temporary);
                renames.put(temporary, target);
                states.put(table.getKey(),
                    new Manifest.SplitState(table.getValue().numRowsTotal(), PulledFiles.sha256(csv)));
            }
            Manifest manifest = new Manifest(spec.dataset(), spec.config(), spec.columns(), states);
            Path manifestFile = directory.resolve(Manifest.FILE_NAME);
            Path temporaryManifest = stage(manifestFile, manifest.toJson());
            staged.add(temporaryManifest);
            // The manifest goes last: should we stop between two renames, its checksums no longer match the
            // files and the next pull downloads again instead of trusting a half-updated folder.
            renames.put(temporaryManifest, manifestFile);
            for (Map.Entry<Path, Path> rename : renames.entrySet()) {
                Files.move(rename.getKey(), rename.getValue(), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new EvosldException("cannot write " + directory + ": " + e.getClass().getSimpleName() + " "
                + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), e);
        } finally {
            for (Path temporary : staged) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // a hidden leftover; the next pull removes it
                }
            }
        }
    }

    /** Writes {@code bytes} beside {@code target} under a hidden name, on disk before it is renamed. */
    private static Path stage(Path target, byte[] bytes) throws IOException {
        // Not Files.createTempFile: its owner-only permissions would stick to the renamed CSV.
        Path temporary = target.resolveSibling(
            "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime()
                + TEMPORARY_SUFFIX);
        try (FileChannel channel = FileChannel.open(
            temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        return temporary;
    }

    /** Removes the temporary files of a pull that was killed before it could clean up. */
    private static void removeLeftovers(Path directory) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, ".*" + TEMPORARY_SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        } catch (NoSuchFileException e) {
            // nothing to clean
        }
    }

    private static Path csvOf(Path directory, String split) {
        return directory.resolve(split + ".csv");
    }

    private static String where(PullSpec spec, String split) {
        return "hugging face: config '" + spec.config() + "' split '" + split + "'";
    }
}
