package dev.weft.examples.collab;

import java.util.concurrent.CountDownLatch;

/** {@code java -jar collab-server.jar [options]}: starts the collaborative editor; see {@link Options#USAGE}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args, System.getenv());
    } catch (Options.UsageException e) {
      System.err.println("collab-server: " + e.getMessage());
      System.err.print(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.print(Options.USAGE);
      return;
    }
    CollabServer server;
    try {
      server = CollabServer.start(options);
    } catch (Exception e) {
      System.err.println("collab-server: cannot start on " + options.host() + ":" + options.port() + ": " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception e) {
        System.err.println("collab-server: stopping: " + e);
      } finally {
        stopped.countDown();
      }
    }, "collab-shutdown"));
    System.out.println("Weft collaborative editor at " + server.uri()
        + " (documents in " + options.data().toAbsolutePath().normalize() + ", " + Fanout.describe(options) + ")");
    System.out.println("Open it in two browser windows and type; Ctrl+C stops the server.");
    stopped.await();
  }
}
