package dev.weft.transport;

import dev.weft.transport.testing.TransportContract;

/** The in-memory transport on the common pool (real threads, as adapters have) passes the kit too. */
class MemoryTransportThreadedContractTest extends TransportContract {
  @Override
  protected Link connect() {
    MemoryTransport.Pair p = MemoryTransport.pair();
    return new Link(p.client(), p.server());
  }
}
