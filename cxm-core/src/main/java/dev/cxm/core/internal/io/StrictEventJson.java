package dev.cxm.core.internal.io;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;

import dev.cxm.core.io.CxmJson;
import dev.cxm.core.io.RejectedRow;
import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.FeedbackScale;
import dev.cxm.core.model.Money;
import dev.cxm.core.model.Touchpoint;

/**
 * Reads one line of NDJSON into an event with Jackson's data binding, as strictly as the CSV reader reads a
 * row: a duplicate key, a fraction where an integer belongs and a string where a number belongs reject the line,
 * naming the property; every rejection says why without quoting the input. It is the authority on what a line
 * means: {@link NdjsonRowReader} reads the lines it can without it, and hands it every other line.
 */
final class StrictEventJson {

    private static final String ATTRIBUTES = "attributes";
    private static final ObjectReader EVENT_READER = strictReader();
    /** The property names of cxm's event JSON: safe to name in a reason, unlike other keys (input text). */
    private static final Set<String> PROPERTIES = Stream.of(Stream.of("type"),
                    Stream.of(ModelMixins.InteractionMixin.class, ModelMixins.PurchaseMixin.class,
                                    ModelMixins.FeedbackResponseMixin.class)
                            .flatMap(mixin -> Stream.of(mixin.getAnnotation(JsonPropertyOrder.class).value())),
                    Stream.of(Touchpoint.class, Money.class, FeedbackScale.class)
                            .flatMap(type -> Stream.of(type.getRecordComponents())).map(RecordComponent::getName))
            .flatMap(names -> names)
            .collect(Collectors.toUnmodifiableSet());

    private StrictEventJson() {}

    /** Returns cxm's event reader, made strict about numbers and keys, on a mapper of its own. */
    private static ObjectReader strictReader() {
        ObjectMapper mapper = CxmJson.newMapper();
        for (LogicalType numeric : List.of(LogicalType.Integer, LogicalType.Float)) {
            mapper.coercionConfigFor(numeric).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper.readerFor(CustomerEvent.class)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
    }

    /**
     * Reads {@code text}, line {@code line} of the input, into an event or the reason it is none.
     *
     * @param line the line's number
     * @param text the line, without its line break
     * @return the row
     */
    static ParsedRow parse(long line, String text) {
        try {
            return new ParsedRow.Accepted(line, EVENT_READER.readValue(text));
        } catch (JsonProcessingException e) {
            return new ParsedRow.Rejected(rejection(line, e), false);
        }
    }

    private static RejectedRow rejection(long line, JsonProcessingException e) {
        Optional<String> duplicate = duplicateKey(e);
        if (duplicate.isPresent()) {
            return new RejectedRow(line, duplicate.filter(path -> !path.isEmpty()),
                    "a duplicate key: the property appears twice in one object; each may appear once");
        }
        if (e instanceof ValueInstantiationException invalid && invalid.getCause() != null
                && invalid.getCause().getMessage() != null) {
            // The model's own rule, "field: rule": the field names the column when the path does not.
            String message = invalid.getCause().getMessage();
            Optional<String> column = property(e).or(() -> RowReasons.field(message).filter(PROPERTIES::contains));
            return new RejectedRow(line, column, RowReasons.ofValue(message));
        }
        return new RejectedRow(line, property(e), reason(e));
    }

    /**
     * Returns the path of the key that appears twice, when that is the failure: the known property names on
     * the way there, up to an {@code attributes} map, whose keys are input text; empty for a key that is not
     * a property of cxm's event JSON.
     */
    private static Optional<String> duplicateKey(JsonProcessingException e) {
        String message = String.valueOf(e.getOriginalMessage());
        if (!message.startsWith("Duplicate field") || !(e.getProcessor() instanceof JsonParser parser)) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null; context = context.getParent()) {
            if (context.getCurrentName() != null) {
                names.add(0, context.getCurrentName());
            }
        }
        List<String> path = new ArrayList<>();
        for (String name : names) {
            if (!PROPERTIES.contains(name)) {
                return Optional.of(String.join(".", path));
            }
            path.add(name);
            if (name.equals(ATTRIBUTES)) {
                break;
            }
        }
        return Optional.of(String.join(".", path));
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
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            String name = ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex());
            path.append(path.length() == 0 ? "" : ".").append(name);
            if (ATTRIBUTES.equals(ref.getFieldName())) {
                break; // the keys below are input text
            }
        }
        return path.toString();
    }

    /** Explains the failure without quoting the input, which may hold personal data. */
    private static String reason(JsonProcessingException e) {
        if (e instanceof InvalidTypeIdException) {
            return "the \"type\" is missing or unknown; expected interaction, purchase or feedback";
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "a property cxm's event JSON does not have (its name is not repeated here: it is input text)";
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            // Jackson names neither case by type; its message does (without the value, which is not used).
            if (isNumber(type) && String.valueOf(e.getOriginalMessage()).startsWith("Cannot coerce String value")) {
                return "a string where a number belongs; write the number without quotes";
            }
            if (isInteger(type) && mismatch instanceof InvalidFormatException invalid
                    && invalid.getValue() instanceof Number) {
                return "the value is not an integer";
            }
            return "the value is missing or is not a valid " + type.getSimpleName();
        }
        if (e instanceof JsonMappingException) {
            return "the value is not valid here";
        }
        return "the line is not a JSON object";
    }

    private static boolean isInteger(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class || type == BigInteger.class;
    }

    private static boolean isNumber(Class<?> type) {
        return isInteger(type) || type == double.class || type == Double.class || type == float.class
                || type == Float.class || type == BigDecimal.class;
    }

}
