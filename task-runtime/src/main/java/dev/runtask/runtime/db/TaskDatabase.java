package dev.runtask.runtime.db;

import dev.runtask.runtime.tx.Transactions;

/** What {@link PooledDatabase#forTasks()} hands out: the two task-facing parts and no more. */
record TaskDatabase(Transactions transactions, ConnectionProvider connections)
    implements Database {}
