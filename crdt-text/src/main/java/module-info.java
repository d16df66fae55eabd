/** Weft's rich text and XML types, on top of the CRDT engine. */
module dev.weft.text {
  requires transitive dev.weft.crdt;

  exports dev.weft.text;

  provides dev.weft.crdt.internal.TypeRegistry.TypeProvider with dev.weft.text.TextTypeProvider;
}
