// The golden scenarios, in the op language described in README.md. Each local scenario is a list of
// transactions (each a list of ops) run on one document; each remote scenario is a list of steps
// run on several documents. Client ids are fixed so that the recorded bytes are reproducible.

const BIG_ID = 2 ** 32 + 7 // needs five varUint bytes and does not fit an int32
const MAX_ID = 2 ** 53 - 1 // the largest client id Yjs can write

// Op builders. `at` is a path: a root name, then map keys and sequence indexes down to the target.
const ti = (at, index, text, attributes) => ({ op: 'textInsert', at, index, text, ...(attributes ? { attributes } : {}) })
const te = (at, index, embed, attributes) => ({ op: 'textInsertEmbed', at, index, embed, ...(attributes ? { attributes } : {}) })
const td = (at, index, length) => ({ op: 'textDelete', at, index, length })
const tf = (at, index, length, attributes) => ({ op: 'textFormat', at, index, length, attributes })
const tad = (at, delta) => ({ op: 'textApplyDelta', at, delta })
const ms = (at, key, value) => ({ op: 'mapSet', at, key, value })
const md = (at, key) => ({ op: 'mapDelete', at, key })
const ai = (at, index, values) => ({ op: 'arrayInsert', at, index, values })
const ap = (at, values) => ({ op: 'arrayPush', at, values })
const ad = (at, index, length) => ({ op: 'arrayDelete', at, index, length })
const xi = (at, index, nodes) => ({ op: 'xmlInsert', at, index, nodes })
const xd = (at, index, length) => ({ op: 'xmlDelete', at, index, length })
const xsa = (at, name, value) => ({ op: 'xmlSetAttribute', at, name, value })
const xra = (at, name) => ({ op: 'xmlRemoveAttribute', at, name })

const T = ['text']
const M = ['map']
const A = ['array']
const X = ['xml']
const TEXT = { text: 'text' }
const MAP = { map: 'map' }
const ARRAY = { array: 'array' }

const typeChars = (at, start, s) => [...s].map((c, i) => [ti(at, start + i, c)])

// Every value kind lib0's writeAny knows, as the op language spells it.
const VALUES = {
  string: 'hello',
  emptyString: '',
  nonBmp: 'hé😀',
  zero: 0,
  int: 42,
  negative: -42,
  int31: 2 ** 31 - 1,
  float32: 1.5,
  float64: 0.1,
  pow31: 2 ** 31,
  pow40: 2 ** 40,
  maxSafe: 2 ** 53 - 1,
  yes: true,
  no: false,
  nothing: null,
  undef: { $undefined: true },
  object: { a: 1, b: 'two', c: [true, null, 2.5], d: { e: { f: [] } } },
  array: [1, 'x', false, null, { k: 'v' }, [[]]],
  bytes: { $bytes: '0001027f80feff' }
}

