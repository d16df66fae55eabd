/** The weft command-line tool: print, merge, diff, convert and inspect Yjs updates. */
module dev.weft.cli {
  requires dev.weft.crdt;
  requires dev.weft.text;
}
