// Turns the side-by-side run's JSON lines into benchmarks/RESULTS.md and an SVG chart.
//   node report.mjs RESULTS_DIR OUT_MD OUT_SVG
// RESULTS_DIR holds results.jsonl (every harness's lines), machine.json and, optionally, jmh.json.
import fs from 'node:fs'
import path from 'node:path'

const [dir, outMd, outSvg] = process.argv.slice(2)
const lines = fs.readFileSync(path.join(dir, 'results.jsonl'), 'utf8').split('\n')
  .filter(l => l.startsWith('{')).map(l => JSON.parse(l))
const machine = JSON.parse(fs.readFileSync(path.join(dir, 'machine.json'), 'utf8'))
const jmhFile = path.join(dir, 'jmh.json')
const jmh = fs.existsSync(jmhFile) ? JSON.parse(fs.readFileSync(jmhFile, 'utf8')) : []

const measured = lines.filter(l => !l.warmup)
const LIBS = ['weft', 'yjs', 'diamond-types']

const median = xs => {
  const s = [...xs].sort((a, b) => a - b)
  const n = s.length
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
}
const stats = xs => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length })
const values = (lib, suite, key, field) => measured
  .filter(l => l.lib === lib && l.suite === suite && (l.id === key || l.trace === key) && typeof l[field] === 'number')
  .map(l => l[field])
const stat = (lib, suite, key, field) => {
  const v = values(lib, suite, key, field)
  return v.length ? stats(v) : null
}
const fmt = x => {
  if (x == null || Number.isNaN(x)) return '–'
  const a = Math.abs(x)
  return a >= 100 ? Math.round(x).toLocaleString('en-US') : a >= 10 ? x.toFixed(1) : x.toFixed(2)
}
const ms = s => s ? (s.n > 1 ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})` : fmt(s.median)) : '–'
const num = s => s ? fmt(s.median) : '–'
const bytes = s => s ? Math.round(s.median).toLocaleString('en-US') : '–'
const ratio = (a, b) => (a && b && b.median > 0) ? a.median / b.median : null
const fmtRatio = r => r == null ? '–' : `${r.toFixed(r < 0.1 ? 3 : 2)}×`
const mib = b => `${(b / 1048576).toFixed(2)} MiB`

const out = []
const p = s => out.push(s)

p('# Weft benchmark results')
p('')
p(`Produced by \`benchmarks/run-side-by-side.sh\` on ${machine.date}. Every figure below was measured in`)
p('that run; re-running the script rewrites this file. Times are medians over the measured rounds')
p('with the spread (min–max) in parentheses; warm-up rounds are not counted. Weft, Yjs and')
p('diamond-types ran one after the other on the same machine in the same session.')
p('')
p('## Machine')
p('')
p('| | |')
p('|---|---|')
p(`| CPU | ${machine.cpu} |`)
p(`| Cores | ${machine.cores} |`)
p(`| Memory | ${machine.memory} |`)
p(`| JDK | ${machine.java} |`)
p(`| Node | ${machine.node} |`)
p(`| Load average at start / end | ${machine.loadStart} / ${machine.loadEnd} |`)
p(`| Versions | Weft ${machine.weft}; yjs ${machine.yjs}; diamond-types-node ${machine.dt}; lib0 ${machine.lib0} |`)
p(`| Settings | ${machine.settings} |`)
p('')
p('The machine is shared: a load average above the core count means other processes competed for')
p('the CPU during the run, which widens the spread for every library alike.')
p('')

