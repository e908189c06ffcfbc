package dev.cxm.core.internal.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import dev.cxm.core.io.CxmJson;
import dev.cxm.core.io.RejectedRow;
import dev.cxm.core.model.CustomerEvent;

/** Reads one JSON event per line; blank lines are skipped. */
public final class NdjsonRowReader implements RowReader {

    private static final ObjectReader EVENT_READER = CxmJson.mapper().readerFor(CustomerEvent.class);

    private final BufferedReader input;
    private long line;

    /** Reads events from {@code input}. */
    public NdjsonRowReader(Reader input) {
        this.input = input instanceof BufferedReader buffered ? buffered : new BufferedReader(input);
    }

    @Override
    public Optional<ParsedRow> next() throws IOException {
        for (String text = input.readLine(); text != null; text = input.readLine()) {
            line++;
            if (!text.isBlank()) {
                return Optional.of(parse(text));
            }
        }
        return Optional.empty();
    }

    private ParsedRow parse(String text) {
        try {
            return new ParsedRow.Accepted(line, EVENT_READER.readValue(text));
        } catch (JsonProcessingException e) {
            return new ParsedRow.Rejected(new RejectedRow(line, property(e), reason(e)), false);
        }
    }

    private static Optional<String> property(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining("."));
            return Optional.of(path);
        }
        return Optional.empty();
    }

    /** Explains the failure without quoting the input, which may hold personal data. */
    private static String reason(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException invalid && invalid.getCause() != null
                && invalid.getCause().getMessage() != null) {
            return invalid.getCause().getMessage();
        }
        if (e instanceof InvalidTypeIdException) {
            return "the \"type\" is missing or unknown; expected interaction, purchase or feedback";
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown property \"" + unknown.getPropertyName() + "\"";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return "the value is missing or is not a valid " + mismatch.getTargetType().getSimpleName();
        }
        if (e instanceof JsonMappingException) {
            return "the value is not valid here";
        }
        return "the line is not a JSON object";
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}
