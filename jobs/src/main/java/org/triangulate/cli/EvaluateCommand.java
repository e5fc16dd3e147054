package org.triangulate.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.triangulate.TriangulateProperties;
import org.triangulate.evaluate.Evaluation;
import org.triangulate.evaluate.EvaluationTable;
import org.triangulate.evaluate.ExtractSpan;
import org.triangulate.evaluate.PackQuotes;
import org.triangulate.evaluate.PlantedTruth;
import org.triangulate.evaluate.StoredExtracts;
import org.triangulate.evaluate.StudyAnswers;
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
      Path input = properties.studyInput(study.name());
      PlantedTruth truth = PlantedTruth.read(input.resolve("planted.yml"));
      StoredExtracts stored = new StoredExtracts(context.getBean(JdbcTemplate.class), study.name());
      Map<String, ExtractSpan> spans = stored.participantSpans();
      Map<String, String> domains =
          study.items().stream().collect(Collectors.toMap(Study.Item::id, Study.Item::domain));
      var quotes =
          Evaluation.quotes(
              truth,
              spans,
              PackQuotes.read(properties.studyOutput(study.name()).resolve("packs")),
              StudyAnswers.read(input.resolve("responses.csv"), study.happening()),
              domains);
      boolean aligned = stored.hasAlignments();
      var alignment = aligned ? Evaluation.alignment(truth, spans, stored.alignedItems()) : null;
      var quotable =
          aligned
              ? Evaluation.alignment(
                  truth, spans, stored.alignedItems(study.alignment().quoteMinScore()))
              : null;
      System.out.print(EvaluationTable.format(study.name(), quotes, alignment, quotable));
      SpringApplication.exit(context);
    }
    return 0;
  }
}
