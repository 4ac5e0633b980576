package org.djlnas.runtime.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.djlnas.api.arch.Architecture;
import org.djlnas.api.oneshot.EpochRecord;
import org.djlnas.api.store.ExperimentStore;
import org.djlnas.api.store.StoreException;
import org.djlnas.api.trial.Budget;
import org.djlnas.api.trial.IntermediateValue;
import org.djlnas.api.trial.TrialRecord;
import org.djlnas.api.trial.TrialSpec;
import org.djlnas.api.trial.TrialState;
import org.jspecify.annotations.Nullable;

/**
 * The embedded experiment store: one SQLite file ({@code experiment.db}) in the experiment folder,
 * written through the xerial JDBC driver. Every write is one transaction in write-ahead-log mode,
 * so a process killed at any moment leaves the journal as it was after its last committed write.
 *
 * <p>Long because it holds every SQL statement of the journal, so that the schema and every read
 * and write of it are in one file.
 */
public final class SqliteExperimentStore implements ExperimentStore {

    /** The store's file name inside an experiment folder. */
    public static final String FILE_NAME = "experiment.db";

    private static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {};

    private final Path file;
    private static final String EPOCHS_TABLE =
            "CREATE TABLE IF NOT EXISTS epochs (epoch INTEGER PRIMARY KEY, record TEXT NOT NULL)";

    private static final String REPORTS_TABLE =
            "CREATE TABLE IF NOT EXISTS reports (trial INTEGER NOT NULL, step INTEGER NOT NULL,"
                    + " value REAL NOT NULL, PRIMARY KEY (trial, step))";

    private final Connection connection;

    private SqliteExperimentStore(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Creates a new store in an experiment folder, creating the folder if needed.
     *
     * @param folder the experiment folder
     * @return the store
     * @throws StoreException if the folder already holds a store or cannot be written
     */
    public static SqliteExperimentStore create(Path folder) {
        return create(folder, Map.of());
    }

    /**
     * Creates a new store in an experiment folder, creating the folder if needed, with the
     * experiment's configuration and the values kept beside it written in the same transaction as
     * the journal's tables: a process killed meanwhile leaves a journal that holds them all, or one
     * that holds no experiment ({@link #holdsExperiment}) and is replaced by the next search.
     *
     * @param folder the experiment folder
     * @param json the configuration
     * @param entries further values by key (see {@link #writeConfig})
     * @return the store
     * @throws StoreException if the folder already holds a store or cannot be written
     */
    public static SqliteExperimentStore create(
            Path folder, String json, Map<String, String> entries) {
        Map<String, String> meta = new java.util.TreeMap<>(entries);
        if (meta.containsKey("config") || meta.containsKey("schema")) {
            throw new IllegalArgumentException("the keys config and schema are the store's own");
        }
        meta.put("config", json);
        return create(folder, meta);
    }

    private static SqliteExperimentStore create(Path folder, Map<String, String> meta) {
        Path file = folder.resolve(FILE_NAME);
        if (Files.exists(file) && stillborn(file)) {
            for (String suffix : List.of("", "-wal", "-shm")) {
                try {
                    Files.deleteIfExists(folder.resolve(FILE_NAME + suffix));
                } catch (IOException e) {
                    throw new StoreException("cannot replace " + file + ": " + e, e);
                }
            }
        }
        if (Files.exists(file)) {
            throw new StoreException(
                    folder
                            + " already holds an experiment; use `resume` to continue it, or"
                            + " choose another folder");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new StoreException("cannot create the experiment folder " + folder + ": " + e, e);
        }
        if (!Files.isWritable(folder)) {
            throw new StoreException("the experiment folder " + folder + " is not writable");
        }
        SqliteExperimentStore store = new SqliteExperimentStore(file, connect(file));
        store.createSchema(meta);
        return store;
    }

    /**
     * Tells whether a folder holds an experiment: a journal with a configuration or a trial. A
     * journal left by a process killed while creating it holds none, and {@link #create} replaces
     * it.
     *
     * @param folder the experiment folder
     * @return whether it holds an experiment
     */
    public static boolean holdsExperiment(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        return Files.isRegularFile(file) && !stillborn(file);
    }

    /**
     * Tells whether a journal was left by a process killed while creating it: it has no
     * configuration and no trial, so nothing in it can be lost by starting afresh.
     */
    private static boolean stillborn(Path file) {
        try (Connection connection = connect(file);
                Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT (SELECT COUNT(*) FROM meta WHERE key = 'config')"
                                        + " + (SELECT COUNT(*) FROM trials)")) {
            return rows.next() && rows.getInt(1) == 0;
        } catch (SQLException | StoreException e) {
            return isEmptyFile(file);
        }
    }

