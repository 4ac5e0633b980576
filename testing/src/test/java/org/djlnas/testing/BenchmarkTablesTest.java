package org.djlnas.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchmarkTablesTest {

    @Test
    void anUnknownTableFailsNamingIt() {
        // This module has no table providers on its class path: the spaces module ships them.
        assertThatThrownBy(() -> BenchmarkTables.rows("no-such-table"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no built-in benchmark table 'no-such-table'");
    }
}
