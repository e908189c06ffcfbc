package dev.cxm.examples.cli;

import java.io.PrintWriter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cxm.core.io.CxmJson;
import dev.cxm.metrics.churn.PeriodChurn;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.feedback.RatingResult;
import dev.cxm.metrics.stats.Estimate;

/** Prints a subcommand's result as one JSON object, in cxm's JSON conventions. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = newMapper();

    private JsonOutput() {}

    /**
     * Returns cxm's mapper, indented. Every command follows one convention for a value that is absent (a
     * rate of a period nobody was active at the start of, a median never reached, the score of no responses):
     * the key is present with {@code null}; the churn and survival records say so with
     * {@code @JsonInclude(ALWAYS)}, and the library records the commands print as they are get the same rule
     * here.
     */
    private static ObjectMapper newMapper() {
        ObjectMapper mapper = CxmJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonInclude.Value always = JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS);
        for (Class<?> type : List.of(PeriodChurn.class, NpsResult.class, RatingResult.class, Estimate.class,
                ClvSummaryCommand.SummaryResult.class, ClvFitCommand.FitResult.class, ClvPredictCommand.PredictResult.class,
                ClvPredictCommand.CustomerPrediction.class)) {
            mapper.configOverride(type).setInclude(always);
        }
        return mapper;
    }

    /** Returns {@code result} (a record) as a JSON tree, in the same convention as {@link #print}. */
    static ObjectNode tree(Object result) {
        return MAPPER.valueToTree(result);
    }

    /** Returns a new, empty JSON object. */
    static ObjectNode objectNode() {
        return MAPPER.createObjectNode();
    }

    /** Prints {@code result} (a record or a map) as one JSON object followed by a newline. */
    static void print(PrintWriter out, Object result) {
        try {
            out.println(MAPPER.writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result as JSON", e);
        }
        out.flush();
    }
}