    private static boolean isEmptyFile(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens the store of an existing experiment.
     *
     * @param folder the experiment folder
     * @return the store
     * @throws StoreException if the folder holds no store, or the file is not a djl-nas store
     */
    public static SqliteExperimentStore open(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new StoreException(
                    folder + " holds no experiment (no " + FILE_NAME + "); nothing to resume");
        }
        SqliteExperimentStore store = new SqliteExperimentStore(file, connect(file));
        store.checkSchema();
        return store;
    }

    /**
     * Returns the journal file.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    private static Connection connect(Path file) {
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
            }
            return connection;
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    private void createSchema(Map<String, String> meta) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("PRAGMA synchronous = FULL");
            connection.setAutoCommit(false);
            statement.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            statement.execute(
                    "CREATE TABLE trials ("
                            + "number INTEGER PRIMARY KEY, "
                            + "architecture_id TEXT NOT NULL, "
                            + "architecture TEXT NOT NULL, "
                            + "epochs REAL NOT NULL, "
                            + "max_train_examples INTEGER NOT NULL, "
                            + "seed INTEGER NOT NULL, "
                            + "state TEXT NOT NULL, "
                            + "metrics TEXT NOT NULL DEFAULT '{}', "
                            + "error TEXT, "
                            + "started_at TEXT, "
                            + "ended_at TEXT, "
                            + "continues INTEGER)");
            statement.execute(EPOCHS_TABLE);
            statement.execute(REPORTS_TABLE);
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO meta VALUES ('schema', ?)")) {
                insert.setString(1, Integer.toString(SCHEMA_VERSION));
                insert.executeUpdate();
            }
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO meta VALUES (?, ?)")) {
                for (Map.Entry<String, String> entry : meta.entrySet()) {
                    insert.setString(1, entry.getKey());
                    insert.setString(2, entry.getValue());
                    insert.executeUpdate();
                }
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw failure("create the journal in", e);
        }
    }

    private void checkSchema() {
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT value FROM meta WHERE key = 'schema'")) {
            if (!rows.next() || !Integer.toString(SCHEMA_VERSION).equals(rows.getString(1))) {
                throw new StoreException(
                        file
                                + " has an unknown journal version; it was not written by this"
                                + " version of djl-nas");
            }
            statement.execute("PRAGMA synchronous = FULL");
            statement.execute(EPOCHS_TABLE);
            statement.execute(REPORTS_TABLE);
            addContinuesColumn(statement);
        } catch (SQLException e) {
            throw new StoreException(
                    file
                            + " is not a djl-nas experiment journal or is corrupt ("
                            + e.getMessage()
                            + "); it was left untouched",
                    e);
        }
    }

    /** Journals written before trials could continue each other lack the column; add it. */
    private static void addContinuesColumn(Statement statement) throws SQLException {
        try (ResultSet columns = statement.executeQuery("PRAGMA table_info(trials)")) {
            while (columns.next()) {
                if (columns.getString("name").equals("continues")) {
                    return;
                }
            }
        }
        statement.execute("ALTER TABLE trials ADD COLUMN continues INTEGER");
    }

