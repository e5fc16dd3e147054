package org.triangulate.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.triangulate.study.Study;

/**
 * Real Lingua models on the demo's English transcripts, the French test transcripts (written for
 * the tests) and short German, Spanish and mixed texts written here.
 */
class TranscriptLanguagesTest {

  private static final Study.Languages ENGLISH = Study.Languages.ENGLISH;
  private static final Study.Languages ENGLISH_AND_FRENCH =
      new Study.Languages(List.of("en", "fr"), null, null);
  private static final Study.Languages ENGLISH_QUARANTINING =
      new Study.Languages(List.of("en"), "quarantine", null);

  private static final String GERMAN =
      """
      Interviewer: Wie sind Sie zu dieser Stelle gekommen?
      Befragte: Ich habe die Anzeige im Gemeindezentrum gesehen und mich sofort beworben, weil ich \
      selbst lange in Behandlung war und wusste, wie wichtig Unterstützung durch Gleichbetroffene ist.
      Interviewer: Und wie war die Einarbeitung?
      Befragte: Am Anfang gab es keine klare Stellenbeschreibung. Das Team wusste nicht genau, was \
      ich eigentlich machen sollte, und ich musste mir vieles selbst erarbeiten.
      """;

  @Test
  void tellsEveryDemoTranscriptIsInEnglish() throws IOException {
    TranscriptLanguages languages = new TranscriptLanguages(ENGLISH_AND_FRENCH);
    List<Path> files;
    try (Stream<Path> listed = Files.list(demoTranscripts())) {
      files = listed.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
    }
    long english =
        files.stream()
            .map(TranscriptLanguagesTest::read)
            .map(languages::of)
            .filter(v -> v.outcome() == LanguageVerdict.Outcome.DETECTED)
            .filter(v -> "en".equals(v.language()))
            .count();
    System.out.printf("Demo transcripts told English: %d of %d%n", english, files.size());
    assertThat(files).hasSizeGreaterThan(50);
    assertThat(english).isEqualTo(files.size());
  }

  @Test
  void tellsAFrenchTranscriptIsInFrenchWhenTheStudyDeclaresFrench() throws IOException {
    TranscriptLanguages languages = new TranscriptLanguages(ENGLISH_AND_FRENCH);
    for (String name : List.of("P090-fr.txt", "P091-fr.txt")) {
      LanguageVerdict verdict = languages.of(resource(name));
      assertThat(verdict.outcome()).isEqualTo(LanguageVerdict.Outcome.DETECTED);
      assertThat(verdict.language()).isEqualTo("fr");
      assertThat(verdict.shares().get("fr")).isGreaterThan(0.9);
    }
  }

  @Test
  void refusesAFrenchTranscriptInAnEnglishStudyNamingTheLanguageAndItsShare() throws IOException {
    LanguageVerdict verdict = new TranscriptLanguages(ENGLISH).of(resource("P090-fr.txt"));
    assertThat(verdict.outcome()).isEqualTo(LanguageVerdict.Outcome.UNDECLARED);
    assertThat(verdict.language()).isNull();
    assertThat(verdict.seen().getFirst()).isEqualTo("fr");
    assertThat(verdict.sharesText()).startsWith("fr ");
  }

  @Test
  void refusesAGermanTranscriptThatNoDeclaredLanguageComesClose() {
    LanguageVerdict verdict = new TranscriptLanguages(ENGLISH_AND_FRENCH).of(GERMAN);
    assertThat(verdict.outcome()).isEqualTo(LanguageVerdict.Outcome.UNDECLARED);
    assertThat(verdict.seen().getFirst()).isEqualTo("de");
  }

  @Test
  void annotatesATooShortTranscriptInTheDefaultLanguageOrQuarantinesItAsTheStudySays() {
    String tooShort = "I: Hello.\nR: Hi, yes.\n";
    LanguageVerdict annotated = new TranscriptLanguages(ENGLISH).of(tooShort);
    LanguageVerdict quarantined = new TranscriptLanguages(ENGLISH_QUARANTINING).of(tooShort);
    assertThat(annotated.outcome()).isEqualTo(LanguageVerdict.Outcome.UNDETECTABLE);
    assertThat(annotated.language()).isEqualTo("en");
    assertThat(quarantined.outcome()).isEqualTo(LanguageVerdict.Outcome.UNDETECTABLE);
    assertThat(quarantined.language()).isNull();
  }

  @Test
  void reportsATranscriptHalfInAnUndeclaredLanguageAsUndetectableWithBothShares() {
    String english =
        "R: At the beginning nobody in the team knew what a peer worker was supposed to do.\n"
            + "R: Supervision came later, once a month, with a psychologist from outside.\n";
    String mixed = english + GERMAN;
    LanguageVerdict verdict = new TranscriptLanguages(ENGLISH_AND_FRENCH).of(mixed);
    assertThat(verdict.seen()).contains("en", "de");
    assertThat(verdict.outcome())
        .isIn(LanguageVerdict.Outcome.UNDETECTABLE, LanguageVerdict.Outcome.UNDECLARED);
  }

  @Test
  void givesATurnClearlyInAnotherDeclaredLanguageThatLanguage() {
    TranscriptLanguages languages = new TranscriptLanguages(ENGLISH_AND_FRENCH);
    assertThat(
            languages.ofTurn(
                "Au début, personne dans l'équipe ne savait ce que faisait une paire-aidante.",
                "en"))
        .isEqualTo("fr");
    assertThat(languages.ofTurn("Oui.", "en")).isEqualTo("en");
    assertThat(new TranscriptLanguages(ENGLISH).ofTurn("Au début, personne ne savait.", "en"))
        .isEqualTo("en");
  }

  private static Path demoTranscripts() {
    String configured = System.getProperty("triangulate.home");
    Path home = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent();
    return home.resolve("data-in/demo/transcripts");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in =
        TranscriptLanguagesTest.class.getClassLoader().getResourceAsStream("languages/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
