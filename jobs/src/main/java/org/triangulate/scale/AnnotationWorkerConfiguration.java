package org.triangulate.scale;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.integration.partition.BeanFactoryStepLocator;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.triangulate.study.Study;

/**
 * A worker's side ({@code ./triangulate worker}): takes partition requests from the study's queue,
 * {@code concurrency} at a time, and runs the annotate worker step against the shared job
 * repository and store. A request is acknowledged only when its partition has run, so the broker
 * hands the partition of a worker that dies to another worker (or to this one when it restarts).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "triangulate.scale.mode", havingValue = "worker")
@EnableIntegration
class AnnotationWorkerConfiguration {

  @Bean
  Queue annotateRequestQueue(ScaleProperties scale, Study study, ConnectionFactory connections) {
    RabbitBroker.verifyReachable(connections);
    return RabbitBroker.requestQueue(scale, study.name());
  }

  @Bean
  IntegrationFlow annotateRequestsFromRabbit(
      ConnectionFactory connections,
      Queue annotateRequestQueue,
      ScaleProperties scale,
      JobRepository jobRepository,
      BeanFactory beans) {
    BeanFactoryStepLocator steps = new BeanFactoryStepLocator();
    steps.setBeanFactory(beans);
    StepExecutionRequestHandler handler = new StepExecutionRequestHandler();
    handler.setJobRepository(jobRepository);
    handler.setStepLocator(steps);
    PartitionWorker worker = new PartitionWorker(jobRepository, handler);
    int concurrency = scale.effectiveConcurrency();
    return IntegrationFlow.from(
            Amqp.inboundAdapter(connections, annotateRequestQueue.getName())
                .configureContainer(c ->
                    c.concurrentConsumers(concurrency)
                        .prefetchCount(1)
                        // A request that cannot even be looked up is dropped, not retried in a
                        // loop;
                        // the manager's timeout names its partition.
                        .defaultRequeueRejected(false)))
        .transform(String.class, PartitionRequests::decode)
        .handle(
            StepExecutionRequest.class,
            (request, headers) -> {
              worker.handle(request);
              return null;
            })
        .get();
  }
}
