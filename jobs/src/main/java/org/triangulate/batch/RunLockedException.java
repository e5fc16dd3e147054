package org.triangulate.batch;

/** Another live process is running the study's nightly job; the message names that run. */
public class RunLockedException extends IllegalStateException {

  RunLockedException(String study, RunLock.Owner owner) {
    super(
        owner == null
            ? "Study "
                + study
                + " is locked by another run that just finished or started; try again"
            : "Study "
                + study
                + " is already being run"
                + (owner.jobExecutionId() == null ? "" : " by execution " + owner.jobExecutionId())
                + " (host "
                + owner.host()
                + ", pid "
                + owner.pid()
                + ", started "
                + owner.acquiredAt()
                + "); not starting another");
  }
}
