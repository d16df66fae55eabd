// Writes Weft's golden test vectors by running every scenario through the real yjs and lib0 packages.
//
//   node interop/golden/generate.mjs <out-dir>   write everything into <out-dir>
//   node interop/golden/generate.mjs --pin       write into the test resources of crdt-core and crdt-text
//
// Output (see README.md next to this file for the scenario language and the file layout):
//   <out-dir>/index.json            package versions and the list of scenario files
//   <out-dir>/lib0.json             lib0 primitive encodings (varUint, varInt, varString, any)
//   <out-dir>/scenarios/<name>.json one file per scenario
//
// The output is deterministic: fixed client ids, no randomness, no timestamps, so a regenerated
// directory must equal the pinned one byte for byte.

import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LOCAL_SCENARIOS, REMOTE_SCENARIOS } from './scenarios.mjs'

const HERE = dirname(fileURLToPath(import.meta.url))
const REPO = resolve(HERE, '..', '..')

// ---------------------------------------------------------------------------------------------
// Values: JSON cannot hold every value Yjs stores, so those travel as one-key tagged objects.
//   {"$bytes": "hex"}  Uint8Array          {"$undefined": true}  undefined
//   {"$bigint": "12"}  BigInt              {"$number": "NaN"}    NaN, Infinity, -Infinity, -0
//   {"$type": "map" | "array" | "text" | "xmlElement" | "xmlText", ...}  a new shared type (input only)

const hex = bytes => Buffer.from(bytes).toString('hex')
const unhex = s => new Uint8Array(Buffer.from(s, 'hex'))

export const toTagged = v => {
  if (v === undefined) return { $undefined: true }
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v
  if (typeof v === 'number') {
    if (Number.isNaN(v) || !Number.isFinite(v)) return { $number: String(v) }
    if (Object.is(v, -0)) return { $number: '-0' }
    return v
  }
  if (typeof v === 'bigint') return { $bigint: v.toString() }
  if (v instanceof Uint8Array) return { $bytes: hex(v) }
  if (Array.isArray(v)) return v.map(toTagged)
  if (typeof v === 'object') {
    const out = {}
    for (const k of Object.keys(v)) out[k] = toTagged(v[k])
    return out
  }
  throw new Error('cannot tag ' + typeof v)
}

const newType = spec => {
  switch (spec.$type) {
    case 'map': {
      const m = new Y.Map()
      for (const [k, v] of Object.entries(spec.entries ?? {})) m.set(k, fromTagged(v))
      return m
    }
    case 'array': {
      const a = new Y.Array()
      if (spec.values) a.insert(0, spec.values.map(fromTagged))
      return a
    }
    case 'text':
      return spec.text === undefined ? new Y.Text() : new Y.Text(spec.text)
    case 'xmlText':
      return spec.text === undefined ? new Y.XmlText() : new Y.XmlText(spec.text)
    case 'xmlElement': {
      const e = new Y.XmlElement(spec.nodeName)
      for (const [k, v] of Object.entries(spec.attributes ?? {})) e.setAttribute(k, v)
      if (spec.children) e.insert(0, spec.children.map(fromTagged))
      return e
    }
    default:
      throw new Error('unknown $type ' + spec.$type)
  }
}

export const fromTagged = v => {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(fromTagged)
  if ('$type' in v) return newType(v)
  const keys = Object.keys(v)
  if (keys.length === 1) {
    switch (keys[0]) {
      case '$bytes': return unhex(v.$bytes)
      case '$undefined': return undefined
      case '$bigint': return BigInt(v.$bigint)
      case '$number': return v.$number === '-0' ? -0 : Number(v.$number)
    }
  }
  const out = {}
  for (const k of keys) out[k] = fromTagged(v[k])
  return out
}

// ---------------------------------------------------------------------------------------------
// lib0 primitives

const encodeWith = write => {
  const enc = encoding.createEncoder()
  write(enc)
  return encoding.toUint8Array(enc)
}

/** JSON.stringify's text for a value, or undefined where it has none (undefined) or throws (BigInt). */
const jsonText = value => {
  try {
    return JSON.stringify(value)
  } catch {
    return undefined
  }
}

