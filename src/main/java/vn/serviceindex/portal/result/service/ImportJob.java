package vn.serviceindex.portal.result.service;

import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One import running in the background ({@link ImportJobs}): how far it has got, and its outcome or refusal once it
 * has finished. Read by the wizard's polling; written by the import's thread.
 */
public final class ImportJob<T> {

    /** Where the import stands. */
    public enum State {
        /** Waiting for a thread, or reading and matching the file. */
        READING,
        /** Writing rows: {@link #done()} of {@link #total()}; may still be cancelled. */
        WRITING,
        /** Written and committed: {@link #outcome()}. */
        DONE,
        /** Refused or failed, nothing written: {@link #failure()}. */
        FAILED,
        /** Cancelled before its commit, nothing written. */
        CANCELLED
    }

    private volatile State state = State.READING;
    private volatile int done;
    private volatile int total;
    private volatile boolean cancelRequested;
    private volatile @Nullable T outcome;
    private volatile @Nullable RuntimeException failure;

    ImportJob() {
    }

    void run(Function<ImportProgress, T> work) {
        if (cancelRequested) {
            state = State.CANCELLED;
            return;
        }
        try {
            T result = work.apply((written, of) -> {
                if (cancelRequested) {
                    throw new CancellationException("import cancelled");
                }
                done = written;
                total = of;
                state = State.WRITING;
            });
            outcome = result;
            state = State.DONE;
        } catch (CancellationException e) {
            state = State.CANCELLED;
        } catch (RuntimeException e) {
            failure = e;
            state = State.FAILED;
        }
    }

    /**
     * Asks the import to stop: it does at its next batch and writes nothing. An import past its last batch commits
     * anyway ({@link #state()} then says DONE).
     */
    public void cancel() {
        cancelRequested = true;
    }

    public State state() {
        return state;
    }

    public boolean finished() {
        State now = state;
        return now == State.DONE || now == State.FAILED || now == State.CANCELLED;
    }

    /** Rows written so far. */
    public int done() {
        return done;
    }

    /** Rows to write; 0 until the file has been read and matched. */
    public int total() {
        return total;
    }

    public @Nullable T outcome() {
        return outcome;
    }

    public @Nullable RuntimeException failure() {
        return failure;
    }
}
