// The Yjs and diamond-types half of the side-by-side comparison; dev.weft.benchmarks.SideBySide is
// the Weft half, and prints lines of the same shape. One JSON line per run on stdout.
//
//   node --expose-gc run.mjs [crdt] [traces] [heap] [--rounds R] [--warmup W] [--lib yjs|dt|all]
//
// crdt: crdt-benchmarks B1-B4 on Yjs, run as that suite's templates run them (update format v2,
// an update listener always on); traces: every trace under $WEFT_TRACES (sequential: local replay,
// encode, load, remote apply, a plain-string baseline; concurrent: merge replay); heap: the heap a
// loaded automerge-paper document holds.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { generate, fingerprint } from './inputs.mjs'
import * as crdt from './crdt-suite.mjs'
import * as traces from './traces.mjs'

// B4 and the concurrent traces take seconds per run on Yjs: this many measured rounds, B4 not in
// warm-up, the concurrent traces without one (the sequential traces warm the same code)
const B4_ROUNDS = 2
const CONCURRENT_ROUNDS = 2

const args = process.argv.slice(2)
const parts = []
let rounds = 5
let warmup = 1
let lib = 'all'
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--rounds') rounds = Number(args[++i])
  else if (args[i] === '--warmup') warmup = Number(args[++i])
  else if (args[i] === '--lib') lib = args[++i]
  else parts.push(args[i])
}
if (parts.length === 0) parts.push('crdt', 'traces', 'heap')

const print = line => { process.stdout.write(JSON.stringify(line) + '\n') }
const line = (libName, suite, round, counted = false) => {
  const m = { lib: libName, suite, round }
  if (!counted && round < warmup) m.warmup = true
  return m
}

const tracesDir = process.env.WEFT_TRACES
const listTraces = kind => {
  const dir = path.join(tracesDir, kind)
  if (!tracesDir || !fs.existsSync(dir)) return []
  return fs.readdirSync(dir).filter(f => f.endsWith('.json.gz')).sort().map(f => path.join(dir, f))
}
const loadTrace = file => {
  const t = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8'))
  t.name = path.basename(file).replace('.json.gz', '')
  return t
}

if (parts.includes('crdt') && lib !== 'dt') {
  const inputs = generate()
  print({ ...line('yjs', 'inputs', 0, true), fingerprint: fingerprint(inputs) })
  const paper = loadTrace(path.join(tracesDir, 'sequential/automerge-paper.json.gz'))
  const edits = paper.txns.flatMap(t => t.patches)
  for (let r = 0; r < warmup + rounds; r++) {
    const all = []
    inputs.b1.forEach(w => all.push(crdt.b1(w)))
    inputs.b2.forEach(w => all.push(crdt.b2(w, inputs.initText)))
    crdt.B3.forEach(w => all.push(crdt.b3(w)))
    if (r >= warmup && r < warmup + B4_ROUNDS) all.push(crdt.b4(edits, paper.endContent))
    all.forEach(f => print({ ...line('yjs', 'crdt', r), ...f }))
  }
}

if (parts.includes('traces')) {
  for (const file of listTraces('sequential')) {
    const trace = loadTrace(file)
    if (lib !== 'dt') {
      const remote = traces.yjsManyClientUpdates(trace)
      for (let r = 0; r < warmup + rounds; r++) print({ ...line('yjs', 'trace', r), ...traces.yjsSequential(trace, remote) })
    }
    if (lib !== 'yjs') {
      for (let r = 0; r < warmup + rounds; r++) print({ ...line('diamond-types', 'trace', r), ...traces.dtSequential(trace) })
    }
  }
  for (const file of listTraces('concurrent')) {
    const trace = loadTrace(file)
    if (lib !== 'dt') {
      for (let r = 0; r < CONCURRENT_ROUNDS; r++) print({ ...line('yjs', 'concurrent', r + warmup), ...traces.yjsConcurrent(trace) })
    }
    if (lib !== 'yjs') {
      for (let r = 0; r < CONCURRENT_ROUNDS; r++) print({ ...line('diamond-types', 'concurrent', r + warmup), ...traces.dtConcurrent(trace) })
    }
  }
}

if (parts.includes('heap') && lib !== 'dt') {
  const paper = loadTrace(path.join(tracesDir, 'sequential/automerge-paper.json.gz'))
  print({ ...line('yjs', 'heap', 0, true), ...traces.yjsHeap(paper) })
}

