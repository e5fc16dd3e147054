package org.triangulate.batch;

import java.io.Console;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Progress of a long step: items done of the total, rate and time left. On an interactive terminal
 * a progress bar; otherwise a line in the log every {@code logEvery} (and at the end). Register it
 * on the step (start, finish) and, for partitioned steps, on each worker step (items written);
 * counting is thread-safe.
 */
public class StepProgress implements StepExecutionListener, ItemWriteListener<Object> {

  private static final Logger log = LoggerFactory.getLogger(StepProgress.class);

  private final String task;
  private final String unit;
  private final ToLongFunction<StepExecution> total;
  private final Duration logEvery;
  private final AtomicLong done = new AtomicLong();
  private volatile long max;
  private volatile Instant started;
  private volatile Instant lastLogged;
  private volatile ProgressBar bar;

  public StepProgress(
      String task, String unit, ToLongFunction<StepExecution> total, Duration logEvery) {
    this.task = task;
    this.unit = unit;
    this.total = total;
    this.logEvery = logEvery;
  }

  /**
   * A listener for worker steps that counts into this progress without starting or finishing it.
   */
  public ItemWriteListener<Object> counter() {
    return new ItemWriteListener<>() {
      @Override
      public void afterWrite(Chunk<?> items) {
        advance(items.size());
      }
    };
  }

  @Override
  public void beforeStep(StepExecution stepExecution) {
    max = total.applyAsLong(stepExecution);
    done.set(0);
    started = Instant.now();
    lastLogged = started;
    bar = interactive() && max > 0 ? bar() : null;
  }

  @Override
  public void afterWrite(Chunk<?> items) {
    advance(items.size());
  }

  @Override
  public ExitStatus afterStep(StepExecution stepExecution) {
    ProgressBar finished = bar;
    if (finished != null) {
      finished.close();
      bar = null;
    }
    log.info("{}: {}", task, line(done.get()));
    return stepExecution.getExitStatus();
  }

  void advance(long items) {
    long now = done.addAndGet(items);
    ProgressBar current = bar;
    if (started == null) {
      // A remote worker's partition: the worker logs each partition it finishes instead.
      return;
    }
    if (current != null) {
      current.stepTo(now);
    } else if (Duration.between(lastLogged, Instant.now()).compareTo(logEvery) >= 0) {
      lastLogged = Instant.now();
      log.info("{}: {}", task, line(now));
    }
  }

  /** "40/89 sources (45%), 3.1/s, about 17 s left". */
  String line(long now) {
    double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
    double rate = now / seconds;
    StringBuilder line =
        new StringBuilder().append(now).append('/').append(max).append(' ').append(unit);
    if (max > 0) {
      line.append(String.format(" (%d%%)", Math.round(100.0 * now / max)));
    }
    line.append(String.format(", %.1f/s", rate));
    if (rate > 0 && now < max) {
      line.append(String.format(", about %d s left", Math.round((max - now) / rate)));
    }
    return line.toString();
  }

  private ProgressBar bar() {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setUnit(" " + unit, 1)
        .setStyle(ProgressBarStyle.ASCII)
        .showSpeed()
        .setUpdateIntervalMillis(500)
        .continuousUpdate()
        .build();
  }

  /** A terminal someone watches; output piped to a file or a scheduler gets log lines instead. */
  private static boolean interactive() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      // Java 22+ returns a console even when redirected; isTerminal() tells the difference.
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
