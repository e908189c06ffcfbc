package dev.cxm.examples.cli.common;

import java.util.Locale;

import dev.cxm.jdbc.JdbcEventStore;
import dev.cxm.jdbc.JdbcStoreException;
import dev.cxm.jdbc.JdbcStores;
import dev.cxm.jdbc.StoreUrl;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --store URL}: the database that keeps events across runs, through cxm-jdbc, whose {@link StoreUrl}
 * reads the URL. {@code h2:PATH} is an embedded H2 file (created with its tables when missing);
 * {@code jdbc:postgresql://HOST[:PORT]/DB} is a PostgreSQL database (and {@code jdbc:h2:...} any H2 URL), with
 * {@code --store-user} and the password read from the environment variable {@code --store-password-env} names
 * (never from the command line, where other users of the machine see it). {@code cxm import --store} stores a
 * file's events; the commands that read events read the store instead of a file.
 */
public final class StoreOptions {

    @Option(names = "--store", paramLabel = "URL",
            description = "A database that keeps the events: h2:PATH (an embedded H2 file, created when missing),"
                    + " jdbc:postgresql://HOST[:PORT]/DB or jdbc:h2:... (any H2 URL).")
    private String url;

    @Option(names = "--store-user", paramLabel = "NAME", description = "The user of a PostgreSQL --store.")
    private String user;

    @Option(names = "--store-password-env", paramLabel = "VAR",
            description = "The environment variable that holds the password of a PostgreSQL --store.")
    private String passwordVariable;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /**
     * Returns whether {@code --store} was given.
     *
     * @return whether the command works on a store
     */
    public boolean given() {
        return url != null;
    }

    /**
     * Returns the store's URL for output and messages, without a user or password written into it
     * ({@link StoreUrl#redact}); every command that names its store prints this.
     *
     * @return the URL as shown
     */
    public String url() {
        return StoreUrl.redact(url);
    }

    /**
     * Opens the store (creating an H2 file and the tables when missing); close it when done.
     *
     * @return the open store
     * @throws ParameterException when the URL, user or password variable is not usable
     * @throws CommandFailure when the database cannot be reached or its tables are not this cxm's
     */
    public OpenStore open() {
        StoreUrl parsed;
        try {
            parsed = StoreUrl.parse(url);
        } catch (IllegalArgumentException e) {
            String lower = url.strip().toLowerCase(Locale.ROOT);
            refuse(lower.startsWith("h2:") && lower.substring(3).isBlank(),
                    "--store h2:PATH needs the path of the database file");
            if (lower.startsWith("h2:")) {
                throw new ParameterException(command.commandLine(), "--store: " + e.getMessage());
            }
            throw new ParameterException(command.commandLine(), "--store: \"" + url()
                    + "\" is neither h2:PATH nor"
                    + " jdbc:postgresql://HOST[:PORT]/DB");
        }
        if (parsed.kind() == StoreUrl.Kind.H2_FILE) {
            refuse(user != null || passwordVariable != null, "--store-user and --store-password-env apply to a"
                    + " PostgreSQL --store; an H2 file has no user");
        }
        if (user != null) {
            parsed = parsed.withUser(user);
        }
        if (passwordVariable != null) {
            String password = System.getenv(passwordVariable);
            refuse(password == null, "--store-password-env: the environment variable " + passwordVariable
                    + " is not set");
            parsed = parsed.withPassword(password);
        }
        try {
            return new OpenStore(JdbcStores.builder(parsed).build());
        } catch (JdbcStoreException e) {
            throw new CommandFailure("--store " + url() + ": " + e.getMessage());
        }
    }

    private void refuse(boolean wrong, String message) {
        if (wrong) {
            throw new ParameterException(command.commandLine(), message);
        }
    }

    /**
     * An open store: its event store, closed (pool and file) at the end of the command.
     *
     * @param stores the stores
     * @param release what else to release after the stores close, such as a pool given to them
     */
    public record OpenStore(JdbcStores stores, Runnable release) implements AutoCloseable {

        /**
         * Holds stores that release what they opened themselves when closed.
         *
         * @param stores the stores
         */
        public OpenStore(JdbcStores stores) {
            this(stores, () -> { });
        }

        /**
         * Returns the event store.
         *
         * @return the store
         */
        public JdbcEventStore events() {
            return stores.eventStore();
        }

        @Override
        public void close() {
            try {
                stores.close();
            } finally {
                release.run();
            }
        }
    }
}
