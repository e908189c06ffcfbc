package dev.cxm.examples.cli.journey;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.cxm.core.group.GroupKey;
import dev.cxm.core.group.GroupKeys;
import dev.cxm.core.io.ImportReport;
import dev.cxm.core.model.EventType;
import dev.cxm.core.store.memory.InMemoryEventStore;
import dev.cxm.examples.cli.common.EventInputOptions;
import dev.cxm.examples.cli.common.Usage;
import dev.cxm.journey.ActivityKeys;
import dev.cxm.journey.map.JourneyMap;
import dev.cxm.journey.track.Sessions;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the journey commands share: the file read into an in-memory store (a CSV without a type column is
 * read as interactions; the touchpoint column names each step), the cases (customer or session), the names
 * of steps (touchpoints, or a map's stages) and a group key by name.
 */
final class JourneyInput {

    /** What a case is: each customer's events, or each session. */
    enum CaseKind {
        /** Each customer's events in time order are one case. */
        CUSTOMER,
        /** Each session (a pause of more than the session gap starts a new one) is one case. */
        SESSION;

        static CaseKind parse(CommandSpec spec, String option, String text) {
            for (CaseKind kind : values()) {
                if (kind.name().toLowerCase(Locale.ROOT).equals(text.strip().toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + ": \"" + text
                    + "\" is not a case; expected customer or session");
        }
    }

    private JourneyInput() {}

    /**
     * Imports the file into a new in-memory store, so that duplicate events (the same id) count once.
     *
     * @param input the input options
     * @param store the store to fill
     * @return the import report
     * @throws IOException when the file cannot be read
     */
    static ImportReport read(EventInputOptions input, InMemoryEventStore store) throws IOException {
        return input.importInto(store, Optional.of(EventType.INTERACTION), Optional.empty());
    }

    /**
     * Returns the key that names steps: the map's stages when a map is given, else the touchpoint (or type).
     *
     * @param map the map, if any
     * @return the key
     */
    static GroupKey stepKey(Optional<JourneyMap> map) {
        return map.map(JourneyMap::stageKey).orElse(ActivityKeys.touchpointOrType());
    }

    /**
     * Returns the sessions of {@code --case session}, else empty.
     *
     * @param kind the case kind
     * @param gap the session gap
     * @return the sessions, if cases are sessions
     */
    static Optional<Sessions> sessions(CaseKind kind, Duration gap) {
        return kind == CaseKind.SESSION ? Optional.of(Sessions.custom().inactivityGap(gap).build()) : Optional.empty();
    }

    /**
     * Returns the key a name gives: a built-in field, else a CSV column (checked in the header and copied into
     * the events' attributes) or an NDJSON attribute.
     *
     * @param spec the command, for usage errors
     * @param input the input options
     * @param option the option's name, for messages
     * @param name the name
     * @return the key
     * @throws IOException when the header cannot be read
     */
    static GroupKey groupKey(CommandSpec spec, EventInputOptions input, String option, String name)
            throws IOException {
        Usage.require(spec, !name.isBlank(), option + ": the name is blank");
        Optional<GroupKey> builtIn = GroupKeys.builtIn(name);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        if (input.format() == EventInputOptions.Format.CSV) {
            List<String> columns = input.csvColumns();
            Usage.require(spec, columns.contains(name), option + ": \"" + name + "\" is neither one of "
                    + GroupKeys.builtInNames() + " nor a column of " + input.input() + ", whose columns are "
                    + String.join(", ", columns));
            input.mapping().copyIntoAttributes(name);
        }
        return GroupKeys.attribute(name);
    }

    /** Returns the input's path, for the JSON's {@code input} key. */
    static String name(Path input) {
        return input.toString();
    }
}
