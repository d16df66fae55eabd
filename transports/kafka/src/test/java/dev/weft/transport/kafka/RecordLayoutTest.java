package dev.weft.transport.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/** Freezes the record layout of FORMAT.md, and the partition a document maps to. */
class RecordLayoutTest {
  @Test
  void headersAndKinds_areFrozen() {
    assertEquals("n", RecordLayout.SENDER);
    assertEquals("k", RecordLayout.KIND);
    assertArrayEquals(RecordLayout.bytes("u"), RecordLayout.KIND_UPDATE);
    assertArrayEquals(RecordLayout.bytes("m"), RecordLayout.KIND_MESSAGE);
  }

  @Test
  void partition_isTheDefaultPartitionersChoiceForTheKey() {
    for (String doc : new String[] {"notes", "room-1", "ü", "a/b"}) {
      for (int partitions : new int[] {1, 3, 12}) {
        assertEquals(BuiltInPartitioner.partitionForKey(RecordLayout.bytes(doc), partitions),
            RecordLayout.partition(doc, partitions), doc + " over " + partitions);
      }
    }
  }
}
