package dev.evosld.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.evosld.fit.Loss;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LossConverterTest {
    private final LossConverter converter = new LossConverter();

    @Test
    void readsALossInAnyCase() {
        assertEquals(Loss.SQUARED, converter.convert("squared"));
        assertEquals(Loss.HUBER, converter.convert("HUBER"));
        assertEquals(Loss.HUBER, converter.convert(" Huber "));
    }

    @Test
    void refusesAnotherNameListingTheLossesAsTheHelpWritesThem() {
        assertEquals("'l1' is no loss this fit knows; give squared or huber",
            assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert("l1")).getMessage());
    }
}
