// Who this tab is to the others: a name and a colour, kept in localStorage, or given by ?user=.

const COLOURS = ['#d7263d', '#1b998b', '#3a6ea5', '#f46036', '#7b2cbf', '#2e8b57', '#c2185b', '#b8860b']
const NAMES = ['Ada', 'Alan', 'Barbara', 'Edsger', 'Grace', 'Ken', 'Leslie', 'Margaret', 'Niklaus', 'Radia']
const KEY = 'weft-demo-user'

const random = (items) => items[Math.floor(Math.random() * items.length)]

const stored = () => {
  try {
    const user = JSON.parse(localStorage.getItem(KEY) || 'null')
    return user && typeof user.name === 'string' && typeof user.color === 'string' ? user : null
  } catch (e) {
    return null
  }
}

const colourOf = (name) => {
  let h = 0
  for (const c of name) h = (h * 31 + c.codePointAt(0)) >>> 0
  return COLOURS[h % COLOURS.length]
}

/**
 * @param {string | null} name a name from the URL (?user=), which wins over the stored one and
 *   picks its colour from the name, so two tabs of one browser can be two people
 */
export const pickUser = (name) => {
  if (name) {
    const color = colourOf(name)
    return { name, color, colorLight: color + '33' }
  }
  const known = stored()
  const color = known ? known.color : random(COLOURS)
  const user = { name: known ? known.name : random(NAMES), color, colorLight: color + '33' }
  try { localStorage.setItem(KEY, JSON.stringify(user)) } catch (e) { /* private mode */ }
  return user
}