// ---- targets
const paper = 'automerge-paper'
const wReplay = stat('weft', 'trace', paper, 'replayMs')
const yReplay = stat('yjs', 'trace', paper, 'replayMs')
const dReplay = stat('diamond-types', 'trace', paper, 'replayMs')
const wLoad = stat('weft', 'trace', paper, 'loadMs')
const yLoad = stat('yjs', 'trace', paper, 'loadMs')
const wEnc = stat('weft', 'trace', paper, 'encodeMs')
const yEnc = stat('yjs', 'trace', paper, 'encodeMs')
const heapW = lines.find(l => l.lib === 'weft' && l.suite === 'heap')
const heapY = lines.find(l => l.lib === 'yjs' && l.suite === 'heap')
const b4x = lines.find(l => l.lib === 'weft' && l.suite === 'b4x100')
const b4xFailed = lines.find(l => l.lib === 'weft' && l.suite === 'b4x100-failed')
const crdtIds = [...new Set(measured.filter(l => l.suite === 'crdt').map(l => l.id))]
const b123 = crdtIds.filter(id => /^B[123]\./.test(id))
const slowerB = b123.filter(id => {
  const r = ratio(stat('weft', 'crdt', id, 'timeMs'), stat('yjs', 'crdt', id, 'timeMs'))
  return r == null || r > 1
})
const met = ok => ok == null ? 'not measured' : ok ? '**met**' : '**not met**'

p('## Targets')
p('')
p('| target | measured | |')
p('|---|---|---|')
p(`| automerge-paper local replay (update listener on) ≤ 1/20 of Yjs | Weft ${num(wReplay)} ms, Yjs ${num(yReplay)} ms: ${fmtRatio(ratio(wReplay, yReplay))} of Yjs | ${met(wReplay && yReplay ? wReplay.median <= yReplay.median / 20 : null)} |`)
p(`| … and ≤ diamond-types-node | diamond-types ${num(dReplay)} ms: Weft is ${fmtRatio(ratio(wReplay, dReplay))} of it | ${met(wReplay && dReplay ? wReplay.median <= dReplay.median : null)} |`)
p(`| load (v1 state into a fresh doc) ≤ 1/3 of Yjs | Weft ${num(wLoad)} ms, Yjs ${num(yLoad)} ms: ${fmtRatio(ratio(wLoad, yLoad))} | ${met(wLoad && yLoad ? wLoad.median <= yLoad.median / 3 : null)} |`)
p(`| encode (v1) ≤ Yjs | Weft ${num(wEnc)} ms, Yjs ${num(yEnc)} ms: ${fmtRatio(ratio(wEnc, yEnc))} | ${met(wEnc && yEnc ? wEnc.median <= yEnc.median : null)} |`)
p(`| retained heap of the loaded automerge-paper doc ≤ 1 MiB | Weft ${heapW ? mib(heapW.retainedBytes) + ' retained (JOL)' : '–'}; Yjs ${heapY ? mib(heapY.usedHeapDeltaBytes) + ' (heap used after GC, delta)' : '–'} | ${met(heapW ? heapW.retainedBytes <= 1048576 : null)} |`)
const b4small = lines.find(l => l.lib === 'weft' && l.suite === 'b4-small-heap')
const b4xLarge = lines.find(l => l.lib === 'weft' && l.suite === 'b4x100-large-heap')
if (b4x) {
  const r = b4x.timeMs / b4x.b4TimeMs
  p(`| B4x100 within 64 MiB | completed with -Xmx64m (max heap ${mib(b4x.maxHeapBytes)}); state ${b4x.docBytes.toLocaleString('en-US')} bytes, loaded in ${fmt(b4x.parseMs)} ms | **met** |`)
  p(`| B4x100 ≤ 150× B4 | B4x100 ${fmt(b4x.timeMs)} ms, B4 ${fmt(b4x.b4TimeMs)} ms (same JVM, warm): ${r.toFixed(1)}× | ${met(r <= 150)} |`)
} else if (b4xFailed) {
  const prog = /finished (\d+) of (\d+) in (\d+) ms/.exec(b4xFailed.progress || '')
  const how = prog ? `; it had applied the trace ${prog[1]} of ${prog[2]} times after ${Number(prog[3]).toLocaleString('en-US')} ms` : ''
  p(`| B4x100 within 64 MiB | with -Xmx64m: ${b4xFailed.error}${how}${b4small ? ` (B4 alone in the same JVM, warm: ${fmt(b4small.timeMs)} ms)` : ''} | **not met** |`)
  if (b4xLarge) {
    const r = b4xLarge.timeMs / b4xLarge.b4TimeMs
    p(`| B4x100 ≤ 150× B4 | with -Xmx1g: B4x100 ${fmt(b4xLarge.timeMs)} ms, B4 ${fmt(b4xLarge.b4TimeMs)} ms (same JVM, warm): ${r.toFixed(1)}×${prog && b4small ? `; with -Xmx64m the first ${prog[1]} passes took ${(Number(prog[3]) / b4small.timeMs).toFixed(1)}× B4` : ''} | ${met(r <= 150)} with 1 GiB; not within 64 MiB |`)
  } else {
    p(`| B4x100 ≤ 150× B4 | ${prog && b4small ? `not reached; the first ${prog[1]} passes took ${(Number(prog[3]) / b4small.timeMs).toFixed(1)}× B4` : 'not measured'} | ${prog && b4small && Number(prog[3]) / b4small.timeMs > 150 ? '**not met**' : 'not measured'} |`)
  }
} else {
  p('| B4x100 within 64 MiB | not run | not measured |')
}
p(`| every B1/B2/B3 time ≤ Yjs | ${b123.length - slowerB.length} of ${b123.length} met${slowerB.length ? '; slower: ' + slowerB.join(', ') : ''} | ${met(b123.length ? slowerB.length === 0 : null)} |`)
p('')

