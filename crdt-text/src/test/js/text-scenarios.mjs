// Generates crdt-text/src/test/resources/text-scenarios.json: random rich-text sessions of two or
// three replicas, run through the real yjs, with every update each replica emitted (and how many it
// had emitted after each step) and every text event delta its observer saw. TextScenariosTest
// replays the recorded operations through Weft and expects the same bytes and deltas. Each
// replica's final content is recorded on its own: a replica that cut a surrogate pair in two keeps
// U+FFFD halves that the others never see.
//
//   mkdir /tmp/yjs-text-check && cd /tmp/yjs-text-check && npm install yjs@13.6.33
//   cp <repo>/crdt-text/src/test/js/text-scenarios.mjs . && node text-scenarios.mjs > <repo>/crdt-text/src/test/resources/text-scenarios.json
import * as Y from 'yjs'

const SCENARIOS = 40
const STEPS = 30

const mulberry32 = seed => () => {
  seed |= 0; seed = seed + 0x6D2B79F5 | 0
  let t = Math.imul(seed ^ seed >>> 15, 1 | seed)
  t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t
  return ((t ^ t >>> 14) >>> 0) / 4294967296
}

const hex = u => Buffer.from(u).toString('hex')

const run = seed => {
  const rnd = mulberry32(seed)
  const int = n => Math.floor(rnd() * n)
  const pick = xs => xs[int(xs.length)]
  const n = 2 + int(2)
  const gc = rnd() < 0.7
  const observed = []
  const docs = []
  const updates = []
  const events = []
  for (let i = 0; i < n; i++) {
    const d = new Y.Doc({ gc })
    d.clientID = i + 1
    const ups = []
    const evs = []
    d.on('update', u => ups.push(hex(u)))
    // reading an event's delta may delete redundant formats, so some replicas do not read it
    observed.push(rnd() < 0.5)
    if (observed[i]) d.getText('t').observe(e => evs.push(JSON.stringify(e.delta)))
    docs.push(d); updates.push(ups); events.push(evs)
  }
  const attrValues = {
    bold: [true, null],
    italic: [true, null],
    color: ['red', 'blue', null],
    link: [() => ({ href: 'a' }), () => ({ href: 'b' }), null]
  }
  const randomAttrs = () => {
    const a = {}
    const keys = Object.keys(attrValues)
    const k = 1 + int(2)
    for (let i = 0; i < k; i++) {
      const key = pick(keys)
      const v = pick(attrValues[key])
      a[key] = typeof v === 'function' ? v() : v
    }
    return a
  }
  const randomOp = t => {
    const len = t.length
    const r = rnd()
    if (r < 0.4 || len === 0) {
      const text = pick(['a', 'bc', 'xyz', 'Q', '😀', 'hi'])
      const op = { op: 'insert', index: int(len + 1), text }
      if (rnd() < 0.5) op.attrs = randomAttrs()
      return op
    } else if (r < 0.6) {
      const index = int(len)
      return { op: 'delete', index, len: 1 + int(Math.min(3, len - index)) }
    } else if (r < 0.85) {
      const index = int(len)
      return { op: 'format', index, len: 1 + int(Math.min(4, len - index)), attrs: randomAttrs() }
    } else if (r < 0.92) {
      const ops = []
      let left = len
      for (let k = 1 + int(3); k > 0; k--) {
        const q = rnd()
        if (q < 0.4 && left > 0) {
          const m = 1 + int(Math.min(3, left))
          ops.push(rnd() < 0.5 ? { retain: m } : { retain: m, attributes: randomAttrs() })
          left -= m
        } else if (q < 0.6 && left > 0) {
          const m = 1 + int(Math.min(2, left))
          ops.push({ delete: m })
          left -= m
        } else {
          ops.push(rnd() < 0.5 ? { insert: pick(['a', 'xy']) } : { insert: pick(['a', 'xy', { img: 1 }]), attributes: randomAttrs() })
        }
      }
      return { op: 'applyDelta', delta: ops }
    } else {
      const op = { op: 'embed', index: int(len + 1), embed: { img: int(9) } }
      if (rnd() < 0.5) op.attrs = randomAttrs()
      return op
    }
  }
  const apply = (t, op) => {
    switch (op.op) {
      case 'insert': op.attrs === undefined ? t.insert(op.index, op.text) : t.insert(op.index, op.text, op.attrs); break
      case 'delete': t.delete(op.index, op.len); break
      case 'format': t.format(op.index, op.len, op.attrs); break
      case 'embed': op.attrs === undefined ? t.insertEmbed(op.index, op.embed) : t.insertEmbed(op.index, op.embed, op.attrs); break
      case 'applyDelta': t.applyDelta(op.delta); break
    }
  }
  const steps = []
  const record = () => { steps[steps.length - 1].after = updates.map(u => u.length) }
  for (let s = 0; s < STEPS; s++) {
    const r = rnd()
    if (r < 0.15) {
      const from = int(n); const to = (from + 1 + int(n - 1)) % n
      steps.push({ op: 'send', from, to })
      Y.applyUpdate(docs[to], Y.encodeStateAsUpdate(docs[from], Y.encodeStateVector(docs[to])))
    } else if (r < 0.22) {
      steps.push({ op: 'syncAll' })
      for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
    } else {
      const doc = int(n)
      const t = docs[doc].getText('t')
      if (rnd() < 0.15) {
        const ops = []
        docs[doc].transact(() => {
          const k = 2 + int(3)
          for (let i = 0; i < k; i++) { const op = randomOp(t); apply(t, op); ops.push(op) }
        })
        steps.push({ op: 'transact', doc, ops })
      } else {
        const op = randomOp(t)
        apply(t, op)
        steps.push({ ...op, doc })
      }
    }
    record()
  }
  for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  return { seed, clients: n, gc, observed, steps, updates, events, deltas: docs.map(d => JSON.stringify(d.getText('t').toDelta())) }
}

const out = []
for (let seed = 1; seed <= SCENARIOS; seed++) out.push(run(seed))
console.log(JSON.stringify(out))
