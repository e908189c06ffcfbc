package dev.cxm.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.core.model.CustomerEvent;
import dev.cxm.core.model.CustomerId;
import dev.cxm.core.model.FeedbackResponse;
import dev.cxm.core.model.FeedbackScale;

/**
 * The two JSON conventions of {@link CxmJson}: results write every key (absent as null), events and states
 * omit what is absent, and neither ever writes a "NaN" or "Infinity" string. The oracle is the exact JSON
 * text, written out here by hand. (Public, with a public record, because the tests run on the module path
 * and Jackson may only read public members of a package not opened to it.)
 */
public class CxmJsonConventionsTest {

    /** A result-like record with every kind of absent value and every kind of double. */
    public record Sample(String name, Optional<String> note, OptionalDouble score, OptionalInt rank, OptionalLong count,
            double ratio, Double boxed, double[] values, Map<String, Double> named, List<Double> listed) {}

    private static Sample sample(double special) {
        Map<String, Double> named = new LinkedHashMap<>();
        named.put("a", 1.5);
        named.put("b", special);
        return new Sample("s", Optional.empty(), OptionalDouble.of(special), OptionalInt.empty(), OptionalLong.empty(),
                special, special, new double[] {0.25, special}, named, List.of(2.0, special));
    }

    @Test
    void theResultMapperWritesEveryKeyWithAbsentValuesAsNull() throws Exception {
        Sample finite = new Sample("s", Optional.empty(), OptionalDouble.empty(), OptionalInt.empty(),
                OptionalLong.empty(), 0.5, 2.0, new double[] {1.0}, Map.of(), List.of());

        assertThat(CxmJson.resultMapper().writeValueAsString(finite)).isEqualTo("{\"name\":\"s\",\"note\":null,"
                + "\"score\":null,\"rank\":null,\"count\":null,\"ratio\":0.5,\"boxed\":2.0,\"values\":[1.0],"
                + "\"named\":{},\"listed\":[]}");
    }

    @Test
    void theEventMapperOmitsAbsentValues() throws Exception {
        Sample finite = new Sample("s", Optional.empty(), OptionalDouble.empty(), OptionalInt.of(3),
                OptionalLong.empty(), 0.5, 2.0, new double[] {1.0}, Map.of(), List.of());

        assertThat(CxmJson.mapper().writeValueAsString(finite)).isEqualTo("{\"name\":\"s\",\"rank\":3,"
                + "\"ratio\":0.5,\"boxed\":2.0,\"values\":[1.0],\"named\":{},\"listed\":[]}");
    }

    @Test
    void theResultMapperWritesNonFiniteNumbersAsNullWhereverTheyAre() throws Exception {
        for (double special : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            String json = CxmJson.resultMapper().writeValueAsString(sample(special));

            assertThat(json).as("%s", special).isEqualTo("{\"name\":\"s\",\"note\":null,\"score\":null,\"rank\":null,"
                    + "\"count\":null,\"ratio\":null,\"boxed\":null,\"values\":[0.25,null],"
                    + "\"named\":{\"a\":1.5,\"b\":null},\"listed\":[2.0,null]}");
        }
    }

    @Test
    void aTreeAndAPrettyPrinterFollowTheSameRule() throws Exception {
        ObjectNode tree = CxmJson.resultMapper().valueToTree(sample(Double.NaN));
        tree.put("extra", Double.POSITIVE_INFINITY);

        String pretty = CxmJson.resultMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree);

