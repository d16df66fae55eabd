// Takes the README's picture: two people editing one document, side by side in headless Chromium.
// Usage: node e2e/screenshot.mjs http://127.0.0.1:8080 OUTPUT.png   (a running server, an empty document)
import { chromium } from 'playwright-core'

const [base, out] = process.argv.slice(2)
if (!base || !out) {
  console.error('usage: node e2e/screenshot.mjs BASE_URL OUTPUT.png')
  process.exit(2)
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu']
})
const context = await browser.newContext({ viewport: { width: 1280, height: 400 }, deviceScaleFactor: 1 })
const page = await context.newPage()
const doc = base + '/d/' + (process.argv[4] || 'meeting-notes')
await page.setContent(`<!doctype html><body style="margin:0;display:flex;gap:6px;background:#9aa3b2">
  <iframe src="${doc}?user=Alice" style="flex:1;height:400px;border:0"></iframe>
  <iframe src="${doc}?user=Bob" style="flex:1;height:400px;border:0"></iframe></body>`)
await page.waitForTimeout(1500)
const [alice, bob] = page.frames().slice(1)
const type = async (frame, text) => {
  await frame.click('.cm-content')
  await frame.press('.cm-content', 'Control+End')
  await frame.type('.cm-content', text, { delay: 10 })
}
await type(alice, '# Meeting notes\n\nAgenda:\n- release plan\n')
await type(bob, '- hiring\n')
await type(alice, '- retro\n\nDecisions:\n')
await type(bob, 'Ship on Friday')
await alice.click('.cm-line >> nth=3')
await alice.press('.cm-content', 'End')
await alice.type('.cm-content', ' (Alice)', { delay: 10 })
await page.waitForTimeout(800)
await page.screenshot({ path: out })
await browser.close()