// ---- traces
const seqTraces = [...new Set(measured.filter(l => l.suite === 'trace').map(l => l.trace))]
p('## Editing traces (sequential)')
p('')
p('Local replay: one transaction per patch, with an update listener (Yjs and Weft produce every')
p('update, v1; diamond-types has no update events and no transactions). Load: the full state, as')
p('update v1 (diamond-types: its own format), into a fresh document. Encode: full state as v1.')
p('Remote apply: the per-patch updates of the trace written by 64 clients in turn, applied one by')
p('one to a fresh document. Baseline: the same patches on a `StringBuilder` (Java) / string (JS).')
p('')
for (const t of seqTraces) {
  const any = measured.find(l => l.suite === 'trace' && l.trace === t)
  p(`### ${t} (${any.patches.toLocaleString('en-US')} patches, final length ${any.finalLength.toLocaleString('en-US')})`)
  p('')
  p('| | Weft | Yjs | diamond-types | Weft / Yjs |')
  p('|---|--:|--:|--:|--:|')
  const row = (label, field, show = ms) => {
    const w = stat('weft', 'trace', t, field); const y = stat('yjs', 'trace', t, field); const d = stat('diamond-types', 'trace', t, field)
    p(`| ${label} | ${show(w)} | ${show(y)} | ${show(d)} | ${fmtRatio(ratio(w, y))} |`)
  }
  row('local replay, ms', 'replayMs')
  row('load v1, ms', 'loadMs')
  row('encode v1, ms', 'encodeMs')
  row('encode v2, ms', 'encodeV2Ms')
  row('state v1, bytes', 'v1Bytes', bytes)
  row('state v2, bytes', 'v2Bytes', bytes)
  row('updates emitted, bytes', 'updateBytes', bytes)
  row('remote apply, ms', 'remoteApplyMs')
  row('remote apply, updates/s', 'remoteUpdatesPerSec', bytes)
  const sbw = stat('weft', 'trace', t, 'stringBuilderMs'); const sby = stat('yjs', 'trace', t, 'stringMs')
  p(`| baseline (StringBuilder / JS string), ms | ${ms(sbw)} | ${ms(sby)} | | |`)
  const ok = measured.filter(l => l.suite === 'trace' && l.trace === t).every(l => l.matchesEndContent && (l.remoteMatches !== false))
  p('')
  p(`Every run ended at the trace's end content: ${ok ? 'yes' : '**no**'}.`)
  p('')
}

