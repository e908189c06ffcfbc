package dev.cxm.core.io;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * cxm's JSON conventions in one place, as two mappers that share everything but how they write an absent
 * value:
 *
 * <ul>
 *   <li>{@link #mapper()} for what is written to be read back: events, customers, accumulator states, fitted
 *       models. An absent value (an empty {@code Optional}, {@code OptionalDouble}, ...) is omitted, so an
 *       event's JSON carries only what the event has.</li>
 *   <li>{@link #resultMapper()} for results shown to people and other programs: scores, breakdowns, churn
 *       tables, fits and predictions, as the {@code cxm} command line prints them. Every property is written,
 *       an absent value as {@code null}, so a consumer always finds every key.</li>
 * </ul>
 *
 * <p>Both write ISO-8601 instants, dates and durations, plain-decimal amounts, ids as strings and events with
 * a {@code "type"} tag ({@link CxmJacksonModule}); both read strictly (unknown properties and a {@code null}
 * for a primitive are errors, a {@code null} or missing map reads as empty) and neither enables polymorphic
 * default typing.
 *
 * <p><b>Numbers are always JSON numbers.</b> JSON has no NaN or infinity, and cxm never writes Jackson's
 * {@code "NaN"}/{@code "Infinity"} strings: {@link #mapper()} refuses a non-finite {@code double} or
 * {@code float} with a {@link JsonMappingException} naming the property's path (a state or model that holds
 * one cannot be read back as the same number anyway), and {@link #resultMapper()} writes it as {@code null},
 * like an absent value. cxm's results carry no NaN (an undefined number is an empty {@code Optional}), so a
 * {@code null} in a result is a value that does not exist or, rarely, an infinite statistic (such as the
 * z of two unanimous samples under the plain Wald method, whose p-value of 0 still says what it means).
 *
 * <pre>{@code
 * String state = CxmJson.mapper().writeValueAsString(accumulator.state());      // absent omitted
 * String shown = CxmJson.resultMapper().writerWithDefaultPrettyPrinter()
 *         .writeValueAsString(result);                                          // absent as null
 * }</pre>
 */
public final class CxmJson {

    private static final ObjectMapper MAPPER = newMapper();
    private static final ObjectMapper RESULT_MAPPER = newResultMapper();

    private CxmJson() {}

    /**
     * Returns the shared mapper for events, customers, states and models: absent values omitted, non-finite
     * numbers refused. Thread-safe; do not reconfigure it.
     *
     * @return the mapper
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Returns the shared mapper for results: every property written, an absent value and a non-finite number
     * as {@code null}; the JSON the {@code cxm} command line prints. Thread-safe; do not reconfigure it.
     *
     * @return the mapper
     */
    public static ObjectMapper resultMapper() {
        return RESULT_MAPPER;
    }

    /**
     * Returns a new mapper configured as {@link #mapper()}, for callers that add their own modules.
     *
     * @return a new mapper
     */
    public static ObjectMapper newMapper() {
        return builder(NonFinite.REFUSE)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.NON_ABSENT, JsonInclude.Include.USE_DEFAULTS))
                .build();
    }

    /**
     * Returns a new mapper configured as {@link #resultMapper()}, for callers that add their own modules.
     *
     * @return a new mapper
     */
    public static ObjectMapper newResultMapper() {
        return builder(NonFinite.WRITE_NULL)
                .defaultPropertyInclusion(
                        JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS))
                .build();
    }

    private static JsonMapper.Builder builder(NonFinite nonFinite) {
        JsonFactory factory = JsonFactory.builder()
                .addDecorator((owner, generator) -> new FiniteNumbers(generator, nonFinite))
                .build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new CxmJacksonModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // An omitted or null "attributes" (or any map) reads as empty, not as an error.
                .withConfigOverride(Map.class,
                        override -> override.setSetterInfo(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)));
    }

    /** What a mapper does with a NaN or an infinity. */
    private enum NonFinite {
        REFUSE,
        WRITE_NULL
    }

    /**
     * Stands between Jackson's serialisers and the output: every {@code double} and {@code float} (fields,
     * boxed values, {@code OptionalDouble}s, arrays, tree nodes) passes here, so no path can write a
     * non-finite number.
     */
    private static final class FiniteNumbers extends JsonGeneratorDelegate {
        private final NonFinite policy;

        FiniteNumbers(JsonGenerator generator, NonFinite policy) {
            super(generator, false);
            this.policy = policy;
        }

        @Override
        public void writeNumber(double value) throws IOException {
            if (Double.isFinite(value)) {
                delegate.writeNumber(value);
            } else {
                nonFinite(value);
            }
        }

        @Override
        public void writeNumber(float value) throws IOException {
            if (Float.isFinite(value)) {
                delegate.writeNumber(value);
            } else {
                nonFinite(value);
            }
        }

        @Override
        public void writeArray(double[] array, int offset, int length) throws IOException {
            // The delegate's own array writer would bypass writeNumber above.
            if (offset < 0 || length < 0 || offset > array.length - length) {
                throw new IllegalArgumentException("array: offset " + offset + " and length " + length
                        + " do not fit an array of " + array.length);
            }
            writeStartArray(array, length);
            for (int i = offset; i < offset + length; i++) {
                writeNumber(array[i]);
            }
            writeEndArray();
        }

        private void nonFinite(double value) throws IOException {
            if (policy == NonFinite.WRITE_NULL) {
                delegate.writeNull();
                return;
            }
            throw JsonMappingException.from(this, "number: " + value + " is not finite; JSON has no number for"
                    + " NaN or infinity, and cxm writes no \"NaN\" or \"Infinity\" strings");
        }
    }
}
