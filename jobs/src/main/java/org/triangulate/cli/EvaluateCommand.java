package org.triangulate.cli;

import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.TriangulateProperties;
import org.triangulate.evaluate.NightEvaluation;
import org.triangulate.study.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Measures the last night's packs and alignments against a generated study's planted truth. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description =
        "Measures the packs and item alignments of the last night against data-in/<study>/planted.yml (written with generated studies): quote item precision per pack, answer agreement, alignment recall. Prints a Markdown table; writes nothing.")
public class EvaluateCommand implements Callable<Integer> {

  @Mixin CommonOptions options;

  @Override
  public Integer call() {
    Launch launch = new Launch(options);
    TriangulateProperties properties = launch.properties();
    try (ConfigurableApplicationContext context = launch.boot(WebApplicationType.NONE)) {
      Study study = context.getBean(Study.class);
      NightEvaluation evaluation =
          NightEvaluation.measure(
              context.getBean(JdbcTemplate.class),
              study,
              properties.studyInput(study.name()),
              properties.studyOutput(study.name()).resolve("packs"));
      System.out.print(evaluation.table());
      SpringApplication.exit(context);
    }
    return 0;
  }
}
