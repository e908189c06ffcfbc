package dev.cxm.examples.cli.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.cxm.metrics.clv.PurchaseModels;
import picocli.CommandLine;

/**
 * Reads {@code --model}: the purchase models the library knows by name ({@link PurchaseModels#names()}) and
 * {@code gamma-gamma}, the spend model.
 */
final class ClvModelName implements CommandLine.ITypeConverter<String> {

    /** The name of the spend model. */
    static final String GAMMA_GAMMA = "gamma-gamma";

    /** The name of the discrete-opportunity model. */
    static final String BG_BB = "bg-bb";

    @Override
    public String convert(String value) {
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        List<String> names = new ArrayList<>(PurchaseModels.names());
        names.add(GAMMA_GAMMA);
        if (!names.contains(wanted)) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a model; use one of "
                    + String.join(", ", names));
        }
        return wanted;
    }
}
