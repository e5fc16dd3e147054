package org.triangulate.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class AuditLogTest {

  @TempDir Path work;

  private final Clock clock = Clock.fixed(Instant.parse("2026-12-06T21:00:00Z"), ZoneOffset.UTC);

  @Test
  void aServerStartedAgainAppendsAndKeepsTheChain() throws Exception {
    Path file = work.resolve("audit/audit.log");
    AuditLog first = new AuditLog(file, clock);
    first.record("asha", AuditLog.Action.SEARCH, "/api/search", "q=pay", 200);
    first.record("asha", AuditLog.Action.EXPORT, "/api/export.csv", "q=pay", 200);

    AuditLog restarted = new AuditLog(file, clock);
    restarted.record("tom", AuditLog.Action.CONTEXT, "/extracts/e1", null, 200);

    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(3);
    assertThat(previousOf(lines.get(0))).isEmpty();
    assertThat(previousOf(lines.get(1))).isEqualTo(sha(lines.get(0)));
    assertThat(previousOf(lines.get(2))).isEqualTo(sha(lines.get(1)));
    assertThat(lines.get(2))
        .isEqualTo(
            "{\"time\":\"2026-12-06T21:00:00Z\",\"user\":\"tom\",\"action\":\"context\","
                + "\"path\":\"/extracts/e1\",\"query\":\"\",\"status\":200,\"previous\":\""
                + sha(lines.get(1))
                + "\"}");
  }

  private static String previousOf(String line) {
    return JsonMapper.builder().build().readTree(line).path("previous").asString();
  }

  private static String sha(String line) {
    return DigestUtils.sha256Hex((line + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
