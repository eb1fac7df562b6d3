// Opens a book in foliate-js in headless Chromium, clicks note references and back links, and prints
// what the reader showed as JSON.
//
//   node run.mjs BOOK.epub '[{"section": "article.xhtml", "ref": "nref-3-1", "note": "note-3-1"}, ...]'
//
// For each reference: go to it; click it (a real mouse click in the book's frame); wait for the popup
// and read its text; click the popup's back link; see where the reader is. Then go to the note in the
// notes section, click its back link there, and see whether the reference is on the page.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { dirname, extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const HERE = dirname(fileURLToPath(import.meta.url))
const FOLIATE = join(HERE, 'node_modules', 'foliate-js')
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const STEP = 15_000 // ms for any one wait; the machine may be loaded
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.epub': 'application/epub+zip' }

const [book, spec] = process.argv.slice(2)
const references = JSON.parse(spec)

// What the page may load: the harness, foliate-js's modules, and the book; nothing else.
const file = pathname => {
    if (pathname === '/') return join(HERE, 'harness.html')
    if (pathname === '/harness.js') return join(HERE, 'harness.js')
    if (pathname === '/book.epub') return resolve(book)
    if (pathname.startsWith('/foliate-js/')) {
        const path = resolve(FOLIATE, '.' + decodeURIComponent(pathname.slice('/foliate-js'.length)))
        if (path.startsWith(FOLIATE + sep)) return path
    }
    return null
}

const serve = () => new Promise(ready => {
    const server = createServer((request, response) => {
        const path = file(new URL(request.url, 'http://127.0.0.1').pathname)
        let body
        try {
            body = path && readFileSync(path)
        } catch {
            body = null
        }
        if (!body) {
            response.writeHead(404).end()
            return
        }
        response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' })
        response.end(body)
    })
    server.listen(0, '127.0.0.1', () => ready(server))
})

// The frames showing the book's documents: the reader's own, or the footnote popup's.
const frameWith = async (page, selector, inPopup) => {
    for (const frame of page.frames()) {
        if (frame === page.mainFrame() || !(await frame.locator(selector).count())) continue
        const owner = await frame.frameElement()
        const popup = await owner.evaluate(element => {
            for (let node = element; node; node = node.getRootNode().host)
                if (node.closest('dialog')) return true
            return false
        })
        if (popup === inPopup) return frame
    }
    throw new Error(`no ${inPopup ? 'popup' : 'reader'} frame has ${selector}`)
}

const moved = async (page, before) =>
    page.waitForFunction(n => harness.state.moves > n, before, { timeout: STEP })

// Two animation frames: any page turn that the engine queued for the next frame has been made.
const settled = async page =>
    page.evaluate(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))))

const visit = async (page, { section, ref, note }) => {
    const shows = () => page.evaluate(id => harness.shows(id), ref)
    const result = { ref }
    await page.evaluate(() => harness.reset())
    await page.evaluate(href => harness.goTo(href), `${section}#${ref}`)
    await settled(page)
    result.showsReference = await shows()
    if (!result.showsReference) return result

    const reader = await frameWith(page, `#${ref}`, false)
    await reader.locator(`#${ref}`).click({ timeout: STEP })
    await page.waitForFunction(() => harness.dialogOpen() && harness.popupText() !== '', null, { timeout: STEP })
    result.popup = await page.evaluate(() => ({
        href: harness.state.popup.href,
        type: harness.state.popup.type,
        text: harness.popupText(),
    }))
    const box = await page.locator('#footnote').boundingBox()
    result.popup.shown = Boolean(box && box.width > 0 && box.height > 0)

    const back = `a[href$="#${ref}"]`
    const popup = await frameWith(page, back, true)
    let moves = await page.evaluate(() => harness.state.moves)
    await popup.locator(back).click({ timeout: STEP })
    await moved(page, moves)
    await settled(page)
    result.afterPopupBackLink = { dialogOpen: await page.evaluate(() => harness.dialogOpen()), showsReference: await shows() }

    await page.evaluate(() => harness.reset())
    await page.evaluate(href => harness.goTo(href), `${section}#${note}`)
    await settled(page)
    const notes = await frameWith(page, `#${note}`, false)
    result.fromNotes = { showsReference: await shows(), showsNote: await page.evaluate(id => harness.shows(id), note) }
    if (!result.fromNotes.showsNote) return result
    // Followed from the keyboard (focus, Enter). A mouse click would focus the link first, and in
    // paginated mode foliate-js answers every focusin by turning to the focused element's page, one frame
    // later: in Chromium, where a click focuses a link, the reader turns to the reference and back to
    // the note. WebKit (the Foliate app's engine) does not focus links on click.
    const link = notes.locator(`#${note} ${back}`)
    await link.focus({ timeout: STEP })
    await settled(page)
    moves = await page.evaluate(() => harness.state.moves)
    await link.press('Enter', { timeout: STEP })
    await moved(page, moves)
    await settled(page)
    result.fromNotes.afterBackLink = await shows()
    return result
}

const main = async () => {
    const server = await serve()
    const browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        chromiumSandbox: false,
        timeout: 60_000,
        // Playwright gives the browser a new empty profile (--user-data-dir) and removes it on close.
        args: [
            '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
            '--disable-background-networking', '--disable-component-update', '--disable-sync',
        ],
    }).catch(e => {
        server.close()
        throw e
    })
    try {
        const page = await browser.newPage({ viewport: { width: 800, height: 1000 } })
        const { port } = server.address()
        await page.goto(`http://127.0.0.1:${port}/`)
        await page.waitForFunction(() => globalThis.harness, null, { timeout: STEP })
        await page.evaluate(() => harness.open('/book.epub'))
        const visits = []
        for (const reference of references) visits.push(await visit(page, reference))
        const errors = await page.evaluate(() => harness.state.errors)
        const foliate = JSON.parse(readFileSync(join(FOLIATE, 'package.json'))).version
        return { engine: { foliate, chromium: browser.version() }, visits, errors }
    } finally {
        await browser.close()
        server.close()
    }
}

main().then(
    result => console.log(JSON.stringify(result)),
    error => {
        console.error(error.stack ?? String(error))
        process.exitCode = 1
    },
)
