package org.triangulate.scale;

import org.springframework.amqp.core.AmqpTemplate;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.support.AmqpHeaders;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.amqp.dsl.Amqp;
import org.springframework.integration.channel.DirectChannel;
import org.springframework.integration.config.EnableIntegration;
import org.springframework.integration.core.MessagingTemplate;
import org.springframework.integration.dsl.IntegrationFlow;
import org.triangulate.nlp.SegmentStore;
import org.triangulate.study.Study;

/**
 * The manager's side ({@code triangulate.scale.mode: remote}): the annotate step's partitions,
 * {@code partition-size} transcripts each, and the alignment step's, {@code align-partition-size}
 * sources each, go as requests to the study's queue; a request not taken within the timeout
 * expires, so a later worker never runs a request its manager gave up on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "triangulate.scale.mode", havingValue = "remote")
@EnableIntegration
class RemoteAnnotationConfiguration {

  static final String WORKER_STEP = "annotateTranscriptsWorkerStep";
  static final String ALIGN_WORKER_STEP = "alignItemsWorkerStep";

  @Bean
  Queue annotateRequestQueue(ScaleProperties scale, Study study) {
    return RabbitBroker.requestQueue(scale, study.name());
  }

  @Bean
  DirectChannel annotateRequests() {
    return new DirectChannel();
  }

  @Bean
  IntegrationFlow annotateRequestsToRabbit(
      DirectChannel annotateRequests,
      AmqpTemplate rabbit,
      Queue annotateRequestQueue,
      ScaleProperties scale) {
    return IntegrationFlow.from(annotateRequests)
        .transform(PartitionRequests::encode)
        .enrichHeaders(
            h -> h.header(AmqpHeaders.EXPIRATION, Long.toString(scale.timeout().toMillis())))
        .handle(
            Amqp.outboundAdapter(rabbit)
                .exchangeName("")
                .routingKey(annotateRequestQueue.getName()))
        .get();
  }

  @Bean
  RemotePartitionHandler annotatePartitionHandler(
      DirectChannel annotateRequests,
      JobRepository jobRepository,
      SegmentStore segments,
      org.triangulate.nlp.TranscriptSegmenter segmenter,
      Study study,
      ScaleProperties scale,
      Queue annotateRequestQueue,
      ConnectionFactory connections) {
    MessagingTemplate requests = new MessagingTemplate(annotateRequests);
    return new RemotePartitionHandler(
        requests,
        jobRepository,
        WORKER_STEP,
        () ->
            partitions(
                segments.sourcesToAnnotate(study.name(), segmenter.settingsFingerprint()).size(),
                scale.partitionSize()),
        scale.timeout(),
        scale.pollInterval(),
        "queue " + annotateRequestQueue.getName(),
        // Checked when the step runs, so commands that never annotate (serve, history) work
        // without the broker.
        () -> RabbitBroker.verifyReachable(connections));
  }

  /**
   * The alignment step's partitions, {@code align-partition-size} sources each, over the same
   * queue: a worker runs whichever step a request names.
   */
  @Bean
  RemoteAlignmentPartitions alignPartitionHandler(
      DirectChannel annotateRequests,
      JobRepository jobRepository,
      ScaleProperties scale,
      Queue annotateRequestQueue,
      ConnectionFactory connections) {
    return new RemoteAlignmentPartitions(sources ->
        new RemotePartitionHandler(
            new MessagingTemplate(annotateRequests),
            jobRepository,
            ALIGN_WORKER_STEP,
            () -> partitions(sources.getAsInt(), scale.alignPartitionSize()),
            scale.timeout(),
            scale.pollInterval(),
            "queue " + annotateRequestQueue.getName(),
            () -> RabbitBroker.verifyReachable(connections)));
  }

  static int partitions(int transcripts, int partitionSize) {
    return Math.max(1, (transcripts + partitionSize - 1) / partitionSize);
  }
}