const conTraces = [...new Set(measured.filter(l => l.suite === 'concurrent').map(l => l.trace))]
if (conTraces.length) {
  p('## Editing traces (concurrent)')
  p('')
  p('One replica per agent; before each transaction its author applies the merged updates of the')
  p('ancestors it lacks (Weft `Updates.mergeUpdates`, Yjs `Y.mergeUpdates`); then a full sync.')
  p('diamond-types adds every operation to one OpLog at its author\'s version and checks out once.')
  p('')
  p('| trace | agents | Weft, ms | Yjs, ms | diamond-types, ms | Weft / Yjs | all replicas at end content |')
  p('|---|--:|--:|--:|--:|--:|---|')
  for (const t of conTraces) {
    const w = stat('weft', 'concurrent', t, 'mergeMs'); const y = stat('yjs', 'concurrent', t, 'mergeMs'); const d = stat('diamond-types', 'concurrent', t, 'mergeMs')
    const any = measured.find(l => l.suite === 'concurrent' && l.trace === t)
    const ok = measured.filter(l => l.suite === 'concurrent' && l.trace === t).every(l => l.matchesEndContent)
    p(`| ${t} | ${any.agents} | ${ms(w)} | ${ms(y)} | ${ms(d)} | ${fmtRatio(ratio(w, y))} | ${ok ? 'yes' : '**no**'} |`)
  }
  p('')
}

// ---- crdt-benchmarks
const fps = lines.filter(l => l.suite === 'inputs')
p('## crdt-benchmarks (B1–B4)')
p('')
p('The workloads of dmonad/crdt-benchmarks with N = 6000 and 20·√N = 1540 clients for B3, their')
p('inputs drawn from lib0\'s generator seeded with 42 in that suite\'s order; both sides update in')
p('format v2 with an update listener on, as that suite\'s Yjs adapter does. Input fingerprints: ' +
  fps.map(l => `${l.lib} \`${l.fingerprint}\``).join(', ') +
  (new Set(fps.map(l => l.fingerprint)).size === 1 ? ' (identical inputs).' : ' (**they differ**).'))
p('Time: the suite\'s timed part. Update size: per input for B1, per document for B2, all updates')
p('for B3. Parse: loading the encoded state into a fresh document, checked (garbage collections')
p('excluded). Memory: heap in use after a full GC with the loaded document minus without it.')
p('')
p('| workload | Weft time, ms | Yjs time, ms | Weft / Yjs | update bytes W / Y | encode ms W / Y | doc bytes W / Y | parse ms W / Y | mem W / Y |')
p('|---|--:|--:|--:|--:|--:|--:|--:|--:|')
const titleOf = id => (measured.find(l => l.id === id) || {}).title || ''
for (const id of crdtIds) {
  const g = (lib, f) => stat(lib, 'crdt', id, f)
  const w = g('weft', 'timeMs'); const y = g('yjs', 'timeMs')
  const kb = s => s ? `${(s.median / 1024).toFixed(0)} KiB` : '–'
  p(`| ${id} ${titleOf(id)} | ${ms(w)} | ${ms(y)} | ${fmtRatio(ratio(w, y))} | ${bytes(g('weft', 'updateBytes'))} / ${bytes(g('yjs', 'updateBytes'))} | ${num(g('weft', 'encodeMs'))} / ${num(g('yjs', 'encodeMs'))} | ${bytes(g('weft', 'docBytes'))} / ${bytes(g('yjs', 'docBytes'))} | ${num(g('weft', 'parseMs'))} / ${num(g('yjs', 'parseMs'))} | ${kb(g('weft', 'memBytes'))} / ${kb(g('yjs', 'memBytes'))} |`)
}
if (b4x) {
  p(`| B4x100 Apply real-world editing dataset 100 times (Weft only, -Xmx64m, one run) | ${fmt(b4x.timeMs)} | not run | | | ${fmt(b4x.encodeMs)} / – | ${b4x.docBytes.toLocaleString('en-US')} / – | ${fmt(b4x.parseMs)} / – | ${(b4x.memBytes / 1024).toFixed(0)} KiB / – |`)
}
p('')
p('Yjs is not run on B4x100 here: at its B4 speed it alone would take longer than the whole run is allowed.')
p('')