const lib0Vectors = () => {
  const varUint = [0, 1, 127, 128, 300, 16383, 16384, 2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1]
    .map(value => ({ value, hex: hex(encodeWith(e => encoding.writeVarUint(e, value))) }))
  const varInt = [0, 1, -1, 63, 64, -63, -64, 1000, -1000, 2 ** 31 - 1, -(2 ** 31), 2 ** 53 - 1, -(2 ** 53 - 1)]
    .map(value => ({ value, hex: hex(encodeWith(e => encoding.writeVarInt(e, value))) }))
  const varString = ['', 'hello', 'hé😀', '\uD83D', 'a\uDE00b', '\u0000\u007f\u0080\u07ff\u0800\uffff']
    .map(value => {
      const bytes = encodeWith(e => encoding.writeVarString(e, value))
      return { value, hex: hex(bytes), decoded: decoding.readVarString(decoding.createDecoder(bytes)) }
    })
  const anyValues = [
    ['int 0', 0], ['int 1', 1], ['int -42', -42], ['int 2^31-1', 2 ** 31 - 1], ['int -(2^31-1)', -(2 ** 31 - 1)],
    ['float 1.5', 1.5], ['float 0.1', 0.1], ['float -2.25', -2.25], ['2^31', 2 ** 31], ['-(2^31)', -(2 ** 31)],
    ['2^40', 2 ** 40], ['2^40+1', 2 ** 40 + 1], ['2^53-1', 2 ** 53 - 1], ['1e21', 1e21],
    ['negative zero', -0], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity],
    ['bigint 2^60', 2n ** 60n], ['bigint -5', -5n],
    ['true', true], ['false', false], ['null', null], ['undefined', undefined],
    ['empty string', ''], ['string', 'hello'], ['string non-BMP', 'hé😀'], ['string lone surrogate', 'x\uD83D'],
    ['empty object', {}], ['empty array', []],
    ['object', { a: 1, b: 'two', c: [true, null], d: { e: 0.5 } }],
    ['array', [1, 'x', false, null, 2.5, { k: [] }]],
    ['nested', { list: [{ deep: [[1, 2], { x: undefined }] }] }],
    ['bytes', new Uint8Array([0, 1, 2, 254, 255])], ['empty bytes', new Uint8Array(0)]
  ]
  const any = anyValues.map(([name, value]) => {
    const bytes = encodeWith(e => encoding.writeAny(e, value))
    const out = { name, value: toTagged(value), hex: hex(bytes), decoded: toTagged(decoding.readAny(decoding.createDecoder(bytes))) }
    const text = jsonText(value)
    if (text !== undefined) out.json = text
    return out
  })
  return { varUint, varInt, varString, any }
}

// ---------------------------------------------------------------------------------------------
// Scenario execution

const ROOT_GETTERS = {
  text: (doc, name) => doc.getText(name),
  map: (doc, name) => doc.getMap(name),
  array: (doc, name) => doc.getArray(name),
  xmlFragment: (doc, name) => doc.getXmlFragment(name)
}

const newDoc = (clientId, gc) => {
  const doc = new Y.Doc({ gc })
  doc.clientID = clientId
  return doc
}

const resolvePath = (doc, roots, path) => {
  const [rootName, ...steps] = path
  const kind = roots[rootName]
  if (!kind) throw new Error('unknown root ' + rootName)
  let target = ROOT_GETTERS[kind](doc, rootName)
  for (const step of steps) {
    const next = target.get(step)
    if (!(next instanceof Y.AbstractType)) throw new Error('path ' + JSON.stringify(path) + ' does not lead to a shared type')
    target = next
  }
  return target
}

const deltaFromTagged = delta => delta.map(op => {
  const out = {}
  for (const [k, v] of Object.entries(op)) out[k] = k === 'insert' ? fromTagged(v) : v
  return out
})

const applyOp = (doc, roots, op) => {
  const t = resolvePath(doc, roots, op.at)
  switch (op.op) {
    case 'textInsert':
      if ('attributes' in op) t.insert(op.index, op.text, op.attributes)
      else t.insert(op.index, op.text)
      break
    case 'textInsertEmbed':
      if ('attributes' in op) t.insertEmbed(op.index, fromTagged(op.embed), op.attributes)
      else t.insertEmbed(op.index, fromTagged(op.embed))
      break
    case 'textDelete': t.delete(op.index, op.length); break
    case 'textFormat': t.format(op.index, op.length, op.attributes); break
    case 'textApplyDelta': t.applyDelta(deltaFromTagged(op.delta)); break
    case 'mapSet': t.set(op.key, fromTagged(op.value)); break
    case 'mapDelete': t.delete(op.key); break
    case 'arrayInsert': t.insert(op.index, op.values.map(fromTagged)); break
    case 'arrayPush': t.push(op.values.map(fromTagged)); break
    case 'arrayDelete': t.delete(op.index, op.length); break
    case 'xmlInsert': t.insert(op.index, op.nodes.map(fromTagged)); break
    case 'xmlDelete': t.delete(op.index, op.length); break
    case 'xmlSetAttribute': t.setAttribute(op.name, op.value); break
    case 'xmlRemoveAttribute': t.removeAttribute(op.name); break
    default: throw new Error('unknown op ' + op.op)
  }
}

