package dev.weft.examples.collab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {
  @Test
  void parse_withoutArguments_givesTheDefaults() throws Exception {
    Options o = Options.parse(new String[0], Map.of());
    assertEquals(8080, o.port());
    assertEquals("127.0.0.1", o.host());
    assertEquals(Path.of("data"), o.data());
    assertNull(o.redis());
    assertNull(o.kafka());
    assertNull(o.secret());
    assertEquals(Duration.ofMinutes(5), o.tokenTtl());
  }

  @Test
  void parse_readsEveryOption() throws Exception {
    Options o = Options.parse(new String[] {"--port", "9090", "--host", "0.0.0.0", "--data", "/tmp/d", "--node", "n2",
        "--redis", "redis://10.0.0.5:6380", "--secret", "0123456789abcdef!", "--token-ttl", "60"}, Map.of());
    assertEquals(9090, o.port());
    assertEquals("0.0.0.0", o.host());
    assertEquals(Path.of("/tmp/d"), o.data());
    assertEquals("n2", o.node());
    assertEquals(URI.create("redis://10.0.0.5:6380"), o.redis());
    assertArrayEquals("0123456789abcdef!".getBytes(StandardCharsets.UTF_8), o.secret());
    assertEquals(Duration.ofSeconds(60), o.tokenTtl());
    Options k = Options.parse(new String[] {"--kafka", "127.0.0.1:9092", "--kafka-topic", "docs"}, Map.of());
    assertEquals("127.0.0.1:9092", k.kafka());
    assertEquals("docs", k.kafkaTopic());
  }

  @Test
  void parse_takesTheSecretFromTheEnvironment() throws Exception {
    Options o = Options.parse(new String[0], Map.of("WEFT_SECRET", "from the environment"));
    assertArrayEquals("from the environment".getBytes(StandardCharsets.UTF_8), o.secret());
  }

  @Test
  void parse_explainsMistakes() {
    for (String[] bad : new String[][] {{"--port"}, {"--port", "x"}, {"--port", "70000"}, {"--redis", "http://x"},
        {"--redis", "redis://a", "--kafka", "b"}, {"--secret", "short"}, {"--what", "1"}, {"stray"}}) {
      assertThrows(Options.UsageException.class, () -> Options.parse(bad, Map.of()), String.join(" ", bad));
    }
  }

  @Test
  void parse_help_givesNull() throws Exception {
    assertNull(Options.parse(new String[] {"--help"}, Map.of()));
  }
}
