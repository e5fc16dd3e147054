package org.triangulate.cli;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.triangulate.align.Embedders;
import org.triangulate.nlp.LanguagePipelines;
import org.triangulate.scale.ScaleProperties;
import org.triangulate.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Annotates and aligns the partitions a remote manager sends, until stopped. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    description =
        "Joins a study's runs as a worker: takes the annotate and align steps' partitions from"
            + " RabbitMQ (spring.rabbitmq.*) when a manager runs with triangulate.scale.mode=remote,"
            + " runs them and writes segments and alignments to the shared store (use --profile postgres"
            + " and the manager's database). Keeps running; SIGTERM or Ctrl-C stops it, and a"
            + " partition it was annotating goes to another worker.")
public class WorkerCommand implements Callable<Integer> {

  @Mixin CommonOptions options;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description =
          "Partitions run at once (default: triangulate.scale.concurrency, 0 = one per core).")
  Integer concurrency;

  @Override
  public Integer call() throws Exception {
    Map<String, Object> worker = new LinkedHashMap<>();
    worker.put("triangulate.scale.mode", "worker");
    if (concurrency != null) {
      worker.put("triangulate.scale.concurrency", concurrency);
    }
    ConfigurableApplicationContext context =
        new Launch(options).boot(WebApplicationType.NONE, worker);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              context.close();
              stopped.countDown();
            }));
    // Load the models now: a worker that cannot is better refused at start than mid-night, and
    // its first partition is not slowed down.
    System.out.println(LocalDateTime.now().withNano(0) + "  Loading CoreNLP…");
    LanguagePipelines pipelines = context.getBean(LanguagePipelines.class);
    pipelines.languages().forEach(language -> pipelines.of(language).annotate("OK."));
    System.out.println(LocalDateTime.now().withNano(0) + "  Loading the sentence-embedding model…");
    context.getBean(Embedders.class).get().embed(List.of("OK."));
    ScaleProperties scale = context.getBean(ScaleProperties.class);
    String study = context.getBean(Study.class).name();
    Environment environment = context.getEnvironment();
    System.out.println(
        LocalDateTime.now().withNano(0)
            + "  Worker for study "
            + study
            + " reading queue "
            + scale.requestQueue(study)
            + " on RabbitMQ "
            + environment.getProperty("spring.rabbitmq.host", "localhost")
            + ":"
            + environment.getProperty("spring.rabbitmq.port", "5672")
            + ", "
            + scale.effectiveConcurrency()
            + " partition(s) at a time; Ctrl-C to stop");
    stopped.await();
    return 0;
  }
}
