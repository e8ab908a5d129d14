package io.customerauth.importer.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Streams the elements of a top-level JSON array one at a time with Jackson's streaming parser: memory holds one
 * record, whatever the size of the file. Each element comes back as a tree (any JSON value: validation decides).
 */
public final class RecordReader implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonParser parser;
    private final long fileSize;
    private long nextIndex;
    private boolean finished;

    private RecordReader(JsonParser parser, long fileSize) {
        this.parser = parser;
        this.fileSize = fileSize;
    }

    public static RecordReader open(Path file) throws InputException {
        try {
            long size = Files.size(file);
            InputStream in = Files.newInputStream(file);
            JsonParser parser = new JsonFactory(MAPPER).createParser(in);
            RecordReader reader = new RecordReader(parser, size);
            reader.expectArrayStart();
            return reader;
        } catch (NoSuchFileException e) {
            throw new InputException("File not found: " + file);
        } catch (IOException e) {
            throw new InputException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The next element, or {@code null} at the end of the array. */
    public JsonNode next() throws InputException {
        if (finished) {
            return null;
        }
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                finished = true;
                if (parser.nextToken() != null) {
                    throw new InputException("Unexpected content after the closing ] at " + where());
                }
                return null;
            }
            if (token == null) {
                throw new InputException("The file ends before the array is closed (after record " + (nextIndex - 1)
                        + ")");
            }
            JsonNode node = parser.readValueAsTree();
            nextIndex++;
            return node;
        } catch (JsonProcessingException e) {
            finished = true;
            if (e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage()).contains("end-of-input")) {
                throw new InputException("The file ends in the middle of record " + nextIndex
                        + " (the array is never closed)", e);
            }
            throw new InputException("Malformed JSON in record " + nextIndex + " at " + where(), e);
        } catch (IOException e) {
            finished = true;
            throw new InputException("Cannot read record " + nextIndex + ": " + e.getMessage(), e);
        }
    }

    /** The zero-based index the next element will have. */
    public long nextIndex() {
        return nextIndex;
    }

    public long bytesRead() {
        return Math.max(0, parser.currentLocation().getByteOffset());
    }

    public long fileSize() {
        return fileSize;
    }

    private void expectArrayStart() throws InputException, IOException {
        try {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new InputException("The file is not a JSON array of customer records");
            }
        } catch (JsonProcessingException e) {
            throw new InputException("The file is not JSON (" + where() + ")", e);
        }
    }

    private String where() {
        JsonLocation location = parser.currentLocation();
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // Closing a read-only stream: nothing to recover.
        }
    }
}
