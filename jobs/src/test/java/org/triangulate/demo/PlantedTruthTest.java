package org.triangulate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.triangulate.study.Study;

/**
 * planted.yml does not lie: its patterns hold in responses.csv, its counts are the files', each
 * identifier sits at its offsets in the canonical text, and each passage belongs to an item its
 * participant answered as the truth says. Everything is counted here, not taken from the generator.
 */
class PlantedTruthTest {

  private final Study study = DemoInputs.study();
  private final Map<String, Object> planted = DemoInputs.planted();
  private final List<DemoInputs.Answer> answers = DemoInputs.answers(study);

  @Test
  void everyPlantedPatternHoldsInTheResponses() {
    // given the planted patterns
    List<Object> patterns = PlantedClaims.list(planted.get("patterns"));

    // when each claim is counted in the valid answers
    List<String> checked = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    for (Object pattern : patterns) {
      @SuppressWarnings("unchecked")
      Map<String, Object> p = (Map<String, Object>) pattern;
      failures.addAll(PlantedClaims.failures(p, answers, checked));
    }

    // then all hold, and the patterns cover what the study found (and at least 8 negative controls)
    assertThat(failures).isEmpty();
    assertThat(checked).hasSizeGreaterThan(40);
    assertThat(patterns)
        .extracting(p -> (Object) ((Map<?, ?>) p).get("type"))
        .contains(
            "REPLICATED_IN_PLACE",
            "REPLICATED_NOT_IN_PLACE",
            "VARIES_BY",
            "IMPORTANCE_GAP",
            "NONE");
    assertThat(patterns)
        .filteredOn(p -> "NONE".equals(((Map<?, ?>) p).get("type")))
        .singleElement()
        .satisfies(p ->
            assertThat(PlantedClaims.list(((Map<?, ?>) p).get("items")))
                .hasSizeGreaterThanOrEqualTo(8));
  }

  @Test
  void payParityIsNeverMoreThanOneInFiveYesInAnyCase() {
    // given the issue's own example of a planted pattern, counted without planted.yml
    Map<String, List<DemoInputs.Answer>> byCase =
        answers.stream()
            .filter(a -> a.itemId().equals("pay_parity"))
            .collect(Collectors.groupingBy(a -> a.who().get("case")));

    // then
    assertThat(byCase).hasSize(DemoInputs.csv("cases.csv").size());
    byCase.forEach((c, rows) ->
        assertThat(rows.stream().filter(a -> a.happening().equals("yes")).count())
            .as(c)
            .isLessThanOrEqualTo(rows.size() / 5));
  }

  @Test
  void countsAreTheFiles() throws IOException {
    // given
    Map<?, ?> counts = (Map<?, ?>) planted.get("counts");
    List<Path> transcripts;
    try (Stream<Path> files = Files.list(DemoInputs.DEMO.resolve("transcripts"))) {
      transcripts = files.sorted().toList();
    }
    long words = 0;
    for (Path t : transcripts) {
      String text = DemoInputs.canonicalText("transcripts/" + t.getFileName()).strip();
      words += text.split("\\s+").length;
    }

    // then
    assertThat(counts.get("cases")).isEqualTo(DemoInputs.csv("cases.csv").size());
    assertThat(counts.get("participants")).isEqualTo(DemoInputs.csv("participants.csv").size());
    assertThat(counts.get("response-rows")).isEqualTo(answers.size());
    assertThat(counts.get("response-rows")).isEqualTo(DemoInputs.csv("responses.csv").size());
    assertThat(counts.get("transcripts")).isEqualTo(transcripts.size());
    assertThat(counts.get("docx-transcripts"))
        .isEqualTo((int) transcripts.stream().filter(t -> t.toString().endsWith(".docx")).count());
    assertThat(((Number) counts.get("words")).longValue()).isEqualTo(words);
  }

  @Test
  void everyIdentifierIsAtItsCodePointOffsetsInTheCanonicalText() {
    // given
    Map<String, String> texts = new HashMap<>();
    List<Object> identifiers = PlantedClaims.list(planted.get("identifiers"));

    // then each is where it says, well-formed for its kind, and every kind is planted
    for (Object i : identifiers) {
      Map<?, ?> id = (Map<?, ?>) i;
      String text = texts.computeIfAbsent((String) id.get("file"), DemoInputs::canonicalText);
      String planted = (String) id.get("text");
      assertThat(DemoInputs.codePoints(text, (Integer) id.get("start"), (Integer) id.get("end")))
          .as("%s", id)
          .isEqualTo(planted);
      switch ((String) id.get("kind")) {
        case "nhs_number" -> assertThat(validNhsNumber(planted)).as(planted).isTrue();
        case "postcode" -> assertThat(planted).matches("[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}");
        case "email" -> assertThat(planted).matches("[a-z]+\\.[a-z]+@[a-z-]+\\.example");
        case "phone" -> assertThat(planted.replaceAll("\\D", "")).hasSizeBetween(11, 12);
        default -> assertThat(planted).isNotBlank();
      }
    }
    assertThat(identifiers)
        .extracting(i -> (Object) ((Map<?, ?>) i).get("kind"))
        .contains(
            "person",
            "place",
            "organisation",
            "phone",
            "email",
            "nhs_number",
            "postcode",
            "date_of_birth");
    assertThat(texts.keySet()).anyMatch(f -> f.endsWith(".docx"));
  }

