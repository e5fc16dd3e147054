package org.triangulate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.triangulate.language.LanguageVerdict;
import org.triangulate.language.TranscriptLanguages;
import org.triangulate.study.Study;
import org.triangulate.study.StudyLoader;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The demo generated with some interviews in French ({@code --second-language fr}), read back by
 * plain means: the study declares French, the project's language detection tells those transcripts
 * French, their planted passages are French text about their item in keeping with the participant's
 * questionnaire answer, and their planted identifiers are where planted.yml says. What a passage is
 * about is judged against the French phrase bank as written (runs of four words), not against
 * anything the generator computes.
 */
class BilingualDemoTest {

  private static final int FRENCH = 3;
  private static final Set<String> ANSWERED = Set.of("yes", "partly", "no");

  @TempDir static Path temp;
  private static Path out;
  private static Study study;
  private static Map<String, Object> planted;
  private static List<String> frenchFiles;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void generate() {
    out = temp.resolve("data-in/bilingual");
    new DemoGenerator()
        .generate(
            new DemoGenerator.Options(
                7, 1, out, temp.resolve("config"), "demo", false, "fr", FRENCH));
    study = new StudyLoader().load(temp.resolve("config"), "bilingual");
    planted = DemoInputs.planted(out);
    Map<String, Object> second = (Map<String, Object>) planted.get("second-language");
    assertThat(second).containsEntry("language", "fr");
    frenchFiles = (List<String>) second.get("transcripts");
  }

  @Test
  void theStudyDeclaresFrenchAndFrance() {
    assertThat(study.languages().declared()).containsExactly("en", "fr");
    assertThat(study.languages().countries()).containsExactly("GB", "FR");
  }

  @Test
  void theReadmeGivesTheCommandAndNamesTheFrenchTranscripts() throws IOException {
    String readme = java.nio.file.Files.readString(out.resolve("README.md"));
    assertThat(readme).contains("--second-language fr --second-language-transcripts " + FRENCH);
    for (String file : frenchFiles) {
      assertThat(readme).contains("`" + Path.of(file).getFileName() + "`");
    }
  }

  @Test
  void theFrenchTranscriptsAreToldFrenchAndTheOthersEnglish() {
    TranscriptLanguages languages = new TranscriptLanguages(study.languages());
    assertThat(frenchFiles).hasSize(FRENCH).doesNotHaveDuplicates();
    for (String file : frenchFiles) {
      LanguageVerdict verdict = languages.of(DemoInputs.canonicalText(out, file));
      assertThat(verdict.language()).as(file + " " + verdict.sharesText()).isEqualTo("fr");
      assertThat(verdict.shares().get("fr")).as(file).isGreaterThan(0.9);
    }
    List<String> english =
        identifiers().stream()
            .map(i -> (String) i.get("file"))
            .filter(f -> !frenchFiles.contains(f) && f.endsWith(".txt"))
            .distinct()
            .limit(3)
            .toList();
    assertThat(english).hasSize(3);
    for (String file : english) {
      assertThat(languages.of(DemoInputs.canonicalText(out, file)).language())
          .as(file)
          .isEqualTo("en");
    }
  }

  @Test
  void frenchPassagesAreAboutTheirItemAndAgreeWithTheAnswersGiven() {
    Map<String, String> given = new HashMap<>();
    for (var row : DemoInputs.csv(out, "responses.csv")) {
      given.put(row.get("participant_id") + "/" + row.get("item_id"), row.get("happening"));
    }
    Map<String, Object> topics = frenchTopics();
    Set<List<String>> generic = runs(elsewhere(topics));
    TranscriptLanguages languages = new TranscriptLanguages(study.languages());
    int items = 0;
    for (String file : frenchFiles) {
      String text = DemoInputs.canonicalText(out, file);
      String participant = Path.of(file).getFileName().toString().replaceFirst("\\..*", "");
      Map<String, List<String>> byItem = new LinkedHashMap<>();
      Map<String, String> answerOf = new HashMap<>();
      for (Map<String, Object> p : passages(file)) {
        String item = (String) p.get("item");
        byItem
            .computeIfAbsent(item, k -> new ArrayList<>())
            .add(DemoInputs.codePoints(text, (Integer) p.get("start"), (Integer) p.get("end")));
        answerOf.put(item, (String) p.get("answer"));
      }
      assertThat(byItem).as(file).hasSizeGreaterThan(10);
      assertThat(
              languages
                  .of(String.join("\n", byItem.values().stream().flatMap(List::stream).toList()))
                  .language())
          .as(file)
          .isEqualTo("fr");
      for (var entry : byItem.entrySet()) {
        String item = entry.getKey();
        String answer = answerOf.get(item);
        String ticked = given.get(participant + "/" + item);
        assertThat(ticked).as(file + " " + item).isNotNull();
        assertThat(ticked.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace("'", ""))
            .as(file + " " + item + " ticked")
            .isIn(spellings(answer));
        if (!ANSWERED.contains(answer)) {
          continue;
        }
        items++;
        Set<List<String>> own = runs(said(topics, item, answer));
        Set<List<String>> others = new HashSet<>();
        for (String other : ANSWERED) {
          if (!other.equals(answer)) {
            others.addAll(runs(said(topics, item, other)));
          }
        }
        others.removeAll(own);
        others.removeAll(generic);
        Set<List<String>> saidRuns = new HashSet<>();
        entry.getValue().forEach(passage -> saidRuns.addAll(runs(List.of(passage))));
        assertThat(saidRuns)
            .as(file + " " + item + " " + answer + ": " + entry.getValue())
            .containsAnyElementsOf(own)
            .doesNotContainAnyElementsOf(others);
      }
    }
    assertThat(items).isGreaterThan(30);
  }

