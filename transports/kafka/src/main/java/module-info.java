/**
 * Serves one document from many nodes through Kafka: one topic, keyed by document id, carries
 * every document's updates and awareness between nodes. See {@link
 * dev.weft.transport.kafka.KafkaFanout}.
 */
module dev.weft.transport.kafka {
  requires transitive dev.weft.transport;
  requires kafka.clients;

  exports dev.weft.transport.kafka;

  provides dev.weft.transport.TransportProvider with dev.weft.transport.kafka.internal.KafkaTransportProvider;
}