// ---- slowest relative to Yjs
const rel = []
for (const id of crdtIds) {
  for (const [f, label] of [['timeMs', 'time'], ['encodeMs', 'encode'], ['parseMs', 'parse']]) {
    const r = ratio(stat('weft', 'crdt', id, f), stat('yjs', 'crdt', id, f))
    if (r != null) rel.push({ what: `${id} ${label}`, r, w: stat('weft', 'crdt', id, f).median, y: stat('yjs', 'crdt', id, f).median })
  }
}
for (const t of seqTraces) {
  for (const [f, label] of [['replayMs', 'local replay'], ['loadMs', 'load'], ['encodeMs', 'encode v1'], ['encodeV2Ms', 'encode v2'], ['remoteApplyMs', 'remote apply']]) {
    const r = ratio(stat('weft', 'trace', t, f), stat('yjs', 'trace', t, f))
    if (r != null) rel.push({ what: `${t} ${label}`, r, w: stat('weft', 'trace', t, f).median, y: stat('yjs', 'trace', t, f).median })
  }
}
for (const t of conTraces) {
  const r = ratio(stat('weft', 'concurrent', t, 'mergeMs'), stat('yjs', 'concurrent', t, 'mergeMs'))
  if (r != null) rel.push({ what: `${t} concurrent merge`, r, w: stat('weft', 'concurrent', t, 'mergeMs').median, y: stat('yjs', 'concurrent', t, 'mergeMs').median })
}
const relevant = rel.filter(x => Math.max(x.w, x.y) >= 5)
relevant.sort((a, b) => b.r - a.r)
p('## Slowest Weft workloads relative to Yjs')
p('')
p('Every timed figure above that takes at least 5 ms on one side (shorter ones are mostly noise),')
p('ordered by Weft time / Yjs time: the first rows are where Weft is furthest behind.')
p('')
p('| workload | Weft, ms | Yjs, ms | Weft / Yjs |')
p('|---|--:|--:|--:|')
for (const x of relevant.slice(0, 20)) p(`| ${x.what} | ${fmt(x.w)} | ${fmt(x.y)} | ${fmtRatio(x.r)} |`)
p('')

if (jmh.length) {
  p('## JMH')
  p('')
  p(`Settings: ${machine.jmhSettings}.`)
  p('')
  p('| benchmark | params | mode | score | error (99.9%) | unit |')
  p('|---|---|---|--:|--:|---|')
  for (const b of jmh) {
    const params = b.params ? Object.entries(b.params).map(([k, v]) => `${k}=${v}`).join(', ') : ''
    p(`| ${b.benchmark.replace('dev.weft.benchmarks.', '')} | ${params} | ${b.mode} | ${fmt(b.primaryMetric.score)} | ${fmt(b.primaryMetric.scoreError)} | ${b.primaryMetric.scoreUnit} |`)
  }
  p('')
}

const transportFile = path.join(dir, 'transports.jsonl')
const transports = fs.existsSync(transportFile)
  ? fs.readFileSync(transportFile, 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l))
  : []
if (transports.length) {
  p('## Transports')
  p('')
  p('`./mvnw -B -Pload -pl transports/websocket,transports/redis,transports/kafka -am verify` (the')
  p('`*LoadBench` classes, run by this script). 100 documents with 10 writers each, every writer a')
  p('`Doc` and a `SyncSession` in one JVM with the servers: over WebSocket to one embedded Jetty hub;')
  p('through Redis Streams or Kafka (single-node KRaft broker, one topic of 4 partitions) between two')
  p('hubs, writers alternating between the hubs over in-memory links, so most deliveries cross the')
  p('bus. Hubs keep documents in memory stores (no fsync). An update sets one map key; its latency is')
  p('from the writer\'s transaction to the end of each receiving writer\'s transaction (9 deliveries')
  p('per update), on one clock. After an unmeasured warm-up burst: *paced*, each writer sends 2')
  p('updates/s (2,000 updates/s offered); *burst*, each writer sends its updates back to back, and')
  p('updates/s is the rate until every writer holds every update. Latency in a burst is mostly queueing.')
  p('')
  p('| transport | phase | documents × writers | updates | updates/s | p50, ms | p99, ms | max, ms |')
  p('|---|---|---|--:|--:|--:|--:|--:|')
  for (const t of transports) {
    p(`| ${t.transport} | ${t.phase} | ${t.documents} × ${t.writersPerDocument} | ${t.updates.toLocaleString('en-US')} | ${Math.round(t.updatesPerSecond).toLocaleString('en-US')} | ${fmt(t.p50Ms)} | ${fmt(t.p99Ms)} | ${fmt(t.maxMs)} |`)
  }
  p('')
}

