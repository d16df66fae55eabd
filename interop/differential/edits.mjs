// Random edits on real Yjs documents, drawn from a seeded lib0 PRNG so that a scenario replays from
// its seed. Every document declares the same four roots: a text, a map, an array and an XML fragment.
// Text positions never fall inside a surrogate pair (lone surrogates are a known difference).

import * as Y from 'yjs'
import * as prng from 'lib0/prng'

/** The four roots of `doc`, declared with the kinds both sides agree on. */
export const roots = doc => ({
  text: doc.getText('text'),
  map: doc.getMap('map'),
  array: doc.getArray('array'),
  xml: doc.getXmlFragment('xml')
})

const STRINGS = ['a', 'bc', 'xyz', '\n', 'é', '😀', 'a𝄞b', '中文', ' ', '🎉🎉']
const KEYS = ['a', 'b', 'c', 'd', '1', 'é']
const ATTRIBUTES = [
  { bold: true }, { bold: null }, { italic: true }, { italic: null }, { color: '#f00' },
  { color: '#0f0', bold: true }, { link: { href: 'https://x' } }, { size: 12 }
]
const XML_FORMATS = [{ b: true }, { b: null }, { em: { class: 'x' } }, { em: null }]
const NODE_NAMES = ['p', 'div', 'span', 'h1']

/** A plain value of any kind lib0's writeAny knows (bigint aside). */
export const randomValue = (gen, depth = 0) => {
  switch (prng.int32(gen, 0, depth > 1 ? 9 : 12)) {
    case 0: return null
    case 1: return prng.bool(gen)
    case 2: return prng.int32(gen, -1000, 1000)
    case 3: return prng.oneOf(gen, [2 ** 31 - 1, 2 ** 31, -(2 ** 31), 2 ** 40, 2 ** 53 - 1, -(2 ** 53 - 1)])
    case 4: return prng.oneOf(gen, [0.5, -2.25, 0.1, 1e21, 1.5e-7, 3.4028234663852886e38])
    case 5: case 6: return prng.oneOf(gen, STRINGS.concat(['', 'hé😀']))
    case 7: return prng.uint8Array(gen, prng.int32(gen, 0, 4))
    case 8: return undefined
    case 9: return prng.oneOf(gen, [{}, []])
    case 10: {
      const o = {}
      const n = prng.int32(gen, 0, 3)
      for (let i = 0; i < n; i++) o[prng.oneOf(gen, KEYS)] = randomValue(gen, depth + 1)
      return o
    }
    default: {
      const n = prng.int32(gen, 0, 3)
      const a = []
      for (let i = 0; i < n; i++) a.push(randomValue(gen, depth + 1))
      return a
    }
  }
}

// Values inside JSON-like content are turned into JSON-safe ones, as Yjs stores objects by writeAny.
const embedValue = gen => prng.oneOf(gen, [{ image: 'a.png' }, { formula: 'e=mc²' }, { n: 1, list: [1, 2] }])

/** A new nested shared type, sometimes with initial content. */
const randomType = gen => {
  switch (prng.int32(gen, 0, 2)) {
    case 0: {
      const m = new Y.Map()
      if (prng.bool(gen)) m.set(prng.oneOf(gen, KEYS), randomValue(gen, 1))
      return m
    }
    case 1: {
      const a = new Y.Array()
      if (prng.bool(gen)) a.insert(0, [randomValue(gen, 1) ?? null])
      return a
    }
    default:
      return prng.bool(gen) ? new Y.Text(prng.oneOf(gen, STRINGS)) : new Y.Text()
  }
}

const randomContent = gen => (prng.int32(gen, 0, 4) === 0 ? randomType(gen) : randomValue(gen))

/** The positions in a text (counted in UTF-16 units, embeds count 1) not inside a surrogate pair. */
export const boundaries = text => {
  const out = [0]
  let pos = 0
  for (const op of text.toDelta()) {
    if (typeof op.insert === 'string') {
      for (const ch of op.insert) {
        pos += ch.length
        out.push(pos)
      }
    } else {
      pos += 1
      out.push(pos)
    }
  }
  return out
}

const range = (gen, bounds) => {
  const i = prng.int32(gen, 0, bounds.length - 2)
  const j = prng.int32(gen, i + 1, Math.min(bounds.length - 1, i + 4))
  return [bounds[i], bounds[j] - bounds[i]]
}

