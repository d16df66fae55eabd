package dev.weft.benchmarks;

import dev.weft.crdt.testing.Traces;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sequential trace flattened to arrays (position, delete count, and the inserted text as a slice
 * of one string), so that holding it costs a few megabytes and replaying it allocates little but
 * what the document does: B4x100 must fit, trace and document together, in a 64 MiB heap. It can
 * be saved to and read from a small binary file, because parsing the trace's JSON needs more heap
 * than that.
 */
record EditingTrace(String name, int[] positions, int[] deletes, int[] insertEnds, String inserts,
    String endContent) {

  static EditingTrace of(Traces.Trace trace) {
    int n = trace.patchCount();
    int[] pos = new int[n];
    int[] del = new int[n];
    int[] ends = new int[n];
    StringBuilder ins = new StringBuilder();
    int i = 0;
    for (Traces.Txn txn : trace.txns()) {
      for (Traces.Patch p : txn.patches()) {
        pos[i] = p.pos();
        del[i] = p.delete();
        ins.append(p.insert());
        ends[i++] = ins.length();
      }
    }
    return new EditingTrace(trace.name(), pos, del, ends, ins.toString(), trace.endContent());
  }

  /** The sequential trace named {@code name} from the directory {@code WEFT_TRACES} names. */
  static EditingTrace sequential(String name) throws IOException {
    Path root = Traces.root();
    if (root == null) {
      throw new IllegalStateException(Traces.MISSING);
    }
    return of(Traces.load(root.resolve("sequential").resolve(name + ".json.gz")));
  }

  int size() {
    return positions.length;
  }

  /** Applies every patch, a delete and an insert each its own transaction (crdt-benchmarks B4). */
  void applyTo(Crdt doc) {
    for (int i = 0; i < positions.length; i++) {
      if (deletes[i] > 0) {
        doc.deleteText(positions[i], deletes[i]);
      }
      int start = i == 0 ? 0 : insertEnds[i - 1];
      if (insertEnds[i] > start) {
        doc.insertText(positions[i], inserts.substring(start, insertEnds[i]));
      }
    }
  }

  void save(Path file) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeUTF(name);
      out.writeInt(size());
      for (int i = 0; i < size(); i++) {
        out.writeInt(positions[i]);
        out.writeInt(deletes[i]);
        out.writeInt(insertEnds[i]);
      }
      writeChars(out, inserts);
      writeChars(out, endContent);
    }
  }

  static EditingTrace read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      String name = in.readUTF();
      int n = in.readInt();
      int[] pos = new int[n];
      int[] del = new int[n];
      int[] ends = new int[n];
      for (int i = 0; i < n; i++) {
        pos[i] = in.readInt();
        del[i] = in.readInt();
        ends[i] = in.readInt();
      }
      return new EditingTrace(name, pos, del, ends, readChars(in), readChars(in));
    }
  }

  private static void writeChars(DataOutputStream out, String s) throws IOException {
    out.writeInt(s.length());
    out.writeChars(s);
  }

  private static String readChars(DataInputStream in) throws IOException {
    char[] c = new char[in.readInt()];
    for (int i = 0; i < c.length; i++) {
      c[i] = in.readChar();
    }
    return new String(c);
  }
}
