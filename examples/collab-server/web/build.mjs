// Bundles src/editor.js (CodeMirror 6, yjs, y-websocket, y-codemirror.next) into one script that
// the server serves from its class path. Usage: node build.mjs OUTPUT_DIRECTORY
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))
const out = process.argv[2]
if (!out) {
  console.error('usage: node build.mjs OUTPUT_DIRECTORY')
  process.exit(2)
}

await build({
  entryPoints: [path.join(here, 'src', 'editor.js')],
  outfile: path.resolve(out, 'editor.js'),
  bundle: true,
  format: 'iife',
  target: ['es2020'],
  minify: true,
  sourcemap: false,
  legalComments: 'eof',
  logLevel: 'warning'
})