const editText = (gen, text, stats, xml) => {
  const bounds = boundaries(text)
  const r = prng.int32(gen, 0, 9)
  if (bounds.length > 1 && r < 3) {
    const [at, len] = range(gen, bounds)
    text.delete(at, len)
    stats.deletes++
  } else if (bounds.length > 1 && r < 5) {
    const [at, len] = range(gen, bounds)
    text.format(at, len, prng.oneOf(gen, xml ? XML_FORMATS : ATTRIBUTES))
    stats.formats++
  } else if (r === 5 && !xml) {
    const attrs = prng.bool(gen) ? prng.oneOf(gen, ATTRIBUTES) : undefined
    text.insertEmbed(prng.oneOf(gen, bounds), embedValue(gen), attrs)
    if (attrs) stats.formats++
  } else if (r === 6) {
    text.insert(prng.oneOf(gen, bounds), prng.oneOf(gen, STRINGS), prng.oneOf(gen, xml ? XML_FORMATS : ATTRIBUTES))
    stats.formats++
  } else {
    text.insert(prng.oneOf(gen, bounds), prng.oneOf(gen, STRINGS))
  }
}

/** Every shared type reachable from the roots, by kind. */
const reachable = doc => {
  const r = roots(doc)
  const found = { maps: [r.map], arrays: [r.array], texts: [], xmlParents: [r.xml], elements: [], xmlTexts: [] }
  const visit = v => {
    if (v instanceof Y.XmlElement) {
      found.elements.push(v)
      found.xmlParents.push(v)
      v.toArray().forEach(visit)
    } else if (v instanceof Y.XmlText) {
      found.xmlTexts.push(v)
    } else if (v instanceof Y.Map) {
      found.maps.push(v)
      for (const x of v.values()) visit(x)
    } else if (v instanceof Y.Array) {
      found.arrays.push(v)
      v.toArray().forEach(visit)
    } else if (v instanceof Y.Text) {
      found.texts.push(v)
    }
  }
  for (const x of r.map.values()) visit(x)
  r.array.toArray().forEach(visit)
  r.xml.toArray().forEach(visit)
  return found
}

const randomXmlNode = gen => {
  if (prng.bool(gen)) {
    const e = new Y.XmlElement(prng.oneOf(gen, NODE_NAMES))
    if (prng.bool(gen)) e.setAttribute(prng.oneOf(gen, KEYS), prng.oneOf(gen, STRINGS))
    if (prng.bool(gen)) e.insert(0, [new Y.XmlText(prng.oneOf(gen, STRINGS))])
    return e
  }
  return new Y.XmlText(prng.oneOf(gen, STRINGS))
}

/** One random edit on `doc` (sometimes a few in one transaction); counts formats and deletes in stats. */
export const randomEdit = (gen, doc, stats) => {
  const ops = prng.int32(gen, 0, 4) === 0 ? prng.int32(gen, 2, 4) : 1
  doc.transact(() => {
    for (let i = 0; i < ops; i++) oneEdit(gen, doc, stats)
  })
}

const oneEdit = (gen, doc, stats) => {
  const r = roots(doc)
  const found = reachable(doc)
  const kind = prng.int32(gen, 0, 19)
  if (kind < 7) {
    editText(gen, r.text, stats, false)
  } else if (kind < 10) {
    const m = prng.oneOf(gen, found.maps)
    if (m.size > 0 && prng.int32(gen, 0, 3) === 0) {
      m.delete(prng.oneOf(gen, Array.from(m.keys())))
      stats.deletes++
    } else {
      m.set(prng.oneOf(gen, KEYS), randomContent(gen))
    }
  } else if (kind < 13) {
    const a = prng.oneOf(gen, found.arrays)
    if (a.length > 0 && prng.int32(gen, 0, 2) === 0) {
      const at = prng.int32(gen, 0, a.length - 1)
      a.delete(at, prng.int32(gen, 1, Math.min(3, a.length - at)))
      stats.deletes++
    } else {
      const n = prng.int32(gen, 1, 3)
      const values = []
      for (let i = 0; i < n; i++) values.push(randomContent(gen) ?? null) // Yjs arrays take no undefined
      a.insert(prng.int32(gen, 0, a.length), values)
    }
  } else if (kind < 14 && found.texts.length > 0) {
    editText(gen, prng.oneOf(gen, found.texts), stats, false)
  } else if (kind < 16 && found.xmlTexts.length > 0) {
    editText(gen, prng.oneOf(gen, found.xmlTexts), stats, true)
  } else if (kind < 17 && found.elements.length > 0) {
    const e = prng.oneOf(gen, found.elements)
    if (prng.int32(gen, 0, 2) === 0) {
      e.removeAttribute(prng.oneOf(gen, KEYS))
      stats.deletes++
    } else {
      e.setAttribute(prng.oneOf(gen, KEYS), prng.oneOf(gen, STRINGS))
    }
  } else {
    const p = prng.oneOf(gen, found.xmlParents)
    if (p.length > 0 && prng.int32(gen, 0, 2) === 0) {
      const at = prng.int32(gen, 0, p.length - 1)
      p.delete(at, 1)
      stats.deletes++
    } else {
      p.insert(prng.int32(gen, 0, p.length), [randomXmlNode(gen)])
    }
  }
}
