package org.openipm.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransientFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = { "08001", "08006", "08003", "57P01", "57P02", "57P03", "53300", "53100", "40001",
            "40P01" })
    void databaseDownRestartingOverloadedOrInConflictIsTransient(String sqlState) {
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("server said no", sqlState)))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "22001", "22P02", "23505", "23502", "23514" })
    void dataAndIntegrityErrorsArePoison(String sqlState) {
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("bad value", sqlState)))).isFalse();
    }

    @Test
    void poolAcquisitionTimeoutIsTransient() {
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("Sorry, acquisition timeout!")))).isTrue();
    }

    @Test
    void refusedConnectionIsTransient() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("pool",
                new SQLException("Connection attempt failed", null, new ConnectException("Connection refused")))))
                .isTrue();
    }

    @Test
    void malformedEventIsPoison() {
        assertThat(TransientFailures.isTransient(new ReceivedEvent.MalformedEventException("no ce_id"))).isFalse();
    }

    @Test
    void unknownFailureCountsAsPermanent() {
        assertThat(TransientFailures.isTransient(new NullPointerException("bug"))).isFalse();
        assertThat(TransientFailures.isTransient(wrapped(new SQLException("syntax", "42601")))).isFalse();
    }

    @Test
    void brokerUnreachableIsTransientButARecordTooLargeIsNot() {
        assertThat(TransientFailures.isTransient(new IllegalStateException("Cannot write to dead-letter topic",
                new ExecutionException(new NotEnoughReplicasException("isr"))))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("Cannot write to dead-letter topic",
                new ExecutionException(new RecordTooLargeException("big"))))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("waited",
                new java.util.concurrent.TimeoutException()))).isTrue();
    }

    @Test
    void chainedSqlExceptionsOfABatchAreSearched() {
        SQLException batch = new SQLException("Batch entry 0 was aborted");
        batch.setNextException(new SQLException("terminating connection", "57P01"));
        assertThat(TransientFailures.isTransient(wrapped(batch))).isTrue();
    }

    @Test
    void causeCyclesEndTheSearch() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(TransientFailures.isTransient(a)).isFalse();
    }

    /** As Hibernate and the transaction manager hand it over: the driver's exception a few causes deep. */
    private static RuntimeException wrapped(SQLException e) {
        return new RuntimeException("transaction failed", new IllegalStateException("could not execute", e));
    }
}
