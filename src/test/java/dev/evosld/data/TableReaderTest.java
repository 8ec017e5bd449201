package dev.evosld.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableReaderTest {
    private static final List<String> FEATURES = List.of("x", "y");
    private static final List<String> TARGETS = List.of("loss");

    private static Table read(String csv) throws IOException {
        return TableReader.read(new StringReader(csv), "t.csv", "group", FEATURES, TARGETS).table();
    }

    private static String error(String csv) {
        return assertThrows(DataException.class, () -> read(csv)).getMessage();
    }

    @Test
    void readsColumnsByNameIgnoringOrderAndExtraColumns() throws IOException {
        Table table = read("""
            ,loss,extra,y,group,x
            0,3.5,foo,20,b,1
            1,2.5,bar,40,a,2
            2,1.5,,80,b,4
            """);
        assertEquals(FEATURES, table.features());
        assertEquals(TARGETS, table.targets());
        assertEquals(List.of("b", "a"), table.groups().stream().map(Group::name).toList(), "order of first row");
        Group b = table.group("b").orElseThrow();
        assertArrayEquals(new double[] {1, 4}, b.feature(0));
        assertArrayEquals(new double[] {20, 80}, b.feature(1));
        assertArrayEquals(new double[] {3.5, 1.5}, b.target(0));
        assertEquals(3, table.rows());
    }

    @Test
    void withoutGroupColumnAllRowsFormOneGroupNamedAll() throws IOException {
        Table table = TableReader.read(new StringReader("x,y,loss\n1,2,3\n4,5,6\n"), "t.csv", null, FEATURES, TARGETS).table();
        assertEquals(List.of("all"), table.groups().stream().map(Group::name).toList());
        assertEquals(2, table.groups().getFirst().rows());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e+16", "1E-5", ".5", "5.", "-0.0", "+3", "535813376", "4.9E-324", "1.7976931348623157E308"})
    void acceptsDecimalNumbers(String number) throws IOException {
        Table table = read("group,x,y,loss\ng," + number + ",1,1\n");
        assertEquals(Double.parseDouble(number), table.groups().getFirst().feature(0, 0));
    }

    @Test
    void missingColumnNamesItAndListsTheHeader() {
        assertEquals("t.csv:1: missing column 'loss' (header has: group, x, y, losses)", error("group,x,y,losses\ng,1,2,3\n"));
        assertEquals("t.csv:1: missing column 'group' (header has: x, y, loss)", error("x,y,loss\n1,2,3\n"));
        assertEquals("t.csv:1: missing column 'loss' (header has: group, x, y)", error("group , x, y\ng,1,2\n"),
            "the names as read, without their padding");
        assertEquals("t.csv:1: missing column 'group' (header has: group;x;y;loss); the file seems separated by ';',"
            + " and EvoSLD reads comma-separated files", error("group;x;y;loss\ng;1;2;3\n"));
        assertEquals("t.csv:1: missing column 'group' (header has: 'group\\tx\\ty\\tloss'); the file seems separated by"
            + " tabs, and EvoSLD reads comma-separated files", error("group\tx\ty\tloss\ng\t1\t2\t3\n"));
    }

    @Test
    void aHeaderNameThatDiffersInCaseAloneIsPointedOut() {
        // a user's Group for --group group: the message listed it without saying it was the one
        assertEquals("t.csv:1: missing column 'group' (header has: Group, x, y, loss); did you mean 'Group'? Names are"
            + " case-sensitive", error("Group,x,y,loss\ng,1,2,3\n"));
    }

    @Test
    void aSpreadsheetsSeparatorLineIsPointedOutRatherThanReadAsTheHeader() {
        // Excel writes sep=, above the header of a CSV it is told to keep comma-separated
        assertEquals("t.csv:1: missing column 'group' (header has: sep=, ''); the first line, 'sep=,', is a"
            + " spreadsheet's note of the separator, not the header: delete it", error("sep=,\ngroup,x,y,loss\ng,1,2,3\n"));
    }

    @Test
    void duplicateHeader() {
        assertEquals("t.csv:1: duplicate column 'x'", error("group,x,y,x,loss\ng,1,2,3,4\n"));
        assertEquals("t.csv:1: duplicate column 'group'", error("group,x,y,loss,group\ng,1,2,3,h\n"));
    }

    @Test
    void aDuplicateColumnNobodyAsksForIsIgnoredLikeAnyOtherColumn() throws IOException {
        // two 'notes' columns of a spreadsheet, or a DataFrame's repeated column, beside the runs read
        Table table = read("group,notes,x,y,loss,notes\ng,first,1,2,3,again\ng,,2,4,5,\n");
        assertArrayEquals(new double[] {3, 5}, table.group("g").orElseThrow().target(0));
    }

    @Test
    void nonNumericCell() {
        assertEquals("t.csv:3: column 'loss': not a number: 'abc'", error("group,x,y,loss\ng,1,2,3\ng,1,2,abc\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 5", "0x1p3", "1d", "1.5f", "1e", "e5", "--1", "1_000", "１"})
    void rejectsWhatParseDoubleWouldAcceptOrGuess(String cell) {
        assertEquals("t.csv:2: column 'x': not a number: '" + cell + "'", error("group,x,y,loss\ng," + cell + ",2,3\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10,000,000", "1,000", "-2,500.5"})
    void aNumberWithThousandsSeparatorsSaysSo(String cell) {
        assertEquals("t.csv:2: column 'x': not a number: '" + cell + "' (thousands separators are not read: write "
            + cell.replace(",", "") + ")", error("group,x,y,loss\ng,\"" + cell + "\",2,3\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3,5", "0,25", "12,5e3"})
    void aNumberWithADecimalCommaSaysSo(String cell) {
        assertEquals("t.csv:2: column 'x': not a number: '" + cell + "' (a decimal comma: write " + cell.replace(',', '.')
            + ")", error("group,x,y,loss\ng,\"" + cell + "\",2,3\n"));
    }

    @Test
    void noBreakSpacesAroundANumberArePaddingLikeAnyBlank() throws IOException {
        // observed (helper b): a number pasted from a web page or a word processor keeps its no-break spaces, which
        // String.strip() leaves, and was refused as not a number though README calls blanks around numbers padding
        Table table = read("group,x,y,loss\ng,\u00a01e+07\u00a0,\u202f2 ,3\u2007\n");
        Group g = table.group("g").orElseThrow();
        assertArrayEquals(new double[] {1e7}, g.feature(0));
        assertArrayEquals(new double[] {2}, g.feature(1));
        assertArrayEquals(new double[] {3}, g.target(0));
    }

    @Test
    void aTypographicMinusOrAPercentSignSaysWhatToWrite() {
        // observed (helper b): numbers copied from a paper or a spreadsheet got a bare "not a number"
        assertEquals("t.csv:2: column 'x': not a number: '\u22124.6' (a typographic minus, U+2212: write -4.6)",
            error("group,x,y,loss\ng,\u22124.6,2,3\n"));
        assertEquals("t.csv:2: column 'x': not a number: '45%' (a percentage: write 0.45, or 45 without the sign)",
            error("group,x,y,loss\ng,45%,2,3\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"nan", "NaN", "inf", "-inf", "+inf", "Infinity", "-Infinity", "1e999", "-1e999"})
    void nanAndInfinityCells(String cell) {
        assertEquals("t.csv:2: column 'loss': not a finite number: '" + cell + "'", error("group,x,y,loss\ng,1,2," + cell + "\n"));
    }

    @Test
    void aNumberBelowTheNormalDoublesIsRefusedWhereItWouldLoseTheDigitsWritten() throws IOException {
        // 1.01e-323 and 1.02e-323 both read as 9.9e-324: two runs that differ would become one
        assertEquals("t.csv:2: column 'x': '1.01e-323' is too small for a double to hold its digits (it would read as"
            + " 9.9e-324); rescale the column", error("group,x,y,loss\ng,1.01e-323,2,3\n"));
        assertEquals("t.csv:3: column 'loss': '-3.00000000000001e-310' is too small for a double to hold its digits (it"
            + " would read as -3e-310); rescale the column", error("group,x,y,loss\ng,1,2,3\ng,1,2,-3.00000000000001e-310\n"));
        assertEquals(Double.NaN, TableReader.decimal("1.01e-323"), "a split rule's or a planned run's number alike");
        // what a double below them holds, written with the digits it has, reads back: the files EvoSLD writes do
        assertEquals(-3.0000000000001e-310, read("group,x,y,loss\ng,-3.0000000000001e-310,2,3\n").groups().getFirst()
            .feature(0, 0));
        assertEquals(4.9e-324, TableReader.decimal("4.9e-324"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-400", "-2.5E-330", "0.000001e-320"})
    void aNumberTooSmallForADoubleIsRefusedRatherThanReadAsZero(String cell) {
        assertEquals("t.csv:2: column 'x': '" + cell + "' is too small for a double and would read as 0; rescale the"
            + " column", error("group,x,y,loss\ng," + cell + ",2,3\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.000", "-0.0", "0e-400", "00.0E+5"})
    void zeroWrittenAnyWayIsStillZero(String cell) throws IOException {
        Table table = read("group,x,y,loss\ng," + cell + ",1,1\n");
        assertEquals(0.0, Math.abs(table.groups().getFirst().feature(0, 0)));
    }

    @Test
    void emptyCell() {
        assertEquals("t.csv:2: column 'y': empty cell", error("group,x,y,loss\ng,1,,3\n"));
    }

    @Test
    void raggedRows() {
        assertEquals("t.csv:3: expected 4 fields as in the header, found 5", error("group,x,y,loss\ng,1,2,3\ng,1,2,3,4\n"));
        assertEquals("t.csv:2: expected 4 fields as in the header, found 3", error("group,x,y,loss\r\ng,1,2\r\n"));
    }

    @Test
    void aCommaThatEndsTheRowsOrTheHeaderAloneIsPointedOut() throws IOException {
        // a script's print(..., end=',') or a spreadsheet's empty last column: the fields line up but one line is longer
        assertEquals("t.csv:2: expected 4 fields as in the header, found 5: the line ends in a comma, which the header"
            + " does not (end both alike)", error("group,x,y,loss\ng,1,2,3,\ng,2,3,4,\n"));
        assertEquals("t.csv:2: expected 5 fields as in the header, found 4: the header ends in a comma, which the line"
            + " does not (end both alike)", error("group,x,y,loss,\ng,1,2,3\n"));
        assertEquals("t.csv:2: expected 4 fields as in the header, found 5", error("group,x,y,loss\ng,1,2,3,4\n"),
            "a fifth value is no trailing comma");
        assertEquals(2, read("group,x,y,loss,\ng,1,2,3,\ng,2,3,4,\n").rows(), "both ending alike is an unnamed column");
    }

    @Test
    void errorLinesArePhysicalAfterAMultiLineCell() {
        // a group name may not hold a line break, but a column EvoSLD does not read may
        assertEquals("t.csv:4: column 'x': not a number: 'oops'",
            error("group,x,y,loss,notes\na,1,2,3,\"two\nlines\"\nc,oops,2,3,\n"));
    }

    @Test
    void aBlankLineBetweenRunsIsAnErrorAndBlankLinesAtTheEndAreNot() throws IOException {
        assertEquals("t.csv:3: blank line", error("group,x,y,loss\ng,1,2,3\n\ng,1,2,3\n"));
        assertEquals("t.csv:3: blank line", error("group,x,y,loss\ng,1,2,3\n \n\ng,1,2,3\n"));
        assertEquals(1, read("group,x,y,loss\ng,1,2,3\n\n").groups().getFirst().rows());
        assertEquals(1, read("group,x,y,loss\r\ng,1,2,3\r\n\r\n  \r\n").groups().getFirst().rows());
    }

    @Test
    void rowsOfEmptyCellsAtTheEndAreASpreadsheetsAndBetweenRunsAnError() throws IOException {
        // a spreadsheet saved as CSV ends with rows of commas where cells were once formatted
        assertEquals(2, read("group,x,y,loss\ng,1,2,3\ng,2,2,3\n,,,\n , ,,\n").groups().getFirst().rows());
        assertEquals("t.csv:3: row of empty cells", error("group,x,y,loss\ng,1,2,3\n,,,\ng,1,2,3\n"));
    }

    @Test
    void blanksAroundNamesAndNumbersArePadding() throws IOException {
        Table table = read(" group , x,y ,loss\ng1 ,1, 2 ,3.5\n g1,\" 4\",5,6e-1 \n");
        assertEquals(List.of("g1"), table.groups().stream().map(Group::name).toList(), "one group, not two");
        Group g1 = table.groups().getFirst();
        assertArrayEquals(new double[] {1, 4}, g1.feature(0));
        assertArrayEquals(new double[] {2, 5}, g1.feature(1));
        assertArrayEquals(new double[] {3.5, 0.6}, g1.target(0));
    }

    @Test
    void aHeaderNameOrCellHoldingACharacterThatDoesNotShowIsSpelledOutInTheError() {
        assertEquals("t.csv:1: missing column 'x' (header has: group, 'x\\u200b', y, loss)",
            error("group,x\u200b,y,loss\ng,1,2,3\n"));
        assertEquals("t.csv:2: column 'x': not a number: '\\u200b1'", error("group,x,y,loss\ng,\u200b1,2,3\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ufeffa", "a\u00ad", "a\u200b", "\u202ea", "a\u0007"})
    void aGroupNameHoldingACharacterThatDoesNotShowIsRefusedRatherThanMadeAGroupOfItsOwn(String name) {
        int hidden = name.chars().filter(c -> c != 'a').findFirst().orElseThrow();
        assertEquals("t.csv:3: column 'group': " + MessageText.quote(name) + " holds a character that does not show"
            + String.format(" (U+%04X), so it would name a group apart from the one it looks like", hidden),
            error("group,x,y,loss\na,1,2,3\n" + name + ",2,3,4\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\nb", "a\r\nb", "a\rb", " a\n b "})
    void aGroupNameHoldingALineBreakIsRefusedSinceMessagesNameAGroupOnOneLine(String name) {
        // a quoted cell may hold a line break; the record starts on line 3, whatever lines it spans
        assertEquals("t.csv:3: column 'group': " + MessageText.quote(name.strip()) + " holds a line break; a group name"
            + " must fit on one line, as the messages and tables that name it do, so join its lines",
            error("group,x,y,loss\na,1,2,3\n\"" + name + "\",2,3,4\nb,1,2,3\n"));
    }

    @Test
    void aGroupNameOfVisibleCharactersReadsWhateverItsScriptOrSpaces() throws IOException {
        Table table = read("group,x,y,loss\n\"('opt-350m', 'wiki')\",1,2,3\ncafé µ,1,2,3\n70\u202fM,1,2,3\n");
        assertEquals(List.of("('opt-350m', 'wiki')", "café µ", "70\u202fM"), table.groups().stream().map(Group::name).toList(),
            "a narrow no-break space, as French numbers are written, shows as a space");
    }

    @Test
    void aGroupNameIsOneGroupWhicheverUnicodeFormItsAccentsAreWrittenIn() throws IOException {
        // an é typed as one character, and as e with a combining accent (as some editors and systems write it)
        Table table = read("group,x,y,loss\ncaf\u00e9,1,2,3\ncafe\u0301,2,3,4\n");
        assertEquals(List.of("caf\u00e9"), table.groups().stream().map(Group::name).toList());
        assertEquals(2, table.groups().getFirst().rows());
    }

    @Test
    void emptyGroupName() {
        assertEquals("t.csv:2: column 'group': empty group name", error("group,x,y,loss\n,1,2,3\n"));
        assertEquals("t.csv:2: column 'group': empty group name", error("group,x,y,loss\n\"\",1,2,3\n"));
    }

    @Test
    void emptyFileAndHeaderOnly() {
        assertEquals("t.csv: empty file (expected a header line)", error(""));
        assertEquals("t.csv: no data rows, only a header", error("group,x,y,loss\n"));
    }

    @Test
    void groupColumnThatIsAlsoAFeature() {
        DataException e = assertThrows(DataException.class,
            () -> TableReader.read(new StringReader("x,y,loss\n1,2,3\n"), "t.csv", "x", FEATURES, TARGETS));
        assertEquals("t.csv: column 'x' holds the group names, so it cannot also be a feature or target", e.getMessage());
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path file = dir.resolve("nope.csv");
        DataException e = assertThrows(DataException.class, () -> TableReader.read(file, "group", FEATURES, TARGETS));
        assertEquals(file + ": no such file", e.getMessage());
        e = assertThrows(DataException.class, () -> TableReader.read(dir, "group", FEATURES, TARGETS));
        assertEquals(dir + ": a folder, not a CSV file", e.getMessage());
        e = assertThrows(DataException.class, () -> TableReader.read(Path.of(""), "group", FEATURES, TARGETS));
        assertEquals("no file named (an empty path)", e.getMessage());
    }

    @Test
    void notUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, new byte[] {'g', 'r', 'o', 'u', 'p', ',', 'x', ',', 'y', ',', 'l', 'o', 's', 's', '\n', (byte) 0xE9, ',', '1', ',', '2', ',', '3', '\n'});
        DataException e = assertThrows(DataException.class, () -> TableReader.read(file, "group", FEATURES, TARGETS));
        assertEquals(file + ":2: not UTF-8 text", e.getMessage());
    }

    @Test
    void utf16AsASpreadsheetSavesUnicodeTextSaysSoAndHowToSaveIt(@TempDir Path dir) throws IOException {
        // Excel's 'Unicode Text' and some Windows tools write UTF-16 with a byte order mark, little- or big-endian
        for (var charset : List.of(java.nio.charset.StandardCharsets.UTF_16LE, java.nio.charset.StandardCharsets.UTF_16BE)) {
            Path file = dir.resolve(charset.name() + ".csv");
            Files.writeString(file, "\uFEFFgroup,x,y,loss\r\ng,1,2,3\r\n", charset);
            DataException e = assertThrows(DataException.class, () -> TableReader.read(file, "group", FEATURES, TARGETS));
            assertEquals(file + ":1: not UTF-8 text but UTF-16 (as a spreadsheet saves 'Unicode Text'); save it as"
                + " 'CSV UTF-8'", e.getMessage());
        }
    }
}
