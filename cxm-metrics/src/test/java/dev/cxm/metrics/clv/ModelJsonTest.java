package dev.cxm.metrics.clv;

import dev.cxm.metrics.stats.ModelFit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.io.CxmJson;

class ModelJsonTest {

    private static final ObjectMapper MAPPER = CxmJson.mapper();

    @Test
    void fittedModelsSurviveAJsonRoundTrip() throws Exception {
        // Oracle: the model itself; written as JSON and read back it must be equal, parameters and unit.
        List<Object> models = List.of(BgNbdModel.of(0.243, 4.414, 0.793, 2.426, ChronoUnit.WEEKS),
                MbgNbdModel.of(0.525, 6.183, 0.891, 1.614, ChronoUnit.WEEKS),
                ParetoNbdModel.of(0.553, 10.578, 0.606, 11.668, ChronoUnit.DAYS),
                BgBbModel.of(1.204, 0.750, 0.657, 2.783, ChronoUnit.YEARS), GammaGammaModel.of(6.25, 3.74, 15.44));
        for (Object model : models) {
            String json = MAPPER.writeValueAsString(model);
            assertThat(MAPPER.readValue(json, model.getClass())).as(json).isEqualTo(model);
        }
    }

    @Test
    void aFitWritesItsDiagnosticsAsJson() throws Exception {
        // Oracle: the fit's own fields; the JSON carries each under its record name.
        ModelFit<BgNbdModel> fit = BgNbd.ofDefaults().fit(ClvData.cdnowCells());
        JsonNode json = MAPPER.readTree(MAPPER.writeValueAsString(fit));
        assertThat(json.get("name").asText()).isEqualTo("bg-nbd");
        assertThat(json.get("parameters").get("alpha").asDouble()).isEqualTo(fit.parameters().get("alpha"));
        assertThat(json.get("standardErrors").get("b").asDouble()).isEqualTo(fit.standardErrors().get("b"));
        assertThat(json.get("converged").asBoolean()).isTrue();
        assertThat(json.get("model").get("unit").asText()).isEqualTo("WEEKS");
        assertThat(json.has("problem")).isFalse();
    }
}
