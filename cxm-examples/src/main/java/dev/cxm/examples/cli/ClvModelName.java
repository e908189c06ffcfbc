package dev.cxm.examples.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import picocli.CommandLine;

/** The models {@code cxm clv} fits, by their command-line names. */
enum ClvModelName {
    /** BG/NBD (Fader, Hardie & Lee 2005). */
    BG_NBD("bg-nbd"),
    /** Pareto/NBD (Schmittlein, Morrison & Colombo 1987). */
    PARETO_NBD("pareto-nbd"),
    /** MBG/NBD (Batislam et al. 2007). */
    MBG_NBD("mbg-nbd"),
    /** BG/BB for discrete opportunities (Fader, Hardie & Shang 2010). */
    BG_BB("bg-bb"),
    /** The Gamma-Gamma spend model (Fader & Hardie 2013). */
    GAMMA_GAMMA("gamma-gamma");

    private final String label;

    ClvModelName(String label) {
        this.label = label;
    }

    /** Returns the name on the command line, such as {@code bg-nbd}. */
    String label() {
        return label;
    }

    /** Reads a model name from the command line. */
    static final class Converter implements CommandLine.ITypeConverter<ClvModelName> {
        @Override
        public ClvModelName convert(String value) {
            String wanted = value.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(model -> model.label.equals(wanted)).findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException("'" + value + "' is not a model; use one of "
                            + Arrays.stream(values()).map(ClvModelName::label).collect(Collectors.joining(", "))));
        }
    }
}