const describeType = t => {
  const out = { json: toTagged(t.toJSON()) }
  if (t instanceof Y.Text) out.delta = toTagged(t.toDelta())
  return out
}

const stateOf = (doc, roots, probes = []) => {
  const out = {
    update: hex(Y.encodeStateAsUpdate(doc)),
    stateVector: hex(Y.encodeStateVector(doc)),
    roots: {}
  }
  for (const name of Object.keys(roots)) out.roots[name] = describeType(resolvePath(doc, roots, [name]))
  if (probes.length > 0) out.probes = probes.map(path => ({ path, ...describeType(resolvePath(doc, roots, path)) }))
  return out
}

/** Runs ops as one transaction and returns the update events it emitted. */
const runTransaction = (doc, roots, ops) => {
  const updates = []
  const listener = (update, origin, d, tr) => { if (tr.local) updates.push(hex(update)) }
  doc.on('update', listener)
  try {
    doc.transact(() => { for (const op of ops) applyOp(doc, roots, op) })
  } finally {
    doc.off('update', listener)
  }
  return updates
}

/** A fresh document loaded from one update, re-encoded: what a replica that only received the state holds. */
const reload = (update, roots, gc, probes) => {
  const doc = newDoc(RELOAD_CLIENT, gc)
  Y.applyUpdate(doc, unhex(update))
  return stateOf(doc, roots, probes)
}

const RELOAD_CLIENT = 4242

const runLocal = s => {
  const gc = s.gc ?? true
  const doc = newDoc(s.clientId, gc)
  const transactions = []
  const stateVectors = []
  const all = []
  for (const ops of s.transactions) {
    const updates = runTransaction(doc, s.roots, ops)
    all.push(...updates)
    const sv = hex(Y.encodeStateVector(doc))
    stateVectors.push(sv)
    transactions.push({ ops, updates, stateVector: sv })
  }
  const final = stateOf(doc, s.roots, s.probes)
  const merged = hex(Y.mergeUpdates(all.map(unhex)))
  const diffs = [...new Set(['00', ...stateVectors])].map(sv => ({
    update: merged, stateVector: sv, output: hex(Y.diffUpdate(unhex(merged), unhex(sv)))
  }))
  return {
    name: s.name,
    description: s.description,
    kind: 'local',
    clientId: s.clientId,
    gc,
    roots: s.roots,
    ...(s.probes ? { probes: s.probes } : {}),
    transactions,
    final,
    reload: reload(final.update, s.roots, gc, s.probes),
    merges: [{ inputs: all, output: merged }],
    diffs,
    stateVectorsFromUpdate: [merged, final.update].map(u => ({ update: u, output: hex(Y.encodeStateVectorFromUpdate(unhex(u))) }))
  }
}