        assertThat(pretty).doesNotContain("NaN").doesNotContain("Infinity").contains("\"extra\" : null")
                .contains("\"ratio\" : null").contains("\"note\" : null");
    }

    @Test
    void theEventMapperRefusesNonFiniteNumbersNamingTheProperty() {
        for (double special : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> CxmJson.mapper().writeValueAsString(sample(special)))
                    .isInstanceOf(JsonMappingException.class)
                    .hasMessageStartingWith("number: " + special + " is not finite; JSON has no number for NaN or"
                            + " infinity")
                    .hasMessageContaining("[\"score\"]");
        }
        assertThatThrownBy(() -> CxmJson.mapper().writeValueAsString(new double[] {1, Float.NaN}))
                .hasMessageStartingWith("number: NaN is not finite");
        assertThatThrownBy(() -> CxmJson.mapper().writeValueAsString(new float[] {Float.POSITIVE_INFINITY}))
                .hasMessageStartingWith("number: Infinity is not finite");
    }

    @Test
    void eventsKeepTheirCompactFormInBothMappers() throws Exception {
        // An event without comment or touchpoint: the event mapper omits both keys (its documented form).
        FeedbackResponse response = FeedbackResponse.builder(CustomerId.of("c1"), Instant.parse("2026-01-01T00:01:00Z"), "s",
                FeedbackScale.CSAT, 4).eventId("e1").build();

        String json = CxmJson.mapper().writerFor(CustomerEvent.class).writeValueAsString(response);

        assertThat(json).doesNotContain("comment").doesNotContain("touchpoint");
        assertThat(CxmJson.mapper().readValue(json, CustomerEvent.class)).isEqualTo(response);
        assertThat(CxmJson.resultMapper().writerFor(CustomerEvent.class).writeValueAsString(response))
                .contains("\"comment\":null");
    }

    @Test
    void newMappersAreIndependentCopiesOfTheConventions() throws Exception {
        Sample finite = new Sample("s", Optional.of("n"), OptionalDouble.of(1), OptionalInt.of(2), OptionalLong.of(3),
                0.5, 2.0, new double[0], Map.of(), List.of());

        assertThat(CxmJson.newResultMapper()).isNotSameAs(CxmJson.resultMapper());
        assertThat(CxmJson.newResultMapper().writeValueAsString(finite))
                .isEqualTo(CxmJson.resultMapper().writeValueAsString(finite));
        assertThat(CxmJson.newMapper().writeValueAsString(finite)).isEqualTo(CxmJson.mapper().writeValueAsString(finite));
    }

    @Test
    void finiteFloatsAreWrittenAsNumbers() throws Exception {
        // Oracle: the JSON numbers of the floats' shortest texts (Float.toString).
        assertThat(CxmJson.mapper().writeValueAsString(new float[] {1.5f, -0.25f, 3.0e-5f}))
                .isEqualTo("[1.5,-0.25," + Float.toString(3.0e-5f) + "]");
        assertThat(CxmJson.resultMapper().writeValueAsString(new float[] {2.5f, Float.NaN})).isEqualTo("[2.5,null]");
    }

    @Test
    void aGeneratorWritesThePartOfAnArrayItIsGivenAndRefusesAPartOutsideIt() throws Exception {
        // Oracle: JsonGenerator.writeArray(double[], offset, length)'s contract (the elements offset to
        // offset + length - 1), and the array's bounds: a part must lie within 0..length of the array.
        double[] values = {1.0, 2.5, -4.0};

        assertThat(writeArray(values, 0, 3)).isEqualTo("[1.0,2.5,-4.0]");
        assertThat(writeArray(values, 1, 2)).isEqualTo("[2.5,-4.0]");
        assertThat(writeArray(values, 3, 0)).isEqualTo("[]");
        assertThat(writeArray(values, 0, 0)).isEqualTo("[]");
        for (int[] outside : new int[][] {{2, 2}, {4, 0}, {0, 4}, {-1, 1}, {1, -1}, {Integer.MAX_VALUE, 2}}) {
            assertThatThrownBy(() -> writeArray(values, outside[0], outside[1]))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("array: offset " + outside[0] + " and length " + outside[1]
                            + " do not fit an array of 3");
        }
        assertThatThrownBy(() -> writeArray(new double[] {1.0, Double.NaN}, 0, 2))
                .hasMessageStartingWith("number: NaN is not finite");
    }

    private static String writeArray(double[] values, int offset, int length) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = CxmJson.mapper().getFactory().createGenerator(out)) {
            generator.writeArray(values, offset, length);
        }
        return out.toString();
    }
}
