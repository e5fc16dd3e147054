package org.triangulate.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.triangulate.TriangulateProperties;
import org.triangulate.study.Study;

/**
 * The night's synthesis packs, for everyone signed in (viewers too): a list at {@code /packs} and
 * each pack's files (page, PDF, quotes) under {@code /packs/<pack>/}, served from the study's
 * output folder. The packs hold de-identified text only, as written by the night.
 */
@Controller
public class PackPages implements WebMvcConfigurer {

  static final String PATH = "/packs";

  private final Path packs;
  private final String studyTitle;

  PackPages(TriangulateProperties properties, Study study) {
    this.packs = properties.studyOutput(study.name()).resolve("packs").toAbsolutePath();
    this.studyTitle = study.title();
  }

  /** A pack folder of the night, by its folder name, with the files a reader opens. */
  public record Pack(String name, boolean hasPdf, boolean hasQuotes) {
    public String page() {
      return PATH + "/" + name + "/index.html";
    }

    public String pdf() {
      return PATH + "/" + name + "/pack.pdf";
    }

    public String quotes() {
      return PATH + "/" + name + "/quotes.csv";
    }
  }

  @GetMapping(PATH)
  ModelAndView list() {
    ModelAndView view = new ModelAndView("packs/index");
    view.addObject("studyTitle", studyTitle);
    view.addObject("packs", packs());
    return view;
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    registry.addResourceHandler(PATH + "/**").addResourceLocations(packs.toUri().toString());
  }

  List<Pack> packs() {
    if (!Files.isDirectory(packs)) {
      return List.of();
    }
    try (Stream<Path> folders = Files.list(packs)) {
      return folders
          .filter(f -> Files.isRegularFile(f.resolve("index.html")))
          .sorted()
          .map(f ->
              new Pack(
                  f.getFileName().toString(),
                  Files.isRegularFile(f.resolve("pack.pdf")),
                  Files.isRegularFile(f.resolve("quotes.csv"))))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
