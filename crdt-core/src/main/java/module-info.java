/** Weft's CRDT engine: documents, shared types and Yjs updates, with no dependencies. */
module dev.weft.crdt {
  exports dev.weft.crdt;
  exports dev.weft.crdt.encoding;
  exports dev.weft.crdt.internal to dev.weft.text, dev.weft.transport;

  uses dev.weft.crdt.internal.TypeRegistry.TypeProvider;
}
