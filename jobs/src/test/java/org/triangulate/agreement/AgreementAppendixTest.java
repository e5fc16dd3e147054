package org.triangulate.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementAppendixTest {

  @TempDir Path dir;

  @Test
  void readsANegativeKappaEvenWhenSavedAsTextAndSkipsCategoriesNobodyCoded() throws Exception {
    Files.writeString(
        dir.resolve(AgreementWriter.AGREEMENT_CSV),
        String.join(",", AgreementWriter.AGREEMENT_HEADER)
            + "\n"
            + "pay,Pay,a,b,240,0,0,2,238,0.9917,0.0000,'-0.0021,0.0000,0.0157\n"
            + "team,Team,a,b,240,0,0,0,240,1.0000,,,0.0000,0.0000\n");

    assertThat(AgreementAppendix.lines(dir))
        .containsEntry(
            "Agreement: Pay",
            "a and b: κ 0.00, α -0.00 over 240 segments (coded 0% and 2% of their text)")
        .containsKey("Agreement between coders")
        .doesNotContainKey("Agreement: Team");
  }

  @Test
  void saysNothingWhenTheNightWroteNoAgreement() {
    assertThat(AgreementAppendix.lines(dir)).isEmpty();
  }
}
