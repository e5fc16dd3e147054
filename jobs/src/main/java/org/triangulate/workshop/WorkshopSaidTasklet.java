package org.triangulate.workshop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.triangulate.output.OutputFiles;
import org.triangulate.output.SpreadsheetText;
import org.triangulate.stats.Pattern;
import org.triangulate.stats.StudyStatistics;
import org.triangulate.study.Study;

/**
 * Writes {@code data-out/<study>/workshops/said.html} and {@code said.csv}: under each of tonight's
 * patterns, strongest first, what the workshops said about it (see {@link WorkshopSaid}). Nothing
 * is written for a study without workshop notes. Counts notes written.
 */
public class WorkshopSaidTasklet implements Tasklet {

  private final JdbcTemplate jdbc;
  private final StudyStatistics statistics;
  private final Study study;
  private final ITemplateEngine templates;
  private final Path directory;

  public WorkshopSaidTasklet(
      JdbcTemplate jdbc,
      StudyStatistics statistics,
      Study study,
      ITemplateEngine templates,
      Path directory) {
    this.jdbc = jdbc;
    this.statistics = statistics;
    this.study = study;
    this.templates = templates;
    this.directory = directory;
  }

  /** A pattern and what the workshops said about it, for the template. */
  public record Section(Pattern pattern, List<WorkshopNote> notes) {}

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    Integer notes =
        jdbc.queryForObject(
            "select count(*) from workshop_note where study = ?", Integer.class, study.name());
    if (notes == null || notes == 0) {
      return RepeatStatus.FINISHED;
    }
    List<Pattern> patterns = statistics.compute().patterns();
    WorkshopSaid said = WorkshopSaid.of(jdbc, study.name(), patterns);
    List<Section> sections = new ArrayList<>();
    patterns.forEach(p -> sections.add(new Section(p, said.about(p.id()))));
    Context context = new Context();
    context.setVariable("studyTitle", study.title());
    context.setVariable("sections", sections);
    String html = templates.process("workshop/said", context);
    OutputFiles.writeReadable(directory.resolve("said.html"), out -> out.write(html));
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(
                "pattern", "workshop", "date", "pack", "groups", "paragraph", "categories", "text")
            .setRecordSeparator('\n')
            .get();
    OutputFiles.writeReadable(
        directory.resolve("said.csv"),
        out -> {
          try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Section section : sections) {
              for (WorkshopNote n : section.notes()) {
                printer.printRecord(
                    List.of(
                            section.pattern().id(),
                            n.workshop().id(),
                            n.workshop().heldOn(),
                            n.workshop().pack(),
                            String.join(";", n.workshop().groups()),
                            n.paragraph(),
                            String.join(";", n.categories()),
                            n.text())
                        .stream()
                        .map(SpreadsheetText::cell)
                        .toList());
              }
            }
          }
        });
    contribution.incrementWriteCount(notes);
    return RepeatStatus.FINISHED;
  }
}
