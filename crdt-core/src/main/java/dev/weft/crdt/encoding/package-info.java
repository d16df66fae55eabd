/**
 * lib0's byte layer, which every Yjs format and protocol is written in: variable-length integers,
 * strings, the {@code any} value encoding and embedded JSON, with one typed error for malformed
 * input.
 */
package dev.weft.crdt.encoding;
