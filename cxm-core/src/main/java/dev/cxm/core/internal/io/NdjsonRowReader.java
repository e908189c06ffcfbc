package dev.cxm.core.internal.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
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
        if (e instanceof UnrecognizedPropertyException unknown) {
            // The path ends in the unknown name itself: input text, so only its parent is named.
            List<JsonMappingException.Reference> parents = unknown.getPath().subList(0, Math.max(0,
                    unknown.getPath().size() - 1));
            return parents.isEmpty() ? Optional.empty() : Optional.of(pathOf(parents));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return Optional.of(pathOf(mapping.getPath()));
        }
        return Optional.empty();
    }

    private static String pathOf(List<JsonMappingException.Reference> references) {
        return references.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                .collect(Collectors.joining("."));
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
        if (e instanceof UnrecognizedPropertyException) {
            return "a property cxm's event JSON does not have (its name is not repeated here: it is input text)";
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
