package dev.cxm.jdbc;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.cxm.core.internal.Checks;

/**
 * Where the database of the cxm stores is, named by one string, as the {@code cxm} tool's {@code --store} and the
 * Spring Boot starter's {@code cxm.store.url} name it, with the user and password of a server:
 * <ul>
 *   <li>{@code h2:PATH}: an embedded H2 file, created with its tables when missing ({@link JdbcStores#h2File});</li>
 *   <li>{@code jdbc:h2:...}: any H2 URL, such as {@code jdbc:h2:mem:cx;DB_CLOSE_DELAY=-1};</li>
 *   <li>{@code jdbc:postgresql://HOST[:PORT]/DB}: a PostgreSQL database.</li>
 * </ul>
 *
 * <pre>{@code
 * try (JdbcStores stores = JdbcStores.builder(StoreUrl.parse("jdbc:postgresql://db.internal/shop")
 *         .withUser("cxm").withPassword(System.getenv("CXM_DB_PASSWORD"))).schema("cxm").build()) {
 *     stores.eventStore().appendAll(batch);
 * }
 * }</pre>
 *
 * <p>{@link JdbcStores#builder(StoreUrl)} opens a small connection pool of its own on the URL, which closing the
 * stores releases. A value, compared by every part; {@link #toString()} never shows the password.
 *
 * @param kind what kind of database the URL names
 * @param url the URL as given, without surrounding blanks: {@code h2:PATH} or a JDBC URL
 * @param user the user of a server database, if set
 * @param password the password of a server database, if set
 */
public record StoreUrl(Kind kind, String url, Optional<String> user, Optional<String> password) {

    private static final String H2_FILE_PREFIX = "h2:";
    private static final String H2_PREFIX = "jdbc:h2:";
    private static final String POSTGRESQL_PREFIX = "jdbc:postgresql:";

    /** The kinds of database a store URL names. */
    public enum Kind {
        /** {@code h2:PATH}: an embedded H2 file. */
        H2_FILE,
        /** {@code jdbc:h2:...}: H2 by its own URL (in memory, a file, a server). */
        H2,
        /** {@code jdbc:postgresql:...}: PostgreSQL. */
        POSTGRESQL
    }

    /**
     * Validates the URL.
     *
     * @param kind the kind of database
     * @param url the URL, of that kind
     * @param user the user, if set; not for an H2 file
     * @param password the password, if set; not for an H2 file
     * @throws IllegalArgumentException naming the field when the URL is not of its kind, the path of an H2 file
     *     is blank or holds a {@code ;}, or an H2 file is given a user or password
     */
    public StoreUrl {
        Checks.present("kind", kind);
        Checks.present("url", url);
        Checks.present("user", user);
        Checks.present("password", password);
        if (kindOf(url).filter(kind::equals).isEmpty()) {
            throw new IllegalArgumentException("url: a URL of " + url.length() + " characters that does not start"
                    + " with the prefix of " + kind + " (" + prefixOf(kind) + ")");
        }
        if (kind == Kind.H2_FILE) {
            String path = url.substring(H2_FILE_PREFIX.length());
            if (path.isBlank()) {
                throw new IllegalArgumentException("url: h2:PATH needs the path of the database file");
            }
            if (path.contains(";")) {
                throw new IllegalArgumentException("url: the path holds a ';', which H2 reads as the start of a"
                        + " setting; choose a path without one");
            }
            if (user.isPresent() || password.isPresent()) {
                throw new IllegalArgumentException("user: an H2 file (h2:PATH) has no user or password; they apply"
                        + " to a server database");
            }
        }
    }

    /**
     * Reads a store URL: {@code h2:PATH}, {@code jdbc:h2:...} or {@code jdbc:postgresql:...} (the prefix in any
     * case), without user or password.
     *
     * @param url the URL
     * @return the store URL
     * @throws IllegalArgumentException when the URL is of none of those kinds, or an H2 file's path is blank or
     *     holds a {@code ;}; the message does not repeat the URL, which may hold a password
     */
    public static StoreUrl parse(String url) {
        String stripped = Checks.present("url", url).strip();
        Kind kind = kindOf(stripped).orElseThrow(() -> new IllegalArgumentException("url: a URL of "
                + stripped.length() + " characters that is neither h2:PATH nor jdbc:h2:... nor"
                + " jdbc:postgresql://HOST[:PORT]/DB"));
        return new StoreUrl(kind, stripped, Optional.empty(), Optional.empty());
    }

    /**
     * Returns the URL of an embedded H2 file.
     *
     * @param file the database file, without or with its {@code .mv.db} extension
     * @return {@code h2:} and the file's absolute path
     * @throws IllegalArgumentException when the path holds a {@code ;}, which H2 reads as a setting
     */
    public static StoreUrl h2File(Path file) {
        Checks.present("file", file);
        return new StoreUrl(Kind.H2_FILE, H2_FILE_PREFIX + file.toAbsolutePath().normalize(), Optional.empty(),
                Optional.empty());
    }

