package org.triangulate.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommonOptionsTest {

  @Test
  void aSecretGivenWithSetIsRefusedNamingItsEnvironmentVariable() {
    for (String[] secret :
        new String[][] {
          {"triangulate.web.password", "TRIANGULATE_WEB_PASSWORD"},
          {"spring.elasticsearch.api-key", "SPRING_ELASTICSEARCH_APIKEY"},
          {"spring.rabbitmq.password", "SPRING_RABBITMQ_PASSWORD"},
          {
            "spring.security.oauth2.client.registration.sso.client-secret",
            "SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_SSO_CLIENTSECRET"
          }
        }) {
      CommonOptions options = parse("--set", secret[0] + "=hunter2");
      assertThatThrownBy(options::properties)
          .hasMessageStartingWith("--set " + secret[0] + ": a secret on the command line")
          .hasMessageContaining(secret[1] + "=")
          .hasMessageNotContaining("hunter2");
    }
  }

  @Test
  void otherSettingsAFileNamingASecretAndAnEmptySecretPass() {
    CommonOptions options =
        parse(
            "--set", "triangulate.index.keep=3",
            "--set", "triangulate.web.password-file=/run/secrets/web",
            "--set", "spring.datasource.password=");
    assertThat(options.properties())
        .containsEntry("triangulate.index.keep", "3")
        .containsEntry("triangulate.web.password-file", "/run/secrets/web");
  }

  private static CommonOptions parse(String... arguments) {
    CommonOptions options = new CommonOptions();
    new CommandLine(options).parseArgs(arguments);
    return options;
  }
}