  @Test
  void frenchIdentifiersAreWherePlantedYmlSaysInFrenchForms() {
    Map<String, Integer> kinds = new HashMap<>();
    for (Map<String, Object> id : identifiers()) {
      String file = (String) id.get("file");
      if (!frenchFiles.contains(file)) {
        continue;
      }
      String text = DemoInputs.canonicalText(out, file);
      assertThat(DemoInputs.codePoints(text, (Integer) id.get("start"), (Integer) id.get("end")))
          .as(id.toString())
          .isEqualTo(id.get("text"));
      String kind = (String) id.get("kind");
      kinds.merge(kind, 1, Integer::sum);
      String said = (String) id.get("text");
      switch (kind) {
        case "phone" -> assertThat(said).matches("(\\+33 \\d|0\\d)([ .]?\\d\\d){4}");
        case "postcode" -> assertThat(said).matches("\\d{5}");
        case "nir" -> assertThat(said.replace(" ", "")).matches("[12]\\d{14}");
        case "nhs_number" -> throw new AssertionError("an NHS number in French: " + id);
        default -> {}
      }
    }
    System.out.printf("Identifiers planted in %d French transcripts: %s%n", FRENCH, kinds);
    assertThat(kinds).containsKeys("person", "place");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> identifiers() {
    return (List<Map<String, Object>>) planted.get("identifiers");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> passages(String file) {
    return ((List<Map<String, Object>>) planted.get("passages"))
        .stream().filter(p -> file.equals(p.get("file"))).toList();
  }

  /** The answer code and the spellings study.yml accepts for it, normalised as above. */
  private static Set<String> spellings(String code) {
    Set<String> spellings = new HashSet<>(Set.of(code));
    study
        .happening()
        .getOrDefault(code, List.of())
        .forEach(s ->
            spellings.add(s.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace("'", "")));
    return spellings;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> frenchTopics() {
    try (InputStream in =
        BilingualDemoTest.class.getResourceAsStream("/demo/variants/fr-phrases.yml")) {
      return (Map<String, Object>) new YAMLMapper().readValue(in, Map.class).get("topics");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> said(Map<String, Object> topics, String item, String answer) {
    Map<String, Object> topic = (Map<String, Object>) topics.get(item);
    return (List<String>) topic.getOrDefault(answer, List.of());
  }

  /** Every phrase of the bank that is not an item's answer: what any passage may say. */
  @SuppressWarnings("unchecked")
  private static List<String> elsewhere(Map<String, Object> topics) {
    try (InputStream in =
        BilingualDemoTest.class.getResourceAsStream("/demo/variants/fr-phrases.yml")) {
      Map<String, Object> bank = new YAMLMapper().readValue(in, Map.class);
      bank.remove("topics");
      List<String> phrases = new ArrayList<>();
      collect(bank, phrases);
      topics.values().forEach(t -> phrases.add((String) ((Map<String, Object>) t).get("topic")));
      return phrases;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(Object node, List<String> phrases) {
    if (node instanceof String s) {
      phrases.add(s);
    } else if (node instanceof Map<?, ?> m) {
      m.values().forEach(v -> collect(v, phrases));
    } else if (node instanceof List<?> l) {
      l.forEach(v -> collect(v, phrases));
    }
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

  /** Runs of four words within each phrase, between its slots, lower-cased. */
  private static Set<List<String>> runs(List<String> phrases) {
    Set<List<String>> runs = new HashSet<>();
    for (String phrase : phrases) {
      for (String piece : phrase.replaceFirst("^\\([a-z]+\\) ", "").split("\\{[a-z_]+\\}")) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(piece.toLowerCase(Locale.ROOT));
        while (m.find()) {
          words.add(m.group());
        }
        for (int i = 0; i + 4 <= words.size(); i++) {
          runs.add(List.copyOf(words.subList(i, i + 4)));
        }
      }
    }
    return runs;
  }
}
