package dev.debrief.bootstrap.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @TempDir
    Path dataDirectory;

    @Test
    void runsWithDurableWritesSwitchedOn() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            assertThat(setting(db, "fsync")).isEqualTo("on");
            assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(db, "full_page_writes")).isEqualTo("on");
            assertThat(db.port()).isNotEqualTo(5432);
        }
    }

    @Test
    void keepsDataAcrossARestart() throws SQLException {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            execute(db, "create table survivor(id int primary key)");
            execute(db, "insert into survivor values (42)");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDirectory)) {
            try (Connection c = connect(db); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select id from survivor")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    private static String setting(EmbeddedDatabase db, String name) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(EmbeddedDatabase db, String sql) throws SQLException {
        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect(EmbeddedDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.USER, "postgres");
    }
}
