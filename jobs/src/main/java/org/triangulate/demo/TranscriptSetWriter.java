package org.triangulate.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Writes every participant's transcript into {@code transcripts/}: composed, laid out in a random
 * transcription style, then saved the ways real files arrive — most as UTF-8 .txt with LF or CRLF,
 * a few with a byte-order mark, a few with accents decomposed (NFD), a few as .docx. Planted
 * offsets always refer to the canonical text, whatever the file's encoding. Not thread-safe.
 */
final class TranscriptSetWriter {

  /** What was written: each file's truth, which files are .docx, start with a BOM or are NFD. */
  record Written(
      List<PlantedTruthWriter.TranscriptTruth> transcripts,
      List<String> docx,
      List<String> bom,
      List<String> nfd,
      long words,
      List<String> secondLanguage) {}

  /**
   * The participants whose interviews are held in a second language, that language's phrase bank
   * and identifying details.
   */
  record SecondLanguage(PhraseBank bank, LocalIdentifiers identifiers, Set<String> participants) {}

  private final PhraseBank bank;
  private final DemoDesign design;
  private final InterviewComposer composer;
  private final Seeds seeds;
  private final HeldOutNames heldOut;
  private final SecondLanguage second;
  private final InterviewComposer secondComposer;
  private final HeldOutNames secondHeldOut;

  TranscriptSetWriter(PhraseBank bank, DemoDesign design, InterviewComposer composer, Seeds seeds) {
    this(bank, design, composer, seeds, null);
  }

  /**
   * @param second the interviews in a second language, or null when all are in the bank's
   */
  TranscriptSetWriter(
      PhraseBank bank,
      DemoDesign design,
      InterviewComposer composer,
      Seeds seeds,
      SecondLanguage second) {
    this.bank = bank;
    this.design = design;
    this.composer = composer;
    this.seeds = seeds;
    this.heldOut = new HeldOutNames(design, bank);
    this.second = second;
    this.secondComposer =
        second == null ? null : composer.inLanguage(second.bank(), second.identifiers());
    this.secondHeldOut =
        second == null ? null : new HeldOutNames(design, second.bank(), second.identifiers());
  }

  private boolean inSecondLanguage(DemoParticipant p) {
    return second != null && second.participants().contains(p.id());
  }

  Written write(
      Path folder, List<DemoParticipant> participants, List<DemoAnswer> answers, double scale) {
    DemoDesign.TranscriptPlan plan = design.transcripts();
    Map<String, List<DemoAnswer>> byParticipant =
        answers.stream()
            .collect(
                Collectors.groupingBy(
                    a -> a.participant().id(), LinkedHashMap::new, Collectors.toList()));
    Map<DemoParticipant, RenderedTranscript> rendered = new LinkedHashMap<>();
    for (DemoParticipant p : participants) {
      RandomGenerator random = seeds.stream("transcript/" + p.id());
      boolean secondLanguage = inSecondLanguage(p);
      // A participant interviewed in the second language has a first name of that country.
      DemoParticipant speaker =
          secondLanguage
              ? new DemoParticipant(
                  p.id(),
                  p.number(),
                  p.caseDesign(),
                  p.group(),
                  p.interviewDate(),
                  second.identifiers().firstName(seeds.stream("transcript/" + p.id() + "/name")))
              : p;
      List<Turn> turns =
          (secondLanguage ? secondHeldOut : heldOut)
              .apply(
                  (secondLanguage ? secondComposer : composer)
                      .compose(speaker, byParticipant.getOrDefault(p.id(), List.of()), random),
                  speaker,
                  seeds.stream("transcript/" + p.id() + "/held-out"));
      RenderedTranscript transcript =
          TranscriptRenderer.render(turns, Draw.pick(random, bank.styles()), speaker, random);
      if (transcript.words() < plan.minWords() || transcript.words() > plan.maxWords()) {
        throw new IllegalStateException(
            "transcript of "
                + p.id()
                + " has "
                + transcript.words()
                + " words, outside "
                + plan.minWords()
                + "-"
                + plan.maxWords()
                + ": adjust the phrase bank or design");
      }
      rendered.put(p, transcript);
    }
    RandomGenerator formats = seeds.stream("transcripts/formats");
    Set<DemoParticipant> docx =
        Set.copyOf(
            Draw.sample(formats, participants, ParticipantPlanner.scaled(plan.docx(), scale)));
    List<DemoParticipant> txt = participants.stream().filter(p -> !docx.contains(p)).toList();
    List<DemoParticipant> decomposable =
        txt.stream()
            .filter(p -> {
              String text = rendered.get(p).text();
              return !Normalizer.normalize(text, Normalizer.Form.NFD).equals(text);
            })
            .toList();
    Set<DemoParticipant> nfd =
        Set.copyOf(
            Draw.sample(formats, decomposable, ParticipantPlanner.scaled(plan.nfd(), scale)));
    Set<DemoParticipant> bom =
        Set.copyOf(
            Draw.sample(
                formats,
                txt.stream().filter(p -> !nfd.contains(p)).toList(),
                ParticipantPlanner.scaled(plan.bom(), scale)));
    List<PlantedTruthWriter.TranscriptTruth> truths = new ArrayList<>();
    List<String> docxFiles = new ArrayList<>();
    List<String> bomFiles = new ArrayList<>();
    List<String> nfdFiles = new ArrayList<>();
    List<String> secondLanguageFiles = new ArrayList<>();
    long words = 0;
    for (DemoParticipant p : participants) {
      RenderedTranscript transcript = rendered.get(p);
      boolean crlf = Draw.chance(formats, 0.4);
      String name = p.id() + (docx.contains(p) ? ".docx" : ".txt");
      byte[] bytes;
      if (docx.contains(p)) {
        bytes =
            DocxTranscriptWriter.write(
                transcript.text(), "Interview " + p.id(), p.interviewDate() + "T17:00:00Z");
      } else {
        String text = transcript.text();
        if (nfd.contains(p)) {
          text = Normalizer.normalize(text, Normalizer.Form.NFD);
        }
        if (crlf) {
          text = text.replace("\n", "\r\n");
        }
        if (bom.contains(p)) {
          text = "\uFEFF" + text;
        }
        bytes = text.getBytes(StandardCharsets.UTF_8);
      }
      write(folder.resolve(name), bytes);
      (docx.contains(p)
              ? docxFiles
              : nfd.contains(p) ? nfdFiles : bom.contains(p) ? bomFiles : new ArrayList<String>())
          .add(name);
      words += transcript.words();
      if (inSecondLanguage(p)) {
        secondLanguageFiles.add("transcripts/" + name);
      }
      Map<String, String> answered = new LinkedHashMap<>();
      byParticipant
          .getOrDefault(p.id(), List.of())
          .forEach(a -> answered.put(a.itemId(), a.happening()));
      truths.add(
          new PlantedTruthWriter.TranscriptTruth("transcripts/" + name, transcript, answered));
    }
    return new Written(truths, docxFiles, bomFiles, nfdFiles, words, secondLanguageFiles);
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