    private static Optional<Kind> kindOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith(H2_FILE_PREFIX)) {
            return Optional.of(Kind.H2_FILE);
        }
        if (lower.startsWith(H2_PREFIX)) {
            return Optional.of(Kind.H2);
        }
        if (lower.startsWith(POSTGRESQL_PREFIX)) {
            return Optional.of(Kind.POSTGRESQL);
        }
        return Optional.empty();
    }

    private static String prefixOf(Kind kind) {
        return switch (kind) {
            case H2_FILE -> H2_FILE_PREFIX;
            case H2 -> H2_PREFIX;
            case POSTGRESQL -> POSTGRESQL_PREFIX;
        };
    }

    /**
     * Returns this URL with a user.
     *
     * @param value the user
     * @return the URL with the user
     * @throws IllegalArgumentException when the URL names an H2 file, which has no user
     */
    public StoreUrl withUser(String value) {
        return new StoreUrl(kind, url, Optional.of(Checks.present("user", value)), password);
    }

    /**
     * Returns this URL with a password.
     *
     * @param value the password
     * @return the URL with the password
     * @throws IllegalArgumentException when the URL names an H2 file, which has no password
     */
    public StoreUrl withPassword(String value) {
        return new StoreUrl(kind, url, user, Optional.of(Checks.present("password", value)));
    }

    /**
     * Returns the path of an H2 file.
     *
     * @return the path, or empty when the URL is of another kind
     */
    public Optional<Path> h2FilePath() {
        return kind == Kind.H2_FILE ? Optional.of(Path.of(url.substring(H2_FILE_PREFIX.length()))) : Optional.empty();
    }

    /**
     * Compares every part, the password too.
     *
     * @param other the object to compare with
     * @return whether {@code other} is an equal store URL
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof StoreUrl that && kind == that.kind && url.equals(that.url) && user.equals(that.user)
                && password.equals(that.password);
    }

    /**
     * Returns a hash of the kind, URL and user (not of the password).
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(kind, url, user);
    }

    /**
     * Returns whether the URL names an H2 database in a file that this process opens itself: {@code h2:PATH},
     * or a {@code jdbc:h2:} URL that is neither in memory ({@code mem:}) nor on a server ({@code tcp:},
     * {@code ssl:}) nor in a zip file.
     *
     * @return whether the stores may compact the file when they close
     */
    public boolean isEmbeddedH2File() {
        if (kind == Kind.H2_FILE) {
            return true;
        }
        if (kind != Kind.H2) {
            return false;
        }
        String rest = url.substring(H2_PREFIX.length()).toLowerCase(java.util.Locale.ROOT);
        return !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")
                || rest.startsWith("zip:"));
    }

    /**
     * Returns the URL as {@link #redact(String)} shows it: without a user and password in it, or its settings.
     *
     * @return the URL for messages and logs, such as {@code jdbc:postgresql://db/shop?...}
     */
    public String redacted() {
        return redact(url);
    }

    /**
     * Returns a store URL, parsed or not, fit for messages and logs: an {@code h2:PATH} as it is; in any other
     * the user information before a host ({@code user:secret@}) and everything from the first {@code ?} or
     * {@code ;} on (where PostgreSQL and H2 take a password among their settings) become {@code ...}.
     *
     * @param url the URL as given
     * @return the URL without what may be a secret
     */
    public static String redact(String url) {
        String text = Checks.present("url", url).strip();
        if (text.startsWith(H2_FILE_PREFIX)) {
            return text;
        }
        int settings = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '?' || text.charAt(i) == ';') {
                settings = i;
                break;
            }
        }
        String head = settings < 0 ? text : text.substring(0, settings);
        int hostStart = head.indexOf("//");
        if (hostStart >= 0) {
            int hostEnd = head.indexOf('/', hostStart + 2);
            int at = head.lastIndexOf('@', hostEnd < 0 ? head.length() - 1 : hostEnd);
            if (at > hostStart) {
                head = head.substring(0, hostStart + 2) + "...@" + head.substring(at + 1);
            }
        }
        return settings < 0 ? head : head + text.charAt(settings) + "...";
    }

    /**
     * Returns the URL without secrets ({@link #redacted()}) and the user, and whether a password is set, never
     * the password.
     *
     * @return the text, such as {@code StoreUrl[jdbc:postgresql://db/shop, user cxm, password set]}
     */
    @Override
    public String toString() {
        return "StoreUrl[" + redacted() + user.map(name -> ", user " + name).orElse("")
                + (password.isPresent() ? ", password set" : "") + "]";
    }
}
