package io.commentflow.ops;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A record's place in a topic, written {@code <partition>:<offset>}. */
record PartitionOffset(int partition, long offset) {

    @Override
    public String toString() {
        return partition + ":" + offset;
    }

    static final class Converter implements ITypeConverter<PartitionOffset> {
        @Override
        public PartitionOffset convert(String value) {
            String[] parts = value.split(":");
            try {
                if (parts.length == 2) {
                    int partition = Integer.parseInt(parts[0].strip());
                    long offset = Long.parseLong(parts[1].strip());
                    if (partition >= 0 && offset >= 0) {
                        return new PartitionOffset(partition, offset);
                    }
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("'" + value + "' is not <partition>:<offset>, e.g. 0:42");
        }
    }
}
