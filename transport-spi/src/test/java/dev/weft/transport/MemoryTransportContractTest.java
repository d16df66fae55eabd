package dev.weft.transport;

import dev.weft.transport.testing.ManualExecutor;
import dev.weft.transport.testing.TransportContract;
import java.util.concurrent.Executor;

/** The in-memory transport, run deterministically on the test thread, passes the contract kit. */
class MemoryTransportContractTest extends TransportContract {
  private final ManualExecutor executor = new ManualExecutor();

  @Override
  protected Link connect() {
    MemoryTransport.Pair p = MemoryTransport.pair(executor);
    return new Link(p.client(), p.server());
  }

  @Override
  protected void settle() {
    executor.runAll();
  }

  @Override
  protected Executor delayExecutor() {
    return executor;
  }
}
