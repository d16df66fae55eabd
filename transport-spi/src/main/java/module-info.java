/**
 * The layer between a document and the wire: y-protocols messages, awareness, the transport SPI
 * and sync sessions, the server hub and document stores. No dependencies beyond crdt-core.
 */
module dev.weft.transport {
  requires transitive dev.weft.crdt;

  exports dev.weft.transport;
  exports dev.weft.transport.awareness;
  exports dev.weft.transport.fanout;
  exports dev.weft.transport.protocol;
  exports dev.weft.transport.server;
  exports dev.weft.transport.store;

  uses dev.weft.transport.TransportProvider;

  provides dev.weft.transport.TransportProvider with dev.weft.transport.internal.MemoryTransportProvider;
}
