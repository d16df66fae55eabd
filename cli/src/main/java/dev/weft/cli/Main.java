package dev.weft.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * {@code java -jar weft.jar COMMAND ...}: looks at and combines Yjs updates from the command line.
 * Exit codes: 0 done, 1 an input could not be used (one line on stderr), 2 bad arguments.
 */
public final class Main {
  static final String USAGE = String.join("\n",
      "usage: weft COMMAND [ARGS]",
      "",
      "  json FILE... [--type NAME=text|map|array|xml ...]",
      "      apply the updates in order to a fresh document and print every root as one JSON",
      "      object (compact, root names and map keys sorted): text as a string, a map as an",
      "      object, an array as a list, XML as its XML string. A root's kind comes from --type,",
      "      else is guessed: only map entries -> map; only text content -> text; XML nodes ->",
      "      xml; anything else -> array.",
      "  text FILE... --root NAME          print one text root's content",
      "  merge FILE... -o OUT [--v2]       merge updates into one (written as v1, or v2)",
      "  diff FILE --state-vector SV -o OUT [--v2]",
      "                                    what a replica with state vector SV lacks",
      "  state-vector FILE... -o OUT       the state vector of the updates applied together",
      "  inspect FILE                      list the structs and the delete set",
      "  convert FILE --to v1|v2 -o OUT    rewrite an update in the other format",
      "  replay TRACE.json[.gz] [--runs N] [--warmup W]",
      "      replay an editing trace (sequential, or concurrent with one replica per agent)",
      "      into a text root W times (default 1) unreported, then N times (default 5); print",
      "      one JSON line per run (replayMs, loadMs, encodeMs, v1Bytes, v2Bytes, finalLength,",
      "      matchesEndContent) and a summary line with the medians",
      "",
      "Update files are read as v1 or v2, detected per file; --format v1|v2 forces one.",
      "Exit codes: 0 done, 1 unusable input (one line on stderr), 2 bad arguments.");

  private static final Map<String, BiConsumer<List<String>, PrintStream>> COMMANDS = Map.of(
      "json", Commands::json,
      "text", Commands::text,
      "merge", Commands::merge,
      "diff", Commands::diff,
      "state-vector", Commands::stateVector,
      "inspect", Commands::inspect,
      "convert", Commands::convert,
      "replay", Commands::replay);

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command; returns the exit code. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
      out.println(USAGE);
      return 0;
    }
    BiConsumer<List<String>, PrintStream> command = COMMANDS.get(args[0]);
    if (command == null) {
      err.println("weft: unknown command '" + args[0] + "'");
      err.println(USAGE);
      return 2;
    }
    try {
      command.accept(Arrays.asList(args).subList(1, args.length), out);
      out.flush();
      return 0;
    } catch (UsageException e) {
      err.println("weft " + args[0] + ": " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (InputException e) {
      err.println("weft: " + e.getMessage().replace('\n', ' '));
      return 1;
    }
  }
}
