package dev.cxm.examples.cli.engage;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.cxm.core.io.CxmJson;
import dev.cxm.core.model.Customer;
import dev.cxm.examples.cli.common.CommandFailure;

/**
 * A file of customer records, one JSON object per line as {@code CxmJson} writes a {@link Customer} (id, first
 * seen, profile attributes, consent decisions, segments, identities): where the engage commands get consent
 * and time zones, which events do not carry. A bad line stops the command, naming the line and, for malformed
 * JSON, the column, never the text.
 */
final class CustomerFile {

    private static final ObjectMapper MAPPER = CxmJson.mapper();

    private CustomerFile() {}

    /**
     * Reads every record of the file; blank lines are skipped.
     *
     * @param option the option that named the file, for messages
     * @param file the file
     * @return the records, in the file's order
     * @throws IOException when the file cannot be read
     * @throws CommandFailure when a line is not a customer record or repeats a customer
     */
    static List<Customer> read(String option, Path file) throws IOException {
        CommandFailure.requireReadableFile(file);
        List<Customer> customers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Customer customer;
                try {
                    customer = MAPPER.readValue(line, Customer.class);
                } catch (JsonProcessingException e) {
                    String where = e instanceof JsonParseException && e.getLocation() != null
                            ? ", column " + e.getLocation().getColumnNr() : "";
                    throw new CommandFailure(option + ": " + file + ": line " + number + where
                            + " is not a customer record (a JSON object with id, firstSeen, profile, consents,"
                            + " segments, identities)");
                }
                if (customer == null) {
                    throw new CommandFailure(option + ": " + file + ": line " + number + " is not a customer record");
                }
                if (!seen.add(customer.id().value())) {
                    throw new CommandFailure(option + ": " + file + ": line " + number + " repeats customer "
                            + customer.id() + "; give each customer one record");
                }
                customers.add(customer);
            }
        }
        return customers;
    }
}
