package org.triangulate.synthesis;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.triangulate.cli.Triangulate;

/**
 * Pack PDF rendering, the renderer of 9dfdccb ({@link BaselinePackPdf}) beside the current one
 * ({@link PackPdf}) in one JVM: renders the {@code index.html} of every pack in a packs folder
 * (written by {@code ./triangulate demo}) with each, in alternating rounds (A B B A …), and prints
 * per renderer the CPU and wall milliseconds per pack (median over rounds) and the ratio. Before
 * timing it checks that both give PDFs with the same pages and the same text (the baseline's
 * f-ligatures spelt out; the charts' labels, which only the current one sets as text, aside), and
 * that the current one gives the same bytes twice. Arguments: packs-folder rounds threads [a folder
 * to write both PDFs of each pack to, for a look] (default {@code data-out/demo/packs} 8 1; 2
 * threads is how the night renders).
 *
 * <p>{@code cold baseline|current packs-folder threads} instead renders every pack once in a fresh
 * JVM with one renderer, as the night does; alternate the two in separate runs to compare.
 *
 * <pre>
 * export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
 * mvn -B -q -Dstyle.color=never -pl jobs test-compile dependency:build-classpath \
 *   -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
 * cd jobs && $JAVA_HOME/bin/java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
 *   org.triangulate.synthesis.PackRenderBenchmark ../data-out/demo/packs 8 1
 * for i in 1 2 3 4; do for r in baseline current; do $JAVA_HOME/bin/java -Xmx2g -cp "…same…" \
 *   org.triangulate.synthesis.PackRenderBenchmark cold $r ../data-out/demo/packs 2; done; done
 * </pre>
 */
public final class PackRenderBenchmark {

  private static final LocalDate RUN_DATE = LocalDate.of(2026, 11, 27);

  private record Pack(String name, String html, String title) {}

  private interface Renderer {
    byte[] render(String html, String title, LocalDate runDate);
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("cold")) {
      cold(args);
      return;
    }
    Path folder = Path.of(args.length > 0 ? args[0] : "../data-out/demo/packs");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    Path written = args.length > 3 ? Path.of(args[3]) : null;
    List<Pack> packs = packs(folder);
    PackPdf currentPdf = new PackPdf();
    // PDFBox reads its deflate level from a system property at every write, which the command line
    // sets for the night: each renderer gets its own level back before it writes.
    String currentLevel = System.getProperty(Triangulate.PDF_DEFLATE_LEVEL, "1");
    BaselinePackPdf baselinePdf = new BaselinePackPdf();
    Renderer baseline =
        (html, title, date) -> {
          System.clearProperty(Triangulate.PDF_DEFLATE_LEVEL);
          return baselinePdf.render(html, title, date);
        };
    Renderer current =
        (html, title, date) -> {
          System.setProperty(Triangulate.PDF_DEFLATE_LEVEL, currentLevel);
          return currentPdf.render(html, title, date);
        };
    System.out.printf(
        "%d packs from %s, %d rounds, %d threads%n", packs.size(), folder, rounds, threads);

    for (Pack pack : packs) {
      byte[] before = baseline.render(pack.html(), pack.title(), RUN_DATE);
      byte[] after = current.render(pack.html(), pack.title(), RUN_DATE);
      byte[] again = current.render(pack.html(), pack.title(), RUN_DATE);
      if (written != null) {
        Files.createDirectories(written);
        Files.write(written.resolve(pack.name() + "-baseline.pdf"), before);
        Files.write(written.resolve(pack.name() + "-current.pdf"), after);
      }
      String same = Arrays.equals(before, after) ? "same bytes" : "same text";
      if (!Arrays.equals(after, again)) {
        throw new IllegalStateException(pack.name() + ": two renderings differ");
      }
      List<String> labels = chartLabels(pack.html());
      String beforeText = withoutLabels(withoutLigatures(text(before)), labels);
      String afterText = withoutLabels(text(after), labels);
      if (!beforeText.equals(afterText) || pages(before) != pages(after)) {
        int at = 0;
        while (at < Math.min(beforeText.length(), afterText.length())
            && beforeText.charAt(at) == afterText.charAt(at)) {
          at++;
        }
        throw new IllegalStateException(
            "%s: the text or page count changed (%d → %d pages), first at character %d: %s → %s"
                .formatted(
                    pack.name(),
                    pages(before),
                    pages(after),
                    at,
                    excerpt(beforeText, at),
                    excerpt(afterText, at)));
      }
      System.out.printf(
          "  %-22s %3d pages, %7d → %7d bytes, %s%n",
          pack.name(), pages(after), before.length, after.length, same);
    }