const runRemote = s => {
  const gc = s.gc ?? true
  const peers = new Map(s.peers.map(p => [p.name, { doc: newDoc(p.clientId, p.gc ?? gc), has: new Set() }]))
  const peer = name => {
    const p = peers.get(name)
    if (!p) throw new Error('unknown peer ' + name)
    return p
  }
  const updates = []
  const owner = []
  const steps = []
  const stateVectors = []
  for (const step of s.steps) {
    if (step.ops) {
      const p = peer(step.peer)
      const produced = runTransaction(p.doc, s.roots, step.ops)
      for (const u of produced) {
        p.has.add(updates.length)
        owner.push(step.peer)
        updates.push(u)
      }
      steps.push({ peer: step.peer, ops: step.ops, updates: produced })
    } else if (step.sync) {
      const union = new Set()
      for (const name of step.sync) for (const i of peer(name).has) union.add(i)
      const order = [...union].sort((a, b) => a - b)
      for (const name of step.sync) {
        const p = peer(name)
        for (const i of order) {
          if (!p.has.has(i)) {
            Y.applyUpdate(p.doc, unhex(updates[i]), 'remote')
            p.has.add(i)
          }
        }
      }
      steps.push({ sync: step.sync })
    } else if (step.deliver) {
      const p = peer(step.deliver)
      for (const i of step.updates) {
        Y.applyUpdate(p.doc, unhex(updates[i]), 'remote')
        p.has.add(i)
      }
      steps.push({ deliver: step.deliver, updates: step.updates })
    } else if (step.snapshot) {
      const state = stateOf(peer(step.snapshot).doc, s.roots, s.probes)
      stateVectors.push(state.stateVector)
      steps.push({ snapshot: step.snapshot, state })
    } else {
      throw new Error('unknown step ' + JSON.stringify(step))
    }
  }
  const final = {}
  for (const [name, p] of peers) {
    final[name] = stateOf(p.doc, s.roots, s.probes)
    stateVectors.push(final[name].stateVector)
  }
  const u8 = updates.map(unhex)
  const mergedBytes = Y.mergeUpdates(u8)
  const merged = hex(mergedBytes)
  const merges = [
    { inputs: updates, output: merged },
    { inputs: [...updates].reverse(), output: hex(Y.mergeUpdates([...u8].reverse())) }
  ]
  for (const name of peers.keys()) {
    const own = updates.filter((u, i) => owner[i] === name)
    if (own.length > 1) merges.push({ inputs: own, output: hex(Y.mergeUpdates(own.map(unhex))) })
  }
  if (updates.length > 2) {
    const dup = [merged, updates[1], updates[0]]
    merges.push({ inputs: dup, output: hex(Y.mergeUpdates(dup.map(unhex))) })
  }
  const svs = [...new Set(['00', ...stateVectors, hex(Y.encodeStateVectorFromUpdate(u8[0]))])]
  const diffs = []
  for (const sv of svs) {
    diffs.push({ update: merged, stateVector: sv, output: hex(Y.diffUpdate(mergedBytes, unhex(sv))) })
  }
  for (const u of updates) {
    const sv = svs[svs.length - 1]
    diffs.push({ update: u, stateVector: sv, output: hex(Y.diffUpdate(unhex(u), unhex(sv))) })
  }
  const stateVectorsFromUpdate = [...updates, merged].map(u => ({ update: u, output: hex(Y.encodeStateVectorFromUpdate(unhex(u))) }))
  const replays = []
  const replay = (name, order) => {
    const doc = newDoc(REPLAY_CLIENT, gc)
    for (const i of order) Y.applyUpdate(doc, u8[i], 'remote')
    replays.push({ name, clientId: REPLAY_CLIENT, gc, apply: order, final: stateOf(doc, s.roots, s.probes) })
  }
  const indices = updates.map((u, i) => i)
  replay('reverse', [...indices].reverse())
  if (updates.length > 1) replay('reverse without the first update', indices.slice(1).reverse())
  if (updates.length > 2) replay('every update twice, last first', [...[...indices].reverse(), ...indices])
  return {
    name: s.name,
    description: s.description,
    kind: 'remote',
    gc,
    roots: s.roots,
    ...(s.probes ? { probes: s.probes } : {}),
    peers: s.peers.map(p => ({ name: p.name, clientId: p.clientId, gc: p.gc ?? gc })),
    steps,
    updates,
    final,
    merges,
    diffs,
    stateVectorsFromUpdate,
    replays
  }
}

const REPLAY_CLIENT = 777

// ---------------------------------------------------------------------------------------------
// Output

const json = value => JSON.stringify(value, null, 2) + '\n'

const versionOf = pkg => JSON.parse(readFileSync(join(HERE, '..', 'node_modules', pkg, 'package.json'), 'utf8')).version

const writeAll = (outDir, lib0Dir) => {
  const scenarioDir = join(outDir, 'scenarios')
  rmSync(scenarioDir, { recursive: true, force: true })
  mkdirSync(scenarioDir, { recursive: true })
  const names = []
  for (const s of LOCAL_SCENARIOS) {
    writeFileSync(join(scenarioDir, s.name + '.json'), json(runLocal(s)))
    names.push(s.name)
  }
  for (const s of REMOTE_SCENARIOS) {
    writeFileSync(join(scenarioDir, s.name + '.json'), json(runRemote(s)))
    names.push(s.name)
  }
  if (new Set(names).size !== names.length) throw new Error('duplicate scenario names')
  const lib0 = json(lib0Vectors())
  writeFileSync(join(outDir, 'lib0.json'), lib0)
  if (lib0Dir) {
    mkdirSync(lib0Dir, { recursive: true })
    writeFileSync(join(lib0Dir, 'lib0.json'), lib0)
  }
  writeFileSync(join(outDir, 'index.json'), json({
    generator: 'interop/golden/generate.mjs',
    yjs: versionOf('yjs'),
    lib0: versionOf('lib0'),
    scenarios: names.map(n => 'scenarios/' + n + '.json')
  }))
  return names.length
}

const main = () => {
  const args = process.argv.slice(2)
  if (args.length !== 1) {
    console.error('usage: node interop/golden/generate.mjs <out-dir> | --pin')
    process.exit(2)
  }
  let count
  if (args[0] === '--pin') {
    count = writeAll(join(REPO, 'crdt-text', 'src', 'test', 'resources', 'golden'),
      join(REPO, 'crdt-core', 'src', 'test', 'resources', 'golden'))
  } else {
    const out = resolve(args[0])
    mkdirSync(out, { recursive: true })
    count = writeAll(out)
  }
  if (process.env.WEFT_GOLDEN_VERBOSE) console.log('wrote ' + count + ' scenarios')
}

main()
