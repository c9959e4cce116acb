package org.openipm.platform.database;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work that must happen only once the current transaction has committed, and not at all when it rolls back. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code work} right after the current transaction commits; a rollback skips it. */
    public static void run(TransactionSynchronizationRegistry transaction, Runnable work) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    work.run();
                }
            }
        });
    }
}