    @Override
    public synchronized Optional<String> readConfig() {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT value FROM meta WHERE key = 'config'")) {
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                String json = rows.getString(1);
                if (json == null || json.isBlank()) {
                    throw new StoreException(
                            file + " is corrupt: its configuration (meta row 'config') is empty");
                }
                return Optional.of(json);
            }
        } catch (SQLException e) {
            throw failure("read the configuration from", e);
        }
    }

    @Override
    public synchronized void writeConfig(String json) {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO meta VALUES ('config', ?)")) {
            insert.setString(1, json);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure("write the configuration to", e);
        }
    }

    @Override
    public synchronized void recordProposed(TrialSpec spec) {
        try (PreparedStatement insert =
                connection.prepareStatement(
                        "INSERT INTO trials (number, architecture_id, architecture, epochs,"
                                + " max_train_examples, seed, state, continues) VALUES (?, ?, ?,"
                                + " ?, ?, ?, ?, ?)")) {
            insert.setInt(1, spec.number());
            insert.setString(2, spec.architecture().id());
            insert.setString(3, spec.architecture().toJson());
            insert.setDouble(4, spec.budget().epochs());
            insert.setInt(5, spec.budget().maxTrainExamples());
            insert.setLong(6, spec.seed());
            insert.setString(7, TrialState.PENDING.name());
            if (spec.continues().isPresent()) {
                insert.setInt(8, spec.continues().getAsInt());
            } else {
                insert.setNull(8, java.sql.Types.INTEGER);
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure("journal trial " + spec.number() + " in", e);
        }
    }

    @Override
    public synchronized void markRunning(int number, Instant startedAt) {
        update(
                number,
                "UPDATE trials SET state = ?, started_at = ?, ended_at = NULL, error = NULL,"
                        + " metrics = '{}' WHERE number = ?",
                TrialState.RUNNING.name(),
                startedAt.toString());
    }

    @Override
    public synchronized void recordFinished(
            int number,
            TrialState state,
            Map<String, Double> metrics,
            @Nullable String error,
            Instant endedAt) {
        if (!state.isFinished()) {
            throw new IllegalArgumentException("state " + state + " does not end a trial");
        }
        String json;
        try {
            json = JSON.writeValueAsString(new java.util.TreeMap<>(metrics));
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write the metrics of trial " + number, e);
        }
        update(
                number,
                "UPDATE trials SET state = ?, metrics = ?, error = ?, ended_at = ? WHERE number"
                        + " = ?",
                state.name(),
                json,
                error,
                endedAt.toString());
    }

    private void update(int number, String sql, @Nullable String... values) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.setInt(values.length + 1, number);
            if (statement.executeUpdate() != 1) {
                throw new StoreException("trial " + number + " is not in the journal " + file);
            }
        } catch (SQLException e) {
            throw failure("update trial " + number + " in", e);
        }
    }

    private static OptionalInt continues(int value, boolean wasNull) {
        return wasNull ? OptionalInt.empty() : OptionalInt.of(value);
    }

    @Override
    public synchronized void recordReport(int trial, int step, double value) {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT OR REPLACE INTO reports VALUES (?, ?, ?)")) {
            insert.setInt(1, trial);
            insert.setInt(2, step);
            insert.setDouble(3, value);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw failure("journal a report of trial " + trial + " in", e);
        }
    }

    @Override
    public synchronized List<IntermediateValue> reports() {
        List<IntermediateValue> reports = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT trial, step, value FROM reports ORDER BY trial, step")) {
            while (rows.next()) {
                reports.add(
                        new IntermediateValue(rows.getInt(1), rows.getInt(2), rows.getDouble(3)));
            }
        } catch (SQLException e) {
            throw failure("read the reports from", e);
        }
        return reports;
    }

    @Override
    public synchronized List<TrialRecord> trials() {
        List<TrialRecord> records = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery(
                                "SELECT number, architecture, epochs, max_train_examples, seed,"
                                        + " state, metrics, error, started_at, ended_at,"
                                        + " continues FROM trials ORDER BY number")) {
            while (rows.next()) {
                records.add(read(rows));
            }
        } catch (SQLException e) {
            throw failure("read the trials from", e);
        }
        return records;
    }

    private TrialRecord read(ResultSet rows) throws SQLException {
        int number = rows.getInt(1);
        try {
            TrialSpec spec =
                    new TrialSpec(
                            number,
                            Architecture.fromJson(required(rows, 2, number, "architecture")),
                            new Budget(rows.getDouble(3), rows.getInt(4)),
                            rows.getLong(5),
                            continues(rows.getInt(11), rows.wasNull()));
            return new TrialRecord(
                    spec,
                    TrialState.valueOf(required(rows, 6, number, "state")),
                    JSON.readValue(required(rows, 7, number, "metrics"), METRICS),
                    rows.getString(8),
                    instant(rows.getString(9)),
                    instant(rows.getString(10)));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new StoreException(
                    "trial " + number + " in " + file + " is corrupt: " + e.getMessage(), e);
        }
    }

    private String required(ResultSet rows, int column, int number, String name)
            throws SQLException {
        String value = rows.getString(column);
        if (value == null) {
            throw new StoreException(
                    "trial " + number + " in " + file + " is corrupt: its " + name + " is missing");
        }
        return value;
    }

    @Override
    public synchronized void recordEpoch(EpochRecord record) {
        try (PreparedStatement statement =
                connection.prepareStatement("INSERT OR REPLACE INTO epochs VALUES (?, ?)")) {
            statement.setInt(1, record.epoch());
            statement.setString(2, record.toJson());
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("journal epoch " + record.epoch() + " in", e);
        }
    }

    @Override
    public synchronized List<EpochRecord> epochs() {
        List<EpochRecord> records = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows =
                        statement.executeQuery("SELECT epoch, record FROM epochs ORDER BY epoch")) {
            while (rows.next()) {
                try {
                    String json = rows.getString(2);
                    if (json == null) {
                        throw new IllegalArgumentException("its record is missing");
                    }
                    records.add(EpochRecord.fromJson(json));
                } catch (IllegalArgumentException e) {
                    throw new StoreException(
                            "epoch "
                                    + rows.getInt(1)
                                    + " in "
                                    + file
                                    + " is corrupt: "
                                    + e.getMessage(),
                            e);
                }
            }
        } catch (SQLException e) {
            throw failure("read the epochs from", e);
        }
        return records;
    }

    /**
     * Reads a value the journal keeps beside the configuration, such as the digests of the
     * experiment's inputs.
     *
     * @param key the value's key
     * @return the value, if the journal has one
     */
    public synchronized Optional<String> readMeta(String key) {
        try (PreparedStatement query =
                connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read '" + key + "' from", e);
        }
    }

    /**
     * Writes the configuration and values kept beside it in one transaction, replacing any written
     * before: a process killed meanwhile leaves all of them or none.
     *
     * @param json the configuration
     * @param entries further values by key
     */
    public synchronized void writeConfig(String json, Map<String, String> entries) {
        if (entries.containsKey("config") || entries.containsKey("schema")) {
            throw new IllegalArgumentException("the keys config and schema are the store's own");
        }
        Map<String, String> all = new java.util.TreeMap<>(entries);
        all.put("config", json);
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT OR REPLACE INTO meta VALUES (?, ?)")) {
                for (Map.Entry<String, String> entry : all.entrySet()) {
                    insert.setString(1, entry.getKey());
                    insert.setString(2, entry.getValue());
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("write the configuration to", e);
        }
    }

    private static @Nullable Instant instant(@Nullable String text) {
        return text == null ? null : Instant.parse(text);
    }

    private StoreException failure(String action, SQLException e) {
        return new StoreException("cannot " + action + " " + file + ": " + e.getMessage(), e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }
}
