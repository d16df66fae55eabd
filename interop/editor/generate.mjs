// Writes Weft's editor-feature vectors (undo, relative positions, snapshots) by running every
// scenario of scenarios.mjs through the real yjs package.
//
//   node interop/editor/generate.mjs <out-dir>   write everything into <out-dir>
//   node interop/editor/generate.mjs --pin       write into crdt-text/src/test/resources/editor
//
// The scenario language is described in README.md next to this file. Time is simulated: the
// undo manager's clock is Date.now, which this script replaces before loading yjs, so the output
// is deterministic and a regenerated directory must equal the pinned one byte for byte.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

let now = 1000
Date.now = () => now
const Y = await import('yjs')
const { SCENARIOS } = await import('./scenarios.mjs')
const { randomScenario, randomStep, rng } = await import('./random.mjs')

const HERE = dirname(fileURLToPath(import.meta.url))
const REPO = resolve(HERE, '..', '..')
const hex = bytes => Buffer.from(bytes).toString('hex')
const unhex = s => new Uint8Array(Buffer.from(s, 'hex'))

// ---------------------------------------------------------------------------------------------
// Values and ops (a subset of interop/golden's language)

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
    case 'text': return spec.text === undefined ? new Y.Text() : new Y.Text(spec.text)
    case 'xmlText': return spec.text === undefined ? new Y.XmlText() : new Y.XmlText(spec.text)
    case 'xmlElement': {
      const e = new Y.XmlElement(spec.nodeName)
      for (const [k, v] of Object.entries(spec.attributes ?? {})) e.setAttribute(k, v)
      if (spec.children) e.insert(0, spec.children.map(fromTagged))
      return e
    }
    default: throw new Error('unknown $type ' + spec.$type)
  }
}

const fromTagged = v => {
  if (v === null || typeof v !== 'object') return v
  if (Array.isArray(v)) return v.map(fromTagged)
  if ('$type' in v) return newType(v)
  const out = {}
  for (const k of Object.keys(v)) out[k] = fromTagged(v[k])
  return out
}

const ROOTS = {
  text: (doc, name) => doc.getText(name),
  map: (doc, name) => doc.getMap(name),
  array: (doc, name) => doc.getArray(name),
  xmlFragment: (doc, name) => doc.getXmlFragment(name)
}

const resolvePath = (doc, roots, path) => {
  const [rootName, ...steps] = path
  let t = ROOTS[roots[rootName]](doc, rootName)
  for (const step of steps) {
    t = t.get(step)
    if (!(t instanceof Y.AbstractType)) throw new Error('path ' + JSON.stringify(path) + ' does not lead to a type')
  }
  return t
}

const applyOp = (doc, roots, recorded) => {
  // yjs may add to the attributes it is given: run on a copy so the recorded op stays as written
  const op = recorded.attributes === undefined ? recorded : { ...recorded, attributes: { ...recorded.attributes } }
  const t = resolvePath(doc, roots, op.at)
  switch (op.op) {
    case 'textInsert':
      if ('attributes' in op) t.insert(op.index, op.text, op.attributes)
      else t.insert(op.index, op.text)
      break
    case 'textInsertEmbed': t.insertEmbed(op.index, fromTagged(op.embed)); break
    case 'textDelete': t.delete(op.index, op.length); break
    case 'textFormat': t.format(op.index, op.length, op.attributes); break
    case 'mapSet': t.set(op.key, fromTagged(op.value)); break
    case 'mapDelete': t.delete(op.key); break
    case 'arrayInsert': t.insert(op.index, op.values.map(fromTagged)); break
    case 'arrayDelete': t.delete(op.index, op.length); break
    case 'xmlInsert': t.insert(op.index, op.nodes.map(fromTagged)); break
    case 'xmlDelete': t.delete(op.index, op.length); break
    case 'xmlSetAttribute': t.setAttribute(op.name, op.value); break
    default: throw new Error('unknown op ' + op.op)
  }
}

// ---------------------------------------------------------------------------------------------
// Observations

const rootNameOf = (doc, type) => {
  for (const [name, t] of doc.share) if (t === type) return name
  return null
}

const typeRef = (doc, t) => t._item === null
  ? { root: rootNameOf(doc, t) }
  : { type: { client: t._item.id.client, clock: t._item.id.clock } }

const describe = t => {
  const out = { json: t.toJSON() }
  if (t instanceof Y.Text) out.delta = t.toDelta()
  return out
}

const stateOf = (doc, roots) => {
  const out = {}
  for (const name of Object.keys(roots)) out[name] = describe(resolvePath(doc, roots, [name]))
  return out
}