p('## Chart')
p('')
p(`![local replay per trace](${path.basename(outSvg)})`)
p('')
p('Local replay time per sequential trace (log scale, median), Weft vs Yjs vs diamond-types.')
p('')
p('Traces: CC BY 4.0 — automerge-paper by Martin Kleppmann (automerge/automerge-perf); seph-blog1,')
p('sveltecomponent, friendsforever, clownschool by Joseph Gentle (josephg/editing-traces);')
p('json-crdt-patch by Vadim Dalecky via josephg/editing-traces.')
fs.writeFileSync(outMd, out.join('\n') + '\n')

// ---- SVG: grouped horizontal bars, log scale
const colors = { weft: '#2b6cb0', yjs: '#d69e2e', 'diamond-types': '#38a169' }
const rows = seqTraces.map(t => ({ t, v: LIBS.map(l => (stat(l, 'trace', t, 'replayMs') || {}).median) }))
const all = rows.flatMap(r => r.v).filter(x => x > 0)
const lo = Math.pow(10, Math.floor(Math.log10(Math.min(...all))))
const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(...all))))
const W = 760; const left = 170; const right = 90; const barH = 14; const gap = 14; const top = 50
const H = top + rows.length * (LIBS.length * barH + gap) + 50
const x = v => left + (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * (W - left - right)
const svg = []
svg.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`)
svg.push(`<rect width="${W}" height="${H}" fill="white"/>`)
svg.push(`<text x="${W / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">Local replay of each editing trace, ms (log scale, lower is better)</text>`)
for (let d = lo; d <= hi; d *= 10) {
  svg.push(`<line x1="${x(d)}" y1="${top - 8}" x2="${x(d)}" y2="${H - 40}" stroke="#ddd"/>`)
  svg.push(`<text x="${x(d)}" y="${H - 26}" text-anchor="middle" fill="#555">${d >= 1 ? d : d.toString()}</text>`)
}
let y = top
for (const r of rows) {
  svg.push(`<text x="${left - 8}" y="${y + LIBS.length * barH / 2 + 4}" text-anchor="end">${r.t}</text>`)
  LIBS.forEach((l, i) => {
    const v = r.v[i]
    if (v > 0) {
      svg.push(`<rect x="${left}" y="${y + i * barH}" width="${Math.max(1, x(v) - left)}" height="${barH - 2}" fill="${colors[l]}"/>`)
      svg.push(`<text x="${x(v) + 4}" y="${y + i * barH + barH - 4}" fill="#333" font-size="10">${fmt(v)}</text>`)
    }
  })
  y += LIBS.length * barH + gap
}
LIBS.forEach((l, i) => {
  svg.push(`<rect x="${left + i * 150}" y="${H - 16}" width="12" height="12" fill="${colors[l]}"/>`)
  svg.push(`<text x="${left + i * 150 + 16}" y="${H - 6}">${l === 'weft' ? 'Weft' : l === 'yjs' ? 'Yjs' : 'diamond-types'}</text>`)
})
svg.push('</svg>')
fs.writeFileSync(outSvg, svg.join('\n') + '\n')
console.log(`wrote ${outMd} and ${outSvg}`)
