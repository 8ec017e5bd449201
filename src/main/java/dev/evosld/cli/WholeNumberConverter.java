package dev.evosld.cli;

import java.math.BigInteger;
import java.util.function.LongFunction;
import picocli.CommandLine;

/**
 * Reads a count or a seed in words a user knows: picocli's own refusal says {@code '1e3' is not an int} (or {@code a
 * long}), and says so of a whole number too large to hold as well.
 */
final class WholeNumberConverter<T> implements CommandLine.ITypeConverter<T> {
    private final long least;
    private final long most;
    private final LongFunction<T> box;

    private WholeNumberConverter(long least, long most, LongFunction<T> box) {
        this.least = least;
        this.most = most;
        this.box = box;
    }

    static WholeNumberConverter<Integer> ints() {
        return new WholeNumberConverter<>(Integer.MIN_VALUE, Integer.MAX_VALUE, n -> (int) n);
    }

    static WholeNumberConverter<Long> longs() {
        return new WholeNumberConverter<>(Long.MIN_VALUE, Long.MAX_VALUE, n -> n);
    }

    @Override
    public T convert(String value) {
        String text = value.strip();
        if (!text.matches("[+-]?\\d+")) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a whole number");
        }
        BigInteger number = new BigInteger(text);
        if (number.compareTo(BigInteger.valueOf(least)) < 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is less than " + least);
        }
        if (number.compareTo(BigInteger.valueOf(most)) > 0) {
            throw new CommandLine.TypeConversionException("'" + value + "' is more than " + most);
        }
        return box.apply(number.longValueExact());
    }
}