export const LOCAL_SCENARIOS = [
  {
    name: 'text-insert-ascii',
    description: 'Appending and inserting plain text in separate transactions.',
    clientId: 1,
    roots: TEXT,
    transactions: [[ti(T, 0, 'hello')], [ti(T, 5, ' world')], [ti(T, 0, '>> ')], [ti(T, 8, ',')], [ti(T, 15, '!')]]
  },
  {
    name: 'text-insert-non-bmp',
    description: 'Characters outside the BMP count as two UTF-16 units; inserting next to them.',
    clientId: 2,
    roots: TEXT,
    transactions: [[ti(T, 0, 'a😀b')], [ti(T, 3, '𝄞')], [ti(T, 0, '🎉🎉')], [ti(T, 9, 'é€')], [td(T, 4, 3)]]
  },
  {
    name: 'text-lone-surrogate',
    description: 'A lone surrogate is stored as is but written to the wire as U+FFFD.',
    clientId: 3,
    roots: TEXT,
    transactions: [[ti(T, 0, 'x\uD83Dy')], [ti(T, 3, '\uDE00')], [ti(T, 0, 'ok ')]]
  },
  {
    name: 'text-split-surrogate-pair',
    description: 'Inserting between the two halves of a surrogate pair replaces both halves with U+FFFD.',
    clientId: 4,
    roots: TEXT,
    transactions: [[ti(T, 0, 'a😀b')], [ti(T, 2, 'X')], [td(T, 0, 1)]]
  },
  {
    name: 'text-delete',
    description: 'Deleting inside one item, at its ends, and across several items.',
    clientId: 1,
    roots: TEXT,
    transactions: [
      [ti(T, 0, 'hello world')], [td(T, 2, 3)], [ti(T, 2, 'LLO')], [ti(T, 0, 'abc')], [ti(T, 14, 'xyz')],
      [td(T, 1, 9)], [td(T, 0, 1)], [td(T, 5, 2)]
    ]
  },
  {
    name: 'text-delete-gc-off',
    description: 'The same deletions with garbage collection off: deleted text stays in the update.',
    clientId: 1,
    gc: false,
    roots: TEXT,
    transactions: [
      [ti(T, 0, 'hello world')], [td(T, 2, 3)], [ti(T, 2, 'LLO')], [ti(T, 0, 'abc')], [ti(T, 14, 'xyz')],
      [td(T, 1, 9)], [td(T, 0, 1)], [td(T, 5, 2)]
    ]
  },
  {
    name: 'text-typing',
    description: 'Typing character by character, one transaction each, then backspacing.',
    clientId: 7,
    roots: TEXT,
    transactions: [
      ...typeChars(T, 0, 'hello'),
      [td(T, 4, 1)], [td(T, 3, 1)],
      ...typeChars(T, 3, 'p!'),
      [ti(T, 0, 'H')], [td(T, 1, 1)]
    ]
  },
  {
    name: 'text-insert-attributes',
    description: 'Inserting formatted text, text that inherits formatting, and explicitly unformatted text.',
    clientId: 1,
    roots: TEXT,
    transactions: [
      [ti(T, 0, 'bold', { bold: true })],
      [ti(T, 4, ' plain', {})],
      [ti(T, 2, 'XX')],
      [ti(T, 12, ' red', { italic: true, color: '#f00' })],
      [ti(T, 0, 'big', { size: 24, font: { family: 'serif' } })],
      [ti(T, 3, '+', { bold: null })]
    ]
  },
  {
    name: 'text-format',
    description: 'Formatting, overlapping formatting, removing a format and re-formatting.',
    clientId: 1,
    roots: TEXT,
    transactions: [
      [ti(T, 0, 'hello world')],
      [tf(T, 0, 5, { bold: true })],
      [tf(T, 3, 5, { italic: true })],
      [tf(T, 0, 2, { bold: null })],
      [tf(T, 0, 11, { link: 'https://example.com' })],
      [tf(T, 6, 5, { bold: true, italic: null })],
      [td(T, 4, 3)]
    ]
  },
  {
    name: 'text-format-gc-off',
    description: 'Formatting changes with garbage collection off.',
    clientId: 1,
    gc: false,
    roots: TEXT,
    transactions: [
      [ti(T, 0, 'hello world')],
      [tf(T, 0, 5, { bold: true })],
      [tf(T, 3, 5, { italic: true })],
      [tf(T, 0, 11, { bold: null, italic: null })]
    ]
  },
  {
    name: 'text-embed',
    description: 'Embeds (JSON objects) between text, with and without attributes.',
    clientId: 1,
    roots: TEXT,
    transactions: [
      [ti(T, 0, 'ab')],
      [te(T, 1, { image: 'cat.png', width: 100 })],
      [te(T, 0, { formula: 'e=mc^2' }, { bold: true })],
      [ti(T, 4, 'cd', { bold: true })],
      [td(T, 1, 1)]
    ]
  },
  {
    name: 'text-apply-delta',
    description: 'applyDelta with inserts, retains (formatting) and deletes, including a trailing newline.',
    clientId: 1,
    roots: TEXT,
    transactions: [
      [tad(T, [{ insert: 'Hello ' }, { insert: 'World', attributes: { bold: true } }])],
      [tad(T, [{ retain: 6 }, { delete: 5 }, { insert: 'There', attributes: { italic: true } }])],
      [tad(T, [{ retain: 2, attributes: { bold: true } }, { retain: 2 }, { insert: { image: 'x.png' } }])],
      [tad(T, [{ retain: 12 }, { insert: 'line\n' }])]
    ]
  },
  {
    name: 'text-many-ops-one-transaction',
    description: 'Several text operations in a single transaction produce one update.',
    clientId: 1,
    roots: TEXT,
    transactions: [
      [ti(T, 0, 'hello'), ti(T, 5, ' world'), td(T, 0, 1), ti(T, 0, 'J'), tf(T, 0, 5, { bold: true })],
      [ti(T, 11, '!'), td(T, 5, 6), ti(T, 5, ' there', { italic: true }), te(T, 0, { emoji: 'wave' })]
    ]
  },
  {
    name: 'text-big-client-id',
    description: 'A client id above 2^32.',
    clientId: BIG_ID,
    roots: TEXT,
    transactions: [[ti(T, 0, 'big')], [ti(T, 3, ' id')], [td(T, 0, 1)]]
  },
  {
    name: 'text-max-client-id',
    description: 'The largest client id, 2^53 - 1.',
    clientId: MAX_ID,
    roots: TEXT,
    transactions: [[ti(T, 0, 'max')], [ti(T, 3, ' id')], [td(T, 1, 3)]]
  },
  {
    name: 'map-values',
    description: 'Every kind of value lib0 encodes, set on a map, one per transaction.',
    clientId: 1,
    roots: MAP,
    transactions: Object.entries(VALUES).map(([k, v]) => [ms(M, k, v)])
  },
  {
    name: 'map-values-one-transaction',
    description: 'Every kind of value set in one transaction.',
    clientId: 2,
    roots: MAP,
    transactions: [Object.entries(VALUES).map(([k, v]) => ms(M, k, v))]
  },
  {
    name: 'map-overwrite-delete',
    description: 'Overwriting keys, deleting keys, deleting a missing key (no update), and setting again.',
    clientId: 1,
    roots: MAP,
    transactions: [
      [ms(M, 'a', 1)], [ms(M, 'a', 2)], [ms(M, 'b', 'x')], [md(M, 'a')], [md(M, 'missing')],
      [ms(M, 'a', 'again')], [ms(M, 'b', 'y'), ms(M, 'b', 'z'), md(M, 'b')], [ms(M, 'c', { $bytes: 'ff' })]
    ]
  },
  {
    name: 'map-overwrite-delete-gc-off',
    description: 'Overwrites and deletes with garbage collection off.',
    clientId: 1,
    gc: false,
    roots: MAP,
    transactions: [
      [ms(M, 'a', 1)], [ms(M, 'a', 2)], [ms(M, 'b', 'x')], [md(M, 'a')],
      [ms(M, 'a', 'again')], [ms(M, 'b', 'y'), ms(M, 'b', 'z'), md(M, 'b')]
    ]
  },
  {
    name: 'map-max-client-id',
    description: 'Map edits under client id 2^53 - 1.',
    clientId: MAX_ID,
    roots: MAP,
    transactions: [[ms(M, 'k', 'v')], [ms(M, 'k', 2 ** 40)], [md(M, 'k')]]
  },
  {
    name: 'array-ops',
    description: 'Insert, push, insert in the middle, delete inside and across items.',
    clientId: 1,
    roots: ARRAY,
    transactions: [
      [ai(A, 0, [1, 2, 3])],
      [ap(A, ['x', true, null])],
      [ai(A, 2, ['mid'])],
      [ai(A, 0, [{ first: 1 }])],
      [ad(A, 2, 1)],
      [ad(A, 3, 4)],
      [ap(A, [0.5, 2 ** 40])],
      [ad(A, 0, 1), ai(A, 0, ['new'])]
    ]
  },
  {
    name: 'array-mixed-values',
    description: 'One insert mixing JSON values, byte arrays and undefined: several content kinds.',
    clientId: 2,
    roots: ARRAY,
    transactions: [
      [ai(A, 0, [1, 'two', { $bytes: '0102' }, 3, 4, { $bytes: '' }, [5, 6], { seven: 7, eight: { $undefined: true } }, null])],
      [ad(A, 1, 3)],
      [ap(A, [{ $bytes: 'abcdef' }])],
      [ai(A, 3, [1.5, -1, 'x'])]
    ]
  },
  {
    name: 'array-delete-gc-off',
    description: 'Array deletions with garbage collection off.',
    clientId: 1,
    gc: false,
    roots: ARRAY,
    transactions: [[ai(A, 0, [1, 2, 3, 4, 5])], [ap(A, ['a', 'b'])], [ad(A, 1, 5)], [ad(A, 0, 1)]]
  },
  {
    name: 'nested-map-in-map',
    description: 'A map inside a map inside a map, edited through paths.',
    clientId: 1,
    roots: MAP,
    transactions: [
      [ms(M, 'inner', { $type: 'map' })],
      [ms(['map', 'inner'], 'a', 1), ms(['map', 'inner'], 'deep', { $type: 'map' })],
      [ms(['map', 'inner', 'deep'], 'b', 'two')],
      [ms(['map', 'inner'], 'a', 'one'), md(['map', 'inner', 'deep'], 'b')]
    ]
  },
  {
    name: 'nested-array-in-map',
    description: 'An array inside a map, edited through a path.',
    clientId: 1,
    roots: MAP,
    transactions: [
      [ms(M, 'list', { $type: 'array' })],
      [ai(['map', 'list'], 0, [1, 2, 3])],
      [ap(['map', 'list'], [{ x: 1 }])],
      [ad(['map', 'list'], 1, 2)]
    ]
  },
  {
    name: 'nested-text-in-array',
    description: 'Texts inside an array, edited through paths.',
    clientId: 1,
    roots: ARRAY,
    probes: [['array', 0], ['array', 2]],
    transactions: [
      [ai(A, 0, [{ $type: 'text' }, { $type: 'text' }])],
      [ti(['array', 0], 0, 'first'), ti(['array', 1], 0, 'second', { bold: true })],
      [ti(['array', 0], 5, ' text'), td(['array', 1], 0, 3)],
      [ai(A, 1, ['between'])]
    ]
  },
  {
    name: 'nested-prelim-content',
    description: 'Types created with content before they are inserted into the document.',
    clientId: 1,
    roots: MAP,
    transactions: [
      [ms(M, 'm', { $type: 'map', entries: { a: 1, b: { $type: 'array', values: ['x', 'y'] } } })],
      [ms(M, 't', { $type: 'text', text: 'preliminary' })],
      [ms(M, 'a', { $type: 'array', values: [1, { $type: 'map', entries: { k: 'v' } }, { $type: 'text', text: 'z' }] })]
    ]
  },
  {
    name: 'nested-delete-container',
    description: 'Deleting a map that holds content: its children become garbage.',
    clientId: 1,
    roots: MAP,
    transactions: [
      [ms(M, 'box', { $type: 'map' })],
      [ms(['map', 'box'], 'list', { $type: 'array' }), ms(['map', 'box'], 'k', 'v')],
      [ai(['map', 'box', 'list'], 0, [1, 2, 3])],
      [md(M, 'box')],
      [ms(M, 'box', 'replaced')]
    ]
  },
  {
    name: 'nested-delete-container-gc-off',
    description: 'Deleting a map that holds content, with garbage collection off.',
    clientId: 1,
    gc: false,
    roots: MAP,
    transactions: [
      [ms(M, 'box', { $type: 'map' })],
      [ms(['map', 'box'], 'list', { $type: 'array' }), ms(['map', 'box'], 'k', 'v')],
      [ai(['map', 'box', 'list'], 0, [1, 2, 3])],
      [md(M, 'box')],
      [ms(M, 'box', 'replaced')]
    ]
  },
  {
    name: 'several-roots',
    description: 'One transaction touching a text, a map and an array root.',
    clientId: 5,
    roots: { text: 'text', map: 'map', array: 'array' },
    transactions: [
      [ti(T, 0, 'abc'), ms(M, 'k', 1), ai(A, 0, [true])],
      [td(T, 1, 1), md(M, 'k'), ad(A, 0, 1)]
    ]
  },
  {
    name: 'xml-elements',
    description: 'An XML fragment with elements, attributes and formatted XML text, built through paths.',
    clientId: 1,
    roots: { xml: 'xmlFragment' },
    probes: [['xml', 0, 0]],
    transactions: [
      [xi(X, 0, [{ $type: 'xmlElement', nodeName: 'p' }])],
      [xsa(['xml', 0], 'class', 'intro'), xsa(['xml', 0], 'id', 'p1')],
      [xi(['xml', 0], 0, [{ $type: 'xmlText' }])],
      [ti(['xml', 0, 0], 0, 'Hello world')],
      [tf(['xml', 0, 0], 0, 5, { bold: {} })],
      [xi(X, 1, [{ $type: 'xmlElement', nodeName: 'ul' }, { $type: 'xmlText' }])],
      [xi(['xml', 1], 0, [{ $type: 'xmlElement', nodeName: 'li' }])],
      [ti(['xml', 2], 0, 'tail')],
      [xra(['xml', 0], 'class'), xsa(['xml', 1], 'type', 'disc')]
    ]
  },
  {
    name: 'xml-prelim',
    description: 'XML elements created with attributes and children before they are inserted; deleting nodes.',
    clientId: 2,
    roots: { xml: 'xmlFragment' },
    transactions: [
      [xi(X, 0, [{
        $type: 'xmlElement',
        nodeName: 'div',
        attributes: { class: 'box' },
        children: [{ $type: 'xmlText', text: 'inside' }, { $type: 'xmlElement', nodeName: 'br' }]
      }])],
      [xi(X, 0, [{ $type: 'xmlText', text: 'before' }])],
      [xi(X, 2, [{ $type: 'xmlElement', nodeName: 'span', attributes: { hidden: 'true' } }])],
      [xd(X, 0, 1), xd(X, 1, 1)]
    ]
  }
]

