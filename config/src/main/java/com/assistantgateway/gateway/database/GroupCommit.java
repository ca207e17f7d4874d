package com.assistantgateway.gateway.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Waits until what a connection committed is written to H2's file, sharing one write among every commit made before
 * it started. H2 writes on its own either at each commit, one commit at a time ({@code WRITE_DELAY=0}: two thirds of
 * the database's CPU on the message path went to those commits, most of it rewriting B-tree pages), or in the background
 * ({@code WRITE_DELAY} ms later, which {@code kill -9} would lose). Here the first committer to arrive runs
 * {@code CHECKPOINT} (H2 stores every change made so far, without fsync: the operating system keeps the file through
 * a killed process), and those who committed meanwhile wait for it or for the next one, which covers them.
 */
final class GroupCommit {

    /** The write itself: H2's {@code CHECKPOINT} on the committer's own connection (a pooled one could run out). */
    interface Checkpoint {
        void write(Connection connection) throws SQLException;
    }

    private final Checkpoint checkpoint;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    /** Commits that asked to be written, numbered in the order they asked, each after its commit. */
    private long requested;
    /** Every commit numbered up to this one is on the file. */
    private long covered;

    private boolean writing;

    GroupCommit() {
        this(GroupCommit::h2Checkpoint);
    }

    GroupCommit(Checkpoint checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** Returns once everything the caller committed before calling is on the file. */
    void awaitWritten(Connection connection) throws SQLException {
        lock.lock();
        try {
            long mine = ++requested;
            while (covered < mine) {
                if (writing) {
                    written.awaitUninterruptibly();
                    continue;
                }
                // Every commit numbered up to now happened before this write starts, so it covers them all.
                long upTo = requested;
                writing = true;
                boolean done = false;
                lock.unlock();
                try {
                    checkpoint.write(connection);
                    done = true;
                } finally {
                    lock.lock();
                    writing = false;
                    if (done) {
                        covered = upTo;
                    }
                    written.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Commits waiting for the write under way. */
    int waiting() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(written);
        } finally {
            lock.unlock();
        }
    }

    private static void h2Checkpoint(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }
}
