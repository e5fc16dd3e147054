package org.triangulate.synthesis;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.triangulate.stats.Answer;
import org.triangulate.stats.ItemGroupStats;
import org.triangulate.stats.ItemStatistics;
import org.triangulate.stats.Pattern;
import org.triangulate.stats.PatternFamily;
import org.triangulate.study.Happening;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;

/**
 * A small pack for unit tests: the demo study's design (loaded from {@code config/demo}), made-up
 * answers of 12 participants in two cases to its first item, a replicated-not-in-place pattern on
 * that item, and quotes handed out by a fake {@link QuoteFinder} (one of them hostile HTML; the
 * second case gets none).
 */
final class PackFixture {

  static final Path HOME = home();
  static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 26);
  static final String HOSTILE =
      "I said <script>alert('x')</script> & <img src=\"https://tracker.invalid/p.png\"> \"no\" to"
          + " that, and I'd say it again to anyone who asks me about it.";

  /** A turn a spreadsheet would run as a formula if the CSV wrote it as it is. */
  static final String FORMULA =
      "=HYPERLINK(\"https://tracker.invalid\",\"We talked about it at every team meeting\")";

  final Study study = new StudyLoader().load(HOME.resolve("config"), "demo");
  final Study.Item item = study.items().get(0);
  final String caseA = "C01";
  final String caseB = "C02";
  final String group = study.participantAttributes().get(0).id();
  final List<String> groupValues =
      List.copyOf(study.participantAttributes().get(0).values().keySet());
  final List<ItemGroupStats> stats;
  final Pattern pattern;

  PackFixture() {
    List<Answer> answers = new ArrayList<>();
    Map<String, Map<String, String>> groups = new HashMap<>();
    for (int i = 1; i <= 12; i++) {
      String participant = String.format("P%03d", i);
      Happening happening =
          i % 6 == 0 ? Happening.PARTLY : i % 5 == 0 ? Happening.YES : Happening.NO;
      answers.add(new Answer(participant, item.id(), happening, 1 + i % 4));
      Map<String, String> g = new HashMap<>();
      g.put(ItemGroupStats.CASE, i <= 6 ? caseA : caseB);
      g.put(group, groupValues.get(i % 2));
      groups.put(participant, g);
    }
    stats = new ItemStatistics(study).compute(answers, groups);
    pattern =
        new Pattern(
            PatternFamily.REPLICATED_NOT_IN_PLACE.name() + ":" + item.id(),
            PatternFamily.REPLICATED_NOT_IN_PLACE.name(),
            PatternFamily.REPLICATED_NOT_IN_PLACE,
            item.id(),
            ItemGroupStats.CASE,
            List.of(caseA, caseB),
            null,
            null,
            "in place 10% overall, at most 20% in each of 2 cases with n ≥ 3",
            0.6,
            List.of("some_category"),
            List.of());
  }

  /** Hands out fixed quotes: two for the first case (one hostile), none for the second. */
  static final class FakeQuotes extends QuoteFinder {
    FakeQuotes(Study study) {
      super(null, null, study);
    }

    @Override
    public List<Quote> find(
        String itemId,
        org.triangulate.stats.ItemGroupStats row,
        String grouping,
        String group,
        String caseId,
        Section section) {
      if (!group.equals("C01")) {
        return List.of();
      }
      List<Quote> quotes = List.of(quote("e1", HOSTILE, "P001"), quote("e2", FORMULA, "P002"));
      quotes.forEach(section::add);
      return quotes;
    }

    private static Quote quote(String id, String text, String participant) {
      return new Quote(
          id,
          text,
          participant,
          "C01",
          Map.of(),
          List.of("some_category"),
          "transcripts/" + participant + ".txt",
          10,
          10 + text.length(),
          "en",
          null,
          null,
          null,
          null);
    }
  }

  PackWriter.PackView view() {
    JointDisplayBuilder builder = new JointDisplayBuilder(study, new FakeQuotes(study));
    JointDisplay display = builder.build(pattern, stats);
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("cases", 2L);
    counts.put("participants", 12L);
    return new PackWriter.PackView(
        study.title(),
        "test-pack",
        "A test pack",
        null,
        7,
        RUN_DATE,
        counts,
        List.of(study.groupingLabel(group)),
        List.of("Not in place in any case"),
        List.of(display),
        new PackMethod(study).describe(),
        ItemTables.answerHeadings(),
        new ItemTables(study).tables(List.of(item.id()), List.of(group), stats),
        new PackProvenance(
            List.of(new PackProvenance.Input("responses.csv", 1, "ab".repeat(32))),
            List.of(new PackProvenance.Input("study.yml", 1, "cd".repeat(32))),
            Map.of("Java", "21")));
  }

  static SpringTemplateEngine templates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  private static Path home() {
    String configured = System.getProperty("triangulate.home");
    return configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
  }
}