export const REMOTE_SCENARIOS = [
  {
    name: 'remote-text-two-peers',
    description: 'Two peers type concurrently into a shared text, deleting each other\'s text after a sync.',
    roots: TEXT,
    peers: [{ name: 'a', clientId: 1 }, { name: 'b', clientId: 2 }],
    steps: [
      { peer: 'a', ops: [ti(T, 0, 'hello')] },
      { sync: ['a', 'b'] },
      { peer: 'a', ops: [ti(T, 5, ' world')] },
      { peer: 'b', ops: [ti(T, 5, '!!')] },
      { peer: 'b', ops: [ti(T, 0, '>')] },
      { snapshot: 'a' },
      { sync: ['a', 'b'] },
      { peer: 'a', ops: [td(T, 3, 6)] },
      { peer: 'b', ops: [tf(T, 0, 4, { bold: true })] },
      { sync: ['a', 'b'] }
    ]
  },
  {
    name: 'remote-text-three-peers-same-position',
    description: 'Three peers (one with a client id above 2^32) insert at the same position concurrently.',
    roots: TEXT,
    peers: [{ name: 'a', clientId: 10 }, { name: 'b', clientId: BIG_ID }, { name: 'c', clientId: 3 }],
    steps: [
      { peer: 'a', ops: [ti(T, 0, '[]')] },
      { sync: ['a', 'b', 'c'] },
      { peer: 'a', ops: [ti(T, 1, 'A')] },
      { peer: 'b', ops: [ti(T, 1, 'B')] },
      { peer: 'c', ops: [ti(T, 1, 'C')] },
      { sync: ['a', 'b'] },
      { snapshot: 'b' },
      { peer: 'c', ops: [ti(T, 2, 'c')] },
      { peer: 'a', ops: [td(T, 0, 1)] },
      { sync: ['a', 'b', 'c'] }
    ]
  },
  {
    name: 'remote-text-formatting-conflict',
    description: 'Concurrent formatting of overlapping ranges and concurrent deletes.',
    roots: TEXT,
    peers: [{ name: 'a', clientId: 1 }, { name: 'b', clientId: 2 }],
    steps: [
      { peer: 'a', ops: [ti(T, 0, 'abcdefghij')] },
      { sync: ['a', 'b'] },
      { peer: 'a', ops: [tf(T, 0, 6, { bold: true })] },
      { peer: 'b', ops: [tf(T, 4, 6, { bold: false })] },
      { peer: 'b', ops: [td(T, 2, 4)] },
      { peer: 'a', ops: [ti(T, 5, 'X', { italic: true })] },
      { sync: ['a', 'b'] }
    ]
  },
  {
    name: 'remote-map-conflicts',
    description: 'Concurrent sets of the same key, and a delete concurrent with a set.',
    roots: MAP,
    peers: [{ name: 'a', clientId: 1 }, { name: 'b', clientId: 2 }, { name: 'c', clientId: MAX_ID }],
    steps: [
      { peer: 'a', ops: [ms(M, 'k', 'a0'), ms(M, 'gone', true)] },
      { sync: ['a', 'b', 'c'] },
      { peer: 'a', ops: [ms(M, 'k', 'a1')] },
      { peer: 'b', ops: [ms(M, 'k', 'b1')] },
      { peer: 'c', ops: [ms(M, 'k', { c: 1 })] },
      { peer: 'a', ops: [md(M, 'gone')] },
      { peer: 'b', ops: [ms(M, 'gone', 'revived')] },
      { sync: ['a', 'b', 'c'] }
    ]
  },
  {
    name: 'remote-array-concurrent',
    description: 'Concurrent inserts and overlapping deletes in an array.',
    roots: ARRAY,
    peers: [{ name: 'a', clientId: 1 }, { name: 'b', clientId: 2 }],
    steps: [
      { peer: 'a', ops: [ai(A, 0, [1, 2, 3, 4, 5])] },
      { sync: ['a', 'b'] },
      { peer: 'a', ops: [ai(A, 2, ['a'])] },
      { peer: 'b', ops: [ai(A, 2, ['b', 'bb'])] },
      { peer: 'a', ops: [ad(A, 0, 4)] },
      { peer: 'b', ops: [ad(A, 3, 3)] },
      { sync: ['a', 'b'] },
      { peer: 'b', ops: [ap(A, [{ $bytes: '00ff' }])] },
      { sync: ['a', 'b'] }
    ]
  },
  {
    name: 'remote-out-of-order-delivery',
    description: 'A third peer receives updates out of order, holding pending structs and deletes in between.',
    roots: TEXT,
    peers: [{ name: 'a', clientId: 1 }, { name: 'b', clientId: 2 }, { name: 'c', clientId: 3 }],
    steps: [
      { peer: 'a', ops: [ti(T, 0, 'abc')] },
      { peer: 'a', ops: [ti(T, 3, 'def')] },
      { sync: ['a', 'b'] },
      { peer: 'b', ops: [ti(T, 6, 'ghi')] },
      { peer: 'b', ops: [td(T, 1, 4)] },
      { deliver: 'c', updates: [3] },
      { snapshot: 'c' },
      { deliver: 'c', updates: [2] },
      { snapshot: 'c' },
      { deliver: 'c', updates: [1] },
      { snapshot: 'c' },
      { deliver: 'c', updates: [0] },
      { sync: ['a', 'b', 'c'] }
    ]
  },
  {
    name: 'remote-nested-concurrent',
    description: 'One peer deletes a nested map while the other edits inside it.',
    roots: MAP,
    peers: [{ name: 'a', clientId: 1 }, { name: 'b', clientId: 2 }],
    steps: [
      { peer: 'a', ops: [ms(M, 'box', { $type: 'map' })] },
      { peer: 'a', ops: [ms(['map', 'box'], 'text', { $type: 'text' })] },
      { sync: ['a', 'b'] },
      { peer: 'a', ops: [md(M, 'box')] },
      { peer: 'b', ops: [ti(['map', 'box', 'text'], 0, 'orphan'), ms(['map', 'box'], 'x', 1)] },
      { peer: 'b', ops: [ms(M, 'other', { $type: 'array' })] },
      { sync: ['a', 'b'] }
    ]
  },
  {
    name: 'remote-text-gc-off',
    description: 'Concurrent edits and deletes between peers that keep deleted content.',
    gc: false,
    roots: TEXT,
    peers: [{ name: 'a', clientId: 1 }, { name: 'b', clientId: 2 }],
    steps: [
      { peer: 'a', ops: [ti(T, 0, 'abcdef')] },
      { sync: ['a', 'b'] },
      { peer: 'a', ops: [td(T, 1, 2)] },
      { peer: 'b', ops: [td(T, 2, 3), ti(T, 1, 'XY')] },
      { sync: ['a', 'b'] }
    ]
  },
  {
    name: 'remote-xml-concurrent',
    description: 'Concurrent element inserts and attribute changes in an XML fragment.',
    roots: { xml: 'xmlFragment' },
    peers: [{ name: 'a', clientId: 1 }, { name: 'b', clientId: 2 }],
    steps: [
      { peer: 'a', ops: [xi(X, 0, [{ $type: 'xmlElement', nodeName: 'p' }])] },
      { sync: ['a', 'b'] },
      { peer: 'a', ops: [xsa(['xml', 0], 'align', 'left'), xi(['xml', 0], 0, [{ $type: 'xmlText', text: 'a' }])] },
      { peer: 'b', ops: [xsa(['xml', 0], 'align', 'right'), xi(X, 1, [{ $type: 'xmlElement', nodeName: 'hr' }])] },
      { sync: ['a', 'b'] }
    ]
  }
]
