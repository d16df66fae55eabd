/**
 * Kafka fan-out: {@link dev.weft.transport.kafka.KafkaFanout} connects a node to a topic, opens
 * transports to documents on it and bridges a hub to them. Record layout: this module's
 * {@code FORMAT.md}.
 */
package dev.weft.transport.kafka;
