package org.triangulate.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractDocumentTest {

  private static ExtractDocument.Builder segment() {
    return ExtractDocument.builder()
        .id("s1")
        .study("demo")
        .text("My supervisor gives me supervision.")
        .lemmas("my supervisor give I supervision .")
        .participantId("P01")
        .sourceFile("src-1")
        .endOffset(35)
        .deidentified(true)
        .runId(1L);
  }

  @Test
  void leftUnsetAFieldTakesTheRecordsDefault() {
    ExtractDocument document = segment().build();

    assertThat(document.language()).isEqualTo("en");
    assertThat(document.sourceKind()).isEqualTo(ExtractDocument.TRANSCRIPT);
    assertThat(document.attributes()).isEmpty();
    assertThat(document.categories()).isEmpty();
    assertThat(document.stakeholderGroups()).isEmpty();
    assertThat(document.vector()).isNull();
    assertThat(document.fingerprint()).isNotBlank();
  }

  @Test
  void theFingerprintFollowsTheContentNotTheRun() {
    String first = segment().build().fingerprint();

    assertThat(segment().runId(2L).build().fingerprint()).isEqualTo(first);
    assertThat(segment().text("My supervisor is away.").build().fingerprint()).isNotEqualTo(first);
    assertThat(segment().categories(List.of("supervision")).build().fingerprint())
        .isNotEqualTo(first);
  }

  @Test
  void withAVectorTheDocumentKeepsItsFieldsAndGetsAFingerprintOfItsOwn() {
    ExtractDocument plain = segment().build();

    ExtractDocument withVector = plain.withVector(new float[] {0.6f, 0.8f});

    assertThat(withVector.text()).isEqualTo(plain.text());
    assertThat(withVector.runId()).isEqualTo(plain.runId());
    assertThat(withVector.vector()).containsExactly(0.6f, 0.8f);
    assertThat(withVector.fingerprint()).isNotEqualTo(plain.fingerprint());
    assertThat(plain.toBuilder().build()).isEqualTo(plain);
  }
}
