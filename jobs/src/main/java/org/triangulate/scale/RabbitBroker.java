package org.triangulate.scale;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;

/**
 * The broker carrying partition requests: its request queue (durable, declared by manager and
 * workers alike) and a check at start that it can be reached, naming the keys to fix when not.
 */
final class RabbitBroker {

  private RabbitBroker() {}

  static Queue requestQueue(ScaleProperties scale, String study) {
    return new Queue(scale.requestQueue(study), true, false, false);
  }

  /**
   * Opens a connection once; on failure says where it tried, which keys say so, and the reason (not
   * as a cause: reports show a failure's innermost cause, which would hide the keys).
   */
  static void verifyReachable(ConnectionFactory connections) {
    try {
      connections.createConnection().close();
    } catch (AmqpException e) {
      Throwable root = e;
      while (root.getCause() != null && root.getCause() != root) {
        root = root.getCause();
      }
      throw new IllegalStateException(
          String.format(
              "Cannot reach RabbitMQ at %s:%d, virtual host '%s', as user '%s' (spring.rabbitmq.host,"
                  + " spring.rabbitmq.port, spring.rabbitmq.virtual-host, spring.rabbitmq.username,"
                  + " spring.rabbitmq.password): %s",
              connections.getHost(),
              connections.getPort(),
              connections.getVirtualHost(),
              connections.getUsername(),
              root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()));
    }
  }
}