const absolute = (doc, rpos, follow) => {
  const abs = Y.createAbsolutePositionFromRelativePosition(rpos, doc, follow)
  return abs === null ? null : { ...typeRef(doc, abs.type), index: abs.index, assoc: abs.assoc }
}

const changedRoots = (doc, changed) => [...changed.keys()]
  .filter(t => t._item === null).map(t => rootNameOf(doc, t)).sort()

/** The recipe for restoring a version as a new change: undo, in a copy of the old version, what was done since. */
let restores = 0
const restore = (doc, snap, origin) => {
  // a fixed client id keeps this file deterministic (Weft draws a random one)
  const old = new Y.Doc()
  old.clientID = 900 + restores++
  Y.createDocFromSnapshot(doc, snap, old)
  const current = Y.encodeStateVector(doc)
  const since = Y.encodeStateAsUpdate(doc, Y.encodeStateVector(old))
  const SINCE = {}
  const um = new Y.UndoManager(old, { trackedOrigins: new Set([SINCE]) })
  Y.applyUpdate(old, since, SINCE)
  um.undo()
  um.destroy()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(old, current), origin)
}

// ---------------------------------------------------------------------------------------------

const run = scenario => {
  now = 1000
  restores = 0
  const { roots } = scenario
  const docs = {}
  for (const p of scenario.peers) {
    const doc = new Y.Doc({ gc: p.gc ?? true })
    doc.clientID = p.clientId
    docs[p.name] = doc
    // create every root before any undo manager exists: yjs creates some roots in a transaction
    stateOf(doc, roots)
  }
  let events = []
  let stepIndex = -1
  const managers = (scenario.managers ?? []).map((spec, i) => {
    const doc = docs[spec.peer]
    const scope = spec.scope === 'doc' ? doc : spec.scope.map(path => resolvePath(doc, roots, path))
    const options = {}
    if (spec.captureTimeout !== undefined) options.captureTimeout = spec.captureTimeout
    if (spec.trackedOrigins !== undefined) options.trackedOrigins = new Set(spec.trackedOrigins)
    if (spec.ignoreRemoteMapChanges) options.ignoreRemoteMapChanges = true
    if (spec.deleteFilter === 'keepTypes') {
      options.deleteFilter = item => !(item.content.getContent()[0] instanceof Y.AbstractType)
    }
    const um = new Y.UndoManager(scope, options)
    const origin = o => o === um ? 'manager' : o
    um.on('stack-item-added', e => {
      e.stackItem.meta.set('step', stepIndex)
      events.push({ manager: i, event: 'added', kind: e.type, origin: origin(e.origin), changed: changedRoots(doc, e.changedParentTypes) })
    })
    um.on('stack-item-updated', e => {
      events.push({ manager: i, event: 'updated', kind: e.type, origin: origin(e.origin), step: e.stackItem.meta.get('step'), changed: changedRoots(doc, e.changedParentTypes) })
    })
    um.on('stack-item-popped', e => {
      events.push({ manager: i, event: 'popped', kind: e.type, step: e.stackItem.meta.get('step'), changed: changedRoots(doc, e.changedParentTypes) })
    })
    um.on('stack-cleared', e => {
      events.push({ manager: i, event: 'cleared', undo: e.undoStackCleared, redo: e.redoStackCleared })
    })
    return um
  })
  const positions = {}
  const snapshots = {}
  const results = []
  const steps = scenario.random ? scenario.random.length : scenario.steps.length
  const r = scenario.random ? rng(scenario.random.seed * 7919 + 1) : null
  const gcOf = Object.fromEntries(scenario.peers.map(p => [p.name, p.gc ?? true]))
  const randomState = { positions: 0, snapshots: [] }
  for (let index = 0; index < steps; index++) {
    const step = scenario.random ? (scenario.steps[index] = randomStep(Y, docs, r, gcOf, randomState)) : scenario.steps[index]
    stepIndex = index
    events = []
    const out = {}
    if (step.ops) {
      const doc = docs[step.peer]
      doc.transact(() => { for (const op of step.ops) applyOp(doc, roots, op) }, step.origin ?? null)
    } else if (step.tick !== undefined) {
      now += step.tick
    } else if (step.undo !== undefined) {
      out.result = managers[step.undo].undo() !== null
    } else if (step.redo !== undefined) {
      out.result = managers[step.redo].redo() !== null
    } else if (step.stopCapturing !== undefined) {
      managers[step.stopCapturing].stopCapturing()
    } else if (step.clear !== undefined) {
      managers[step.clear].clear()
    } else if (step.sync) {
      for (const from of step.sync) {
        for (const to of step.sync) {
          if (from !== to) Y.applyUpdate(docs[to], Y.encodeStateAsUpdate(docs[from], Y.encodeStateVector(docs[to])), 'remote')
        }
      }
    } else if (step.position) {
      const doc = docs[step.peer]
      const rpos = Y.createRelativePositionFromTypeIndex(resolvePath(doc, roots, step.at), step.index, step.assoc ?? 0)
      positions[step.position] = rpos
      out.encoded = hex(Y.encodeRelativePosition(rpos))
      out.json = JSON.stringify(Y.relativePositionToJSON(rpos))
    } else if (step.resolve) {
      const doc = docs[step.resolve]
      out.positions = {}
      for (const name of Object.keys(positions).sort()) {
        const rpos = positions[name]
        const decoded = Y.decodeRelativePosition(Y.encodeRelativePosition(rpos))
        const fromJson = Y.createRelativePositionFromJSON(JSON.parse(JSON.stringify(Y.relativePositionToJSON(rpos))))
        out.positions[name] = {
          follow: absolute(doc, rpos, true),
          noFollow: absolute(doc, rpos, false),
          decoded: absolute(doc, decoded, true),
          fromJson: absolute(doc, fromJson, true),
          sameAfterRoundTrip: Y.compareRelativePositions(rpos, decoded) && Y.compareRelativePositions(rpos, fromJson)
        }
      }
    } else if (step.decodePosition) {
      out.json = JSON.stringify(Y.relativePositionToJSON(Y.decodeRelativePosition(unhex(step.decodePosition))))
    } else if (step.snapshot) {
      const snap = Y.snapshot(docs[step.peer])
      snapshots[step.snapshot] = snap
      out.encoded = hex(Y.encodeSnapshot(snap))
      out.equal = {}
      for (const name of Object.keys(snapshots).sort()) out.equal[name] = Y.equalSnapshots(snap, snapshots[name])
    } else if (step.render) {
      const doc = docs[step.render]
      const snap = snapshots[step.at]
      const prev = step.prev === undefined ? undefined : snapshots[step.prev]
      const old = Y.createDocFromSnapshot(doc, snap)
      out.state = stateOf(old, roots)
      out.deltas = {}
      for (const path of step.texts ?? []) {
        const t = resolvePath(doc, roots, path)
        out.deltas[path.join('/')] = prev === undefined ? t.toDelta(snap) : t.toDelta(snap, prev)
      }
    } else if (step.restore) {
      restore(docs[step.restore], snapshots[step.at], 'restore')
    } else {
      throw new Error('unknown step ' + JSON.stringify(step))
    }
    out.states = {}
    for (const name of Object.keys(docs)) out.states[name] = stateOf(docs[name], roots)
    if (managers.length > 0) {
      out.stacks = managers.map(um => [um.undoStack.length, um.redoStack.length])
      out.events = events
    }
    results.push(out)
  }
  const final = {}
  for (const name of Object.keys(docs)) final[name] = hex(Y.encodeStateAsUpdate(docs[name]))
  return { name: scenario.name, scenario, results, final }
}

