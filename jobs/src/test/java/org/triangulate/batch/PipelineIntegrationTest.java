package org.triangulate.batch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.TestPropertySource;
import org.triangulate.TriangulateApplication;

/**
 * A pipeline integration test: the whole application with the repository's configuration, pointed
 * by the test's own {@code @DynamicPropertySource} (through {@link PipelineTestSupport#register})
 * at its schema, folders and Elasticsearch node.
 *
 * <pre>{@code
 * @PipelineIntegrationTest
 * class SomethingIT {
 *   private static final PipelineTestSupport support = new PipelineTestSupport();
 *   private static final Path IN = support.copyDemoSubset(12);
 *
 *   @DynamicPropertySource
 *   static void properties(DynamicPropertyRegistry registry) {
 *     support.register(registry, IN, TestElasticsearch::url);
 *   }
 * }
 * }</pre>
 *
 * <p>Each test's schema is its own, so no two test classes share a context; failsafe keeps one
 * context cached at a time ({@code spring.test.context.cache.maxSize} in the pom), which closes a
 * test's context, and frees its connections, when the next test starts its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = TriangulateApplication.class)
// Failsafe runs in jobs/; the application's configuration is the repository's.
@TestPropertySource(properties = "spring.config.import=file:../config/application.yml")
@interface PipelineIntegrationTest {

  /** No web server unless the test calls the search page or API. */
  @AliasFor(annotation = SpringBootTest.class)
  SpringBootTest.WebEnvironment webEnvironment() default SpringBootTest.WebEnvironment.NONE;

  /** Settings this test adds to the repository's configuration. */
  @AliasFor(annotation = SpringBootTest.class)
  String[] properties() default {};
}
