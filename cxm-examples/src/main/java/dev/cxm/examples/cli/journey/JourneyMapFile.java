package dev.cxm.examples.cli.journey;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.journey.map.JourneyMap;

/**
 * Reads the journey map a {@code --map FILE.json} option names: {@link JourneyMap#fromJson}, its refusal
 * turned into one line that names the file.
 */
public final class JourneyMapFile {

    private JourneyMapFile() {}

    /**
     * Reads a journey map.
     *
     * @param file the JSON file
     * @return the map
     * @throws CommandFailure naming the file when it cannot be read or is no valid map
     */
    public static JourneyMap read(Path file) {
        CommandFailure.requireReadableFile(file);
        try {
            return JourneyMap.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CommandFailure("cannot read the journey map " + file + ": " + e.getClass().getSimpleName());
        } catch (IllegalArgumentException refused) {
            throw new CommandFailure("the journey map " + file + " is refused: " + refused.getMessage());
        }
    }
}