    long[][] cpu = new long[2][rounds];
    long[][] wall = new long[2][rounds];
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      for (int round = 0; round < rounds; round++) {
        // A B B A: neither renderer always runs on a JIT or a machine warmed by the other.
        int first = round % 2;
        for (int which : new int[] {first, 1 - first}) {
          long[] times = time(pool, which == 0 ? baseline : current, packs);
          cpu[which][round] = times[0];
          wall[which][round] = times[1];
        }
        System.out.printf(
            "round %d: baseline %.0f ms cpu/pack %.0f ms wall/pack, current %.0f / %.0f%n",
            round + 1,
            cpu[0][round] / 1e6 / packs.size(),
            wall[0][round] / 1e6 / packs.size(),
            cpu[1][round] / 1e6 / packs.size(),
            wall[1][round] / 1e6 / packs.size());
      }
    }
    double baselineCpu = median(cpu[0]) / 1e6 / packs.size();
    double currentCpu = median(cpu[1]) / 1e6 / packs.size();
    double baselineWall = median(wall[0]) / 1e6 / packs.size();
    double currentWall = median(wall[1]) / 1e6 / packs.size();
    // On a shared machine a round's two halves see the same neighbours; its ratio is steadier.
    double[] roundRatios = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      roundRatios[round] = (double) cpu[1][round] / cpu[0][round];
    }
    Arrays.sort(roundRatios);
    System.out.printf(
        "RESULT baseline_cpu_ms_per_pack=%.0f current_cpu_ms_per_pack=%.0f cpu_ratio=%.2f"
            + " baseline_wall_ms_per_pack=%.0f current_wall_ms_per_pack=%.0f wall_ratio=%.2f"
            + " median_round_cpu_ratio=%.2f (%.2f–%.2f)%n",
        baselineCpu,
        currentCpu,
        currentCpu / baselineCpu,
        baselineWall,
        currentWall,
        currentWall / baselineWall,
        roundRatios[rounds / 2],
        roundRatios[0],
        roundRatios[rounds - 1]);
    System.exit(0);
  }

  /**
   * One renderer in a fresh JVM, as the night meets it: every pack rendered once on {@code threads}
   * threads while the JIT is still compiling. Prints the process's CPU seconds (compiler and
   * collector threads included) and the wall seconds of the renders alone. Arguments: cold
   * baseline|current packs-folder threads.
   */
  private static void cold(String[] args) throws Exception {
    boolean baseline = args[1].equals("baseline");
    List<Pack> packs = packs(Path.of(args[2]));
    int threads = Integer.parseInt(args[3]);
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // From before the renderer's class is loaded: the current one reads its fonts then.
    long cpuBefore = os.getProcessCpuTime();
    if (!baseline && System.getProperty(Triangulate.PDF_DEFLATE_LEVEL) == null) {
      System.setProperty(Triangulate.PDF_DEFLATE_LEVEL, "1");
    }
    Renderer renderer = baseline ? new BaselinePackPdf()::render : new PackPdf()::render;
    long[] times;
    try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      times = time(pool, renderer, packs);
    }
    System.out.printf(
        "RESULT cold renderer=%s packs=%d threads=%d process_cpu_s=%.2f render_cpu_s=%.2f"
            + " wall_s=%.2f%n",
        args[1],
        packs.size(),
        threads,
        (os.getProcessCpuTime() - cpuBefore) / 1e9,
        times[0] / 1e9,
        times[1] / 1e9);
    System.exit(0);
  }

  /** Renders every pack once on the pool; returns {CPU ns of the rendering threads, wall ns}. */
  private static long[] time(ExecutorService pool, Renderer renderer, List<Pack> packs)
      throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    AtomicLong cpu = new AtomicLong();
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (Pack pack : packs) {
      futures.add(
          pool.submit(() -> {
            long before = threads.getCurrentThreadCpuTime();
            renderer.render(pack.html(), pack.title(), RUN_DATE);
            cpu.addAndGet(threads.getCurrentThreadCpuTime() - before);
          }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    return new long[] {cpu.get(), System.nanoTime() - start};
  }

  private static List<Pack> packs(Path folder) throws Exception {
    List<Pack> packs = new ArrayList<>();
    try (Stream<Path> folders = Files.list(folder)) {
      for (Path pack : folders.filter(Files::isDirectory).sorted().toList()) {
        Path index = pack.resolve("index.html");
        if (Files.isRegularFile(index)) {
          String html = Files.readString(index);
          packs.add(new Pack(pack.getFileName().toString(), html, Jsoup.parse(html).title()));
        }
      }
    }
    if (packs.isEmpty()) {
      throw new IllegalArgumentException("no pack folder with an index.html in " + folder);
    }
    return packs;
  }

  private static String text(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** The charts' labels, without white space, longest first. */
  private static List<String> chartLabels(String html) {
    return Jsoup.parse(html).select("svg text").stream()
        .map(t -> t.text().replaceAll("\\s+", ""))
        .filter(label -> !label.isEmpty())
        .distinct()
        .sorted(Comparator.comparingInt(String::length).reversed())
        .toList();
  }

  /**
   * The text without white space and without the charts' labels: the current renderer sets those as
   * text, where Batik drew outlines. Applied to both PDFs alike, so the page's own text loses the
   * same strings in both.
   */
  private static String withoutLabels(String text, List<String> labels) {
    String rest = text.replaceAll("\\s+", "");
    for (String label : labels) {
      rest = rest.replace(label, "");
    }
    return rest;
  }

  private static String excerpt(String text, int at) {
    return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40));
  }

  /** The baseline set f-ligatures, which text extraction gives as one character each. */
  private static String withoutLigatures(String text) {
    return text.replace("\uFB00", "ff")
        .replace("\uFB01", "fi")
        .replace("\uFB02", "fl")
        .replace("\uFB03", "ffi")
        .replace("\uFB04", "ffl");
  }

  private static int pages(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return document.getNumberOfPages();
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