const versionOf = pkg => JSON.parse(readFileSync(join(HERE, '..', 'node_modules', pkg, 'package.json'), 'utf8')).version

const main = () => {
  const args = process.argv.slice(2)
  if (args[0] === '--random' && args.length === 5) {
    // --random <first seed> <count> <steps> <out-dir>: random scenarios, not pinned
    const [first, count, length] = args.slice(1, 4).map(Number)
    const out = resolve(args[4])
    mkdirSync(out, { recursive: true })
    const names = []
    for (let seed = first; seed < first + count; seed++) {
      const vector = run(randomScenario(seed, length))
      writeFileSync(join(out, vector.name + '.json'), JSON.stringify(vector) + '\n')
      names.push(vector.name + '.json')
    }
    writeFileSync(join(out, 'index.json'), JSON.stringify({ generator: 'interop/editor/generate.mjs --random', scenarios: names }) + '\n')
    return
  }
  if (args.length !== 1) {
    console.error('usage: node interop/editor/generate.mjs <out-dir> | --pin | --random <first seed> <count> <steps> <out-dir>')
    process.exit(2)
  }
  const out = args[0] === '--pin' ? join(REPO, 'crdt-text', 'src', 'test', 'resources', 'editor') : resolve(args[0])
  mkdirSync(out, { recursive: true })
  const names = []
  for (const s of SCENARIOS) {
    writeFileSync(join(out, s.name + '.json'), JSON.stringify(run(s), null, 1) + '\n')
    names.push(s.name)
  }
  if (new Set(names).size !== names.length) throw new Error('duplicate scenario names')
  writeFileSync(join(out, 'index.json'), JSON.stringify({
    generator: 'interop/editor/generate.mjs', yjs: versionOf('yjs'), scenarios: names.map(n => n + '.json')
  }, null, 1) + '\n')
}

main()
