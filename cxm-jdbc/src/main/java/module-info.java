/**
 * cxm-jdbc: event and customer stores in a database through JDBC: H2 (embedded file or memory) and
 * PostgreSQL, with the schema as Flyway migrations.
 */
module dev.cxm.jdbc {
    requires transitive dev.cxm.core;
    requires transitive java.sql;
    // Flyway ships no module name: its automatic module is named after the jar file.
    requires flyway.core;
    requires com.h2database;
    // Appends to PostgreSQL stream their rows with the driver's COPY.
    requires org.postgresql.jdbc;
    // The driver's PGConnectionPoolDataSource, which a StoreUrl's pool is opened on, is a javax.naming.Referenceable.
    requires java.naming;
    requires static org.jspecify;

    exports dev.cxm.jdbc;

    // Flyway reads the migrations from the classpath location db/migration/cxm/<dialect>.
    opens db.migration.cxm.h2;
    opens db.migration.cxm.postgresql;
}