  @Test
  void everyPassageIsAboutAnItemItsParticipantAnsweredAsPlanted() {
    // given each participant's answers, from responses.csv
    Map<String, String> answered = new HashMap<>();
    for (CSVRecord r : DemoInputs.csv("responses.csv")) {
      answered.putIfAbsent(r.get("participant_id") + "/" + r.get("item_id"), r.get("happening"));
    }
    Map<String, String> code = new HashMap<>();
    answers.forEach(a -> code.put(a.who().get("participant_id") + "/" + a.itemId(), a.happening()));
    List<Object> passages = PlantedClaims.list(planted.get("passages"));

    // then every passage's answer is the participant's, and the passage has text
    Map<String, String> texts = new HashMap<>();
    for (Object p : passages) {
      Map<?, ?> passage = (Map<?, ?>) p;
      String file = (String) passage.get("file");
      String participant = Path.of(file).getFileName().toString().replaceAll("\\..*", "");
      assertThat(code.get(participant + "/" + passage.get("item")))
          .as("%s", passage)
          .isEqualTo(passage.get("answer"));
      String text = texts.computeIfAbsent(file, DemoInputs::canonicalText);
      assertThat(
              DemoInputs.codePoints(
                  text, (Integer) passage.get("start"), (Integer) passage.get("end")))
          .isNotBlank();
    }
    // and every transcript talks about several items
    Map<Object, Long> perFile =
        passages.stream()
            .collect(
                Collectors.groupingBy(p -> ((Map<?, ?>) p).get("file"), Collectors.counting()));
    assertThat(perFile).hasSize(DemoInputs.csv("participants.csv").size());
    assertThat(perFile.values()).allMatch(n -> n >= 5);
  }

  @Test
  void heldOutNamesAreNeitherListedInStudyYmlNorHoldAListedTerm() {
    // given every term study.yml's deidentify lists hold, as a whole-word pattern
    Study.Deidentification lists = study.deidentify();
    List<String> terms = new ArrayList<>(lists.places());
    terms.addAll(lists.people());
    lists
        .cases()
        .values()
        .forEach(c -> {
          terms.addAll(c.names());
          terms.addAll(c.places());
        });
    List<java.util.regex.Pattern> listed =
        terms.stream()
            .map(t ->
                java.util.regex.Pattern.compile(
                    "(?<![\\p{L}\\p{N}])"
                        + java.util.regex.Pattern.quote(t.replaceFirst("^the ", ""))
                        + "(?![\\p{L}\\p{N}])",
                    java.util.regex.Pattern.CASE_INSENSITIVE
                        | java.util.regex.Pattern.UNICODE_CASE))
            .toList();
    List<Map<?, ?>> identifiers =
        PlantedClaims.list(planted.get("identifiers")).stream()
            .<Map<?, ?>>map(i -> (Map<?, ?>) i)
            .toList();

    // when the planted names are split into held out and listed
    Map<Object, Long> heldOut =
        identifiers.stream()
            .filter(i -> Boolean.TRUE.equals(i.get("held-out")))
            .collect(Collectors.groupingBy(i -> i.get("kind"), Collectors.counting()));
    List<String> heldOutHoldingATerm =
        identifiers.stream()
            .filter(i -> Boolean.TRUE.equals(i.get("held-out")))
            .map(i -> (String) i.get("text"))
            .filter(text -> listed.stream().anyMatch(p -> p.matcher(text).find()))
            .toList();
    List<String> listedPlaces =
        identifiers.stream()
            .filter(i -> !Boolean.TRUE.equals(i.get("held-out")))
            .filter(i -> i.get("kind").equals("place") || i.get("kind").equals("organisation"))
            .map(i -> (String) i.get("text"))
            .filter(text -> listed.stream().noneMatch(p -> p.matcher(text).find()))
            .toList();

    // then a good share of the places and organisations said are held out, none holds a listed
    // term, every other one is listed, and dates of birth are planted too
    assertThat(heldOutHoldingATerm).isEmpty();
    assertThat(listedPlaces).isEmpty();
    assertThat(heldOut.get("place")).isGreaterThanOrEqualTo(80L);
    assertThat(heldOut.get("organisation")).isGreaterThanOrEqualTo(20L);
    assertThat(identifiers)
        .filteredOn(i -> i.get("kind").equals("date_of_birth"))
        .hasSizeGreaterThanOrEqualTo(10);
  }

  /** Modulus 11 with weights 10..2 over the first nine digits; 11 reads as 0, 10 is invalid. */
  private static boolean validNhsNumber(String number) {
    String digits = number.replace(" ", "");
    if (!digits.matches("\\d{10}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    return (check == 11 ? 0 : check) == digits.charAt(9) - '0';
  }
}
