/**
 * cxm-metrics: feedback scores with intervals and tests, customer lifetime value models, churn and
 * survival analysis.
 */
module dev.cxm.metrics {
    requires transitive dev.cxm.core;
    // Hipparchus ships no module descriptor; these are its automatic module names.
    // Jackson's CSV parser reads the files of key drivers (DriverCsv) and of texts (TextCsv).
    requires com.fasterxml.jackson.dataformat.csv;
    requires hipparchus.core;
    requires hipparchus.stat;
    requires hipparchus.optim;
    requires static org.jspecify;

    exports dev.cxm.metrics.stats;
    exports dev.cxm.metrics.time;
    exports dev.cxm.metrics.feedback;
    exports dev.cxm.metrics.clv;
    exports dev.cxm.metrics.clv.rfm;
    exports dev.cxm.metrics.survival;
    exports dev.cxm.metrics.churn;
    exports dev.cxm.metrics.drivers;
    exports dev.cxm.metrics.text;

    // Jackson writes the result records reflectively.
    opens dev.cxm.metrics.stats to com.fasterxml.jackson.databind;
    opens dev.cxm.metrics.feedback to com.fasterxml.jackson.databind;
    opens dev.cxm.metrics.clv to com.fasterxml.jackson.databind;
    opens dev.cxm.metrics.clv.rfm to com.fasterxml.jackson.databind;
    opens dev.cxm.metrics.survival to com.fasterxml.jackson.databind;
    opens dev.cxm.metrics.churn to com.fasterxml.jackson.databind;
}
