package dev.weft.cli;

import dev.weft.crdt.Doc;
import dev.weft.crdt.Updates;
import dev.weft.crdt.encoding.Json;
import java.io.PrintStream;
import java.util.List;

/** The commands, one method each; {@link Main} parses and dispatches. */
final class Commands {
  private static final List<String> FORMAT = List.of("--format");

  private Commands() {}

  /** {@code json FILE... [--type NAME=KIND ...]}: every root as one JSON object. */
  static void json(List<String> args, PrintStream out) {
    Args a = Args.parse(args, List.of("--type", "--format"), List.of());
    a.requireFiles(1, Integer.MAX_VALUE);
    var kinds = RootPrinter.kinds(a.all("--type"));
    Doc doc = Inputs.docOf(a.files, Inputs.format(a));
    out.println(Json.stringify(RootPrinter.roots(doc, kinds)));
  }

  /** {@code text FILE... --root NAME}: one text root's content. */
  static void text(List<String> args, PrintStream out) {
    Args a = Args.parse(args, List.of("--root", "--format"), List.of());
    a.requireFiles(1, Integer.MAX_VALUE);
    String root = a.required("--root");
    Doc doc = Inputs.docOf(a.files, Inputs.format(a));
    out.println(RootPrinter.value(doc, root, "text"));
  }

  /** {@code merge FILE... -o OUT [--v2]}: one update holding all of them. */
  static void merge(List<String> args, PrintStream out) {
    Args a = Args.parse(args, List.of("-o", "--format"), List.of("--v2"));
    a.requireFiles(1, Integer.MAX_VALUE);
    String target = a.required("-o");
    byte[] merged = Updates.mergeUpdates(Inputs.readAllV1(a.files, Inputs.format(a)));
    Inputs.write(target, a.has("--v2") ? Updates.convertUpdateFormatV1ToV2(merged) : merged);
  }

  /** {@code diff FILE --state-vector SV -o OUT [--v2]}: what a replica at SV lacks. */
  static void diff(List<String> args, PrintStream out) {
    Args a = Args.parse(args, List.of("-o", "--state-vector", "--format"), List.of("--v2"));
    a.requireFiles(1, 1);
    String svFile = a.required("--state-vector");
    String target = a.required("-o");
    byte[] update = Inputs.readV1(a.files.get(0), Inputs.format(a));
    byte[] sv = Inputs.read(svFile);
    byte[] diff = Inputs.guard(svFile, () -> Updates.diffUpdate(update, sv));
    Inputs.write(target, a.has("--v2") ? Updates.convertUpdateFormatV1ToV2(diff) : diff);
  }

  /** {@code state-vector FILE... -o OUT}: the state vector of the files applied together. */
  static void stateVector(List<String> args, PrintStream out) {
    Args a = Args.parse(args, List.of("-o", "--format"), List.of());
    a.requireFiles(1, Integer.MAX_VALUE);
    String target = a.required("-o");
    Inputs.write(target, Inputs.docOf(a.files, Inputs.format(a)).encodeStateVector());
  }

  /** {@code inspect FILE}: the structs and delete set, human-readable. */
  static void inspect(List<String> args, PrintStream out) {
    Args a = Args.parse(args, FORMAT, List.of());
    a.requireFiles(1, 1);
    String file = a.files.get(0);
    byte[] update = Inputs.readV1(file, Inputs.format(a));
    out.print(Inputs.guard(file, () -> Updates.describe(update)));
  }

  /** {@code convert FILE -o OUT --to v1|v2}: rewrites an update in the other format. */
  static void convert(List<String> args, PrintStream out) {
    Args a = Args.parse(args, List.of("-o", "--to", "--format"), List.of());
    a.requireFiles(1, 1);
    String target = a.required("-o");
    String to = a.required("--to");
    byte[] v1 = Inputs.readV1(a.files.get(0), Inputs.format(a));
    switch (to) {
      case "v1" -> Inputs.write(target, v1);
      case "v2" -> Inputs.write(target, Updates.convertUpdateFormatV1ToV2(v1));
      default -> throw new UsageException("--to takes v1 or v2, not " + to);
    }
  }
}
