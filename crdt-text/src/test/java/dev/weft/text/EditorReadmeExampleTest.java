package dev.weft.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** Compiles and runs the README's undo, positions and history example. */
class EditorReadmeExampleTest {
  @Test
  void editorExample_compilesAndPrintsWhatItsCommentsSay() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    String source = null;
    while (m.find()) {
      if (m.group(1).contains("class EditorExample")) {
        source = m.group(1);
      }
    }
    assertTrue(source != null, "the README has the EditorExample block");

    Path dir = Files.createTempDirectory("weft-readme-editor");
    Path file = dir.resolve("EditorExample.java");
    Files.writeString(file, source);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int rc = javac.run(null, diagnostics, diagnostics,
        "-classpath", System.getProperty("java.class.path"), "-d", dir.toString(), file.toString());
    assertEquals(0, rc, diagnostics.toString(StandardCharsets.UTF_8));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      Method main = loader.loadClass("EditorExample").getMethod("main", String[].class);
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(saved);
    }
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    // each printed line is what the comment on its println says
    List<String> promised = source.lines().filter(l -> l.contains("System.out.println"))
        .map(l -> l.substring(l.indexOf("//") + 2).trim()).toList();
    assertEquals(promised.size(), lines.size(), String.join("\n", lines));
    for (int i = 0; i < lines.size(); i++) {
      assertTrue(promised.get(i).startsWith(lines.get(i)), "line " + i + ": printed " + lines.get(i)
          + ", the comment says " + promised.get(i));
    }
  }
}
