package dev.weft.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The arguments of one command: positional files and {@code --name value} options. */
final class Args {
  final List<String> files = new ArrayList<>();
  private final Map<String, List<String>> options = new LinkedHashMap<>();

  /** Parses {@code args}; {@code valued} names the options that take a value. */
  static Args parse(List<String> args, List<String> valued, List<String> flags) {
    Args a = new Args();
    for (int i = 0; i < args.size(); i++) {
      String s = args.get(i);
      if (valued.contains(s)) {
        if (i + 1 >= args.size()) {
          throw new UsageException(s + " needs a value");
        }
        a.options.computeIfAbsent(s, k -> new ArrayList<>()).add(args.get(++i));
      } else if (flags.contains(s)) {
        a.options.computeIfAbsent(s, k -> new ArrayList<>());
      } else if (s.startsWith("-") && s.length() > 1) {
        throw new UsageException("unknown option " + s);
      } else {
        a.files.add(s);
      }
    }
    return a;
  }

  boolean has(String name) {
    return options.containsKey(name);
  }

  List<String> all(String name) {
    return options.getOrDefault(name, List.of());
  }

  String one(String name) {
    List<String> v = all(name);
    if (v.size() > 1) {
      throw new UsageException(name + " given more than once");
    }
    return v.isEmpty() ? null : v.get(0);
  }

  String required(String name) {
    String v = one(name);
    if (v == null) {
      throw new UsageException(name + " is required");
    }
    return v;
  }

  void requireFiles(int min, int max) {
    if (files.size() < min) {
      throw new UsageException(min == 1 ? "no input file given" : "needs at least " + min + " files");
    }
    if (files.size() > max) {
      throw new UsageException("takes at most " + max + " file" + (max == 1 ? "" : "s"));
    }
  }
}
