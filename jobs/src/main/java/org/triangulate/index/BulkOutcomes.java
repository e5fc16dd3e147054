package org.triangulate.index;

import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping of an {@link ExtractBulkIndexer}: operations still without an outcome, the counts
 * of those that have one, and the failure that ended indexing, if any. Thread-safe: outcomes arrive
 * on the ingester's threads while the writer waits.
 */
final class BulkOutcomes {

  private final Object lock = new Object();
  private long outstanding;
  private long indexed;
  private long deleted;
  private long retried;
  private final List<ExtractBulkIndexer.Rejection> rejected = new ArrayList<>();
  private RuntimeException fatal;

  /** An operation was handed to the ingester. */
  void added() {
    synchronized (lock) {
      throwIfFatal();
      outstanding++;
    }
  }

  void indexed() {
    done(() -> indexed++);
  }

  void deleted() {
    done(() -> deleted++);
  }

  void rejected(ExtractBulkIndexer.Rejection rejection) {
    done(() -> rejected.add(rejection));
  }

  /** An operation goes round again; it stays outstanding. */
  void retried() {
    synchronized (lock) {
      retried++;
    }
  }

  /** Indexing cannot go on; the first failure is the one reported. */
  void failed(RuntimeException failure) {
    synchronized (lock) {
      if (fatal == null) {
        fatal = failure;
      }
      lock.notifyAll();
    }
  }

  /**
   * Waits up to {@code millis} for every operation to have an outcome; returns the counts since the
   * last time and resets them, or null while some are still pending.
   *
   * @throws BulkIndexingException (or whatever ended indexing) once indexing failed
   */
  ExtractBulkIndexer.Outcome await(long millis) throws InterruptedException {
    synchronized (lock) {
      if (outstanding > 0 && fatal == null) {
        lock.wait(millis);
      }
      throwIfFatal();
      if (outstanding > 0) {
        return null;
      }
      ExtractBulkIndexer.Outcome outcome =
          new ExtractBulkIndexer.Outcome(indexed, deleted, retried, rejected);
      indexed = 0;
      deleted = 0;
      retried = 0;
      rejected.clear();
      return outcome;
    }
  }

  private void done(Runnable count) {
    synchronized (lock) {
      count.run();
      outstanding--;
      lock.notifyAll();
    }
  }

  private void throwIfFatal() {
    if (fatal != null) {
      throw fatal;
    }
  }
}
