package org.triangulate.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.triangulate.study.Study;

/**
 * The REST API's OpenAPI description, which springdoc builds from the controllers under {@code
 * /api} ({@code springdoc.paths-to-match}) and serves at {@code /v3/api-docs}, with Swagger UI at
 * {@code /swagger-ui/index.html}. The search takes its parameters as a map (so that every problem
 * is reported at once, see {@link SearchParameters}); they are described here from the same enums
 * and the study's filter dimensions.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

  /** The operations that read a search's parameters. */
  static final List<String> SEARCH_PATHS = List.of("/api/search", "/api/export.csv");

  @Bean
  OpenAPI triangulateApi(Study study) {
    return new OpenAPI()
        .info(
            new Info()
                .title("Triangulate analyst search: " + study.name())
                .version("1")
                .description(
                    "Search the study's de-identified extracts, open one in context, export hits as"
                        + " CSV, read the codebook and last night's item statistics. Errors are RFC"
                        + " 9457 problem documents naming the parameter."));
  }

  @Bean
  OpenApiCustomizer searchParameters(Study study) {
    List<Parameter> parameters = searchParameters(SearchDimensions.forStudy(study));
    return api ->
        SEARCH_PATHS.forEach(path -> {
          PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
          Operation get = item == null ? null : item.getGet();
          if (get != null) {
            get.setParameters(new ArrayList<>(parameters));
          }
        });
  }

  static List<Parameter> searchParameters(SearchDimensions dimensions) {
    List<Parameter> parameters = new ArrayList<>();
    parameters.add(
        query(
            "q",
            "The words searched for (lemmatised; \"a phrase\", -excluded, a | b, prefix*)",
            new StringSchema().maxLength(ExtractQuery.MAX_TEXT_LENGTH)));
    parameters.add(
        query(
            "mode",
            "words: every word, through its lemma (BM25); meaning: those matches and the extracts"
                + " nearest the words' meaning, in one ranking",
            choices(ParamChoice.params(SearchMode.class), SearchMode.WORDS.param())));
    parameters.add(
        query(
            "like",
            "An extract's id: the extracts nearest its meaning (more like this)",
            new StringSchema().maxLength(SearchParameters.MAX_ID_LENGTH)));
    parameters.add(
        query(
            "sort",
            "The order of hits",
            choices(ParamChoice.params(SearchSort.class), SearchSort.RELEVANCE.param())));
    parameters.add(
        query("page", "The page of hits, from 1", new IntegerSchema().minimum(BigDecimal.ONE)));
    parameters.add(
        query(
            "size",
            "Hits per page",
            new IntegerSchema()
                .minimum(BigDecimal.ONE)
                .maximum(BigDecimal.valueOf(ExtractQuery.MAX_SIZE))
                ._default(ExtractQuery.DEFAULT_SIZE)));
    parameters.add(
        query(
            "cursor",
            "A result's nextCursor, to continue after it (instead of page)",
            new StringSchema()));
    for (FacetDimension dimension : dimensions.all()) {
      parameters.add(
          query(
                  dimension.id(),
                  "Filter: " + dimension.label() + " (repeat for any of several values)",
                  new ArraySchema().items(new StringSchema()))
              .explode(true)
              .style(Parameter.StyleEnum.FORM));
    }
    return parameters;
  }

  private static Parameter query(String name, String description, Schema<?> schema) {
    return new QueryParameter().name(name).description(description).schema(schema);
  }

  private static Schema<String> choices(List<String> values, String defaultValue) {
    return new StringSchema()._enum(values)._default(defaultValue);
  }
}
