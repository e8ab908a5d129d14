package io.customerauth.importer.input;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;

/** Compact JSON with one array element per line: big files stay greppable and diffable. */
public final class JsonLines extends MinimalPrettyPrinter {

    private static final long serialVersionUID = 1L;

    @Override
    public void beforeArrayValues(JsonGenerator generator) throws IOException {
        generator.writeRaw('\n');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator generator) throws IOException {
        generator.writeRaw(",\n");
    }

    @Override
    public void writeEndArray(JsonGenerator generator, int nrOfValues) throws IOException {
        if (nrOfValues > 0) {
            generator.writeRaw('\n');
        }
        generator.writeRaw(']');
    }
}
