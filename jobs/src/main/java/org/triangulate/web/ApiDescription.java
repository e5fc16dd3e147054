package org.triangulate.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.triangulate.study.Study;

/**
 * The heading of the REST API's OpenAPI description, which springdoc builds from the controllers
 * under {@code /api} ({@code springdoc.paths-to-match}) and serves at {@code /v3/api-docs}, with
 * Swagger UI at {@code /swagger-ui/index.html}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

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
}
