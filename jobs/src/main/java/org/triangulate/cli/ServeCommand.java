package org.triangulate.cli;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.triangulate.TriangulateProperties;
import org.triangulate.node.RunningNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The analyst search: web page and REST API over the study's extracts. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Serves the analyst search page and REST API (/api/search, /api/extracts/{id}, /api/export.csv, /api/categories, /api/stats/items; described at /v3/api-docs) and health (/actuator/health on 127.0.0.1, management.server.port, 8081). Binds to 127.0.0.1 (triangulate.web.address) and answers only requests addressed to it; other addresses need accounts (triangulate.web.accounts, or single sign-on with triangulate.web.oidc), which every request must then use. Searches, context views and exports go to data-out/<study>/audit/audit.log.")
public class ServeCommand implements Callable<Integer> {

  @Mixin CommonOptions options;

  @Option(names = "--port", description = "HTTP port (default: server.port, 8080).")
  Integer port;

  @Override
  public Integer call() throws Exception {
    Launch launch = new Launch(options);
    TriangulateProperties.Web web = launch.properties().web();
    if (!InetAddress.getByName(web.address()).isLoopbackAddress() && !web.hasCredentials()) {
      System.err.println(
          "triangulate: refusing to serve transcripts on "
              + web.address()
              + " without accounts: set triangulate.web.accounts or triangulate.web.oidc"
              + " (docs/security.md), or bind to 127.0.0.1");
      return 2;
    }
    Optional<RunningNode> node = launch.ensureElasticsearch();
    Map<String, Object> server = new LinkedHashMap<>();
    server.put("server.address", web.address());
    if (port != null) {
      server.put("server.port", port);
    }
    String store = launch.property("spring.datasource.url");
    if (store != null && store.startsWith("jdbc:h2:") && !store.startsWith("jdbc:h2:mem:")) {
      // The search reads only the index. Left alone, the server would hold the embedded store's
      // file open and lock every night out; it gets an empty store of its own instead.
      server.put("spring.datasource.url", "jdbc:h2:mem:triangulate-serve;DB_CLOSE_DELAY=-1");
    }
    ConfigurableApplicationContext context = launch.boot(WebApplicationType.SERVLET, server);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              context.close();
              node.filter(RunningNode::startedNow)
                  .ifPresent(n -> launch.embeddedElasticsearch().stop());
              stopped.countDown();
            }));
    System.out.println(
        "Analyst search on http://"
            + web.address()
            + ":"
            + context.getEnvironment().getProperty("local.server.port")
            + "/  (Ctrl-C to stop)");
    String managementPort = context.getEnvironment().getProperty("local.management.port");
    if (managementPort != null) {
      System.out.println(
          "Health on http://"
              + context.getEnvironment().getProperty("management.server.address", web.address())
              + ":"
              + managementPort
              + "/actuator/health");
    }
    stopped.await();
    return 0;
  }
}
