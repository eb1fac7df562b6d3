// Opens books in foliate-js in headless Chromium, follows their note references, back links and other
// links as a reader would, and prints what the reader showed as JSON.
//
//   node run.mjs SPEC.json
//
// SPEC lists books, each with the notes and links to try:
//   [{"book": "/path/book.epub",
//     "notes": [{"section": "EPUB/article.xhtml", "ref": "nref-3-1", "note": "note-3-1"}, ...],
//     "links": [{"section": "EPUB/post.xhtml", "selector": "p.comments-link a"}, ...]}, ...]
//
// A note: go to its reference; click it (a real mouse click in the book's frame); wait for the popup and
// read it; click the popup's back link and see where the reader is. Then go to the note in the notes
// section, follow its back link there, and see whether the reference is on the page.
// A link: go to it, click it, and see which section and which page the reader shows.
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

const books = JSON.parse(readFileSync(process.argv[2], 'utf8'))

// What the page may load: the harness, foliate-js's modules, and the books; nothing else.
const file = pathname => {
    if (pathname === '/') return join(HERE, 'harness.html')
    if (pathname === '/harness.js') return join(HERE, 'harness.js')
    const book = /^\/book\/(\d+)\.epub$/.exec(pathname)
    if (book) return books[Number(book[1])] && resolve(books[Number(book[1])].book)
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

// A real mouse click where a reader would click the element in a view ('reader' or 'popup').
const click = async (page, which, selector) => {
    const point = await page.evaluate(([which, selector]) => harness.point(which, selector), [which, selector])
    if (!point) throw new Error(`${selector} is not on the page that the ${which} shows`)
    await page.mouse.click(point.x, point.y)
}

const moves = page => page.evaluate(() => harness.state.moves)
const moved = (page, before) =>
    page.waitForFunction(n => harness.state.moves > n, before, { timeout: STEP })

// Two animation frames: any page turn that the engine queued for the next frame has been made.
const settled = page =>
    page.evaluate(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))))

const go = async (page, href) => {
    await page.evaluate(() => harness.reset())
    await page.evaluate(href => harness.goTo(href), href)
    await settled(page)
}
const shows = (page, selector) => page.evaluate(selector => harness.shows(selector), selector)

const readNote = async (page, { section, ref, note }) => {
    const result = { ref }
    await go(page, `${section}#${ref}`)
    result.showsReference = await shows(page, `#${ref}`)
    if (!result.showsReference) return result

    await click(page, 'reader', `#${ref}`)
    await page.waitForFunction(() => harness.dialogOpen() && harness.popupText() !== '', null, { timeout: STEP })
    result.popup = await page.evaluate(() => ({
        href: harness.state.popup.href,
        type: harness.state.popup.type,
        text: harness.popupText(),
    }))
    const box = await page.locator('#footnote').boundingBox()
    result.popup.shown = Boolean(box && box.width > 0 && box.height > 0)

    const back = `a[href$="#${ref}"]`
    let before = await moves(page)
    await click(page, 'popup', back)
    await moved(page, before)
    await settled(page)
    result.afterPopupBackLink = {
        dialogOpen: await page.evaluate(() => harness.dialogOpen()),
        showsReference: await shows(page, `#${ref}`),
    }

    await go(page, `${section}#${note}`)
    result.fromNotes = { showsReference: await shows(page, `#${ref}`), showsNote: await shows(page, `#${note}`) }
    if (!result.fromNotes.showsNote) return result
    // Followed from the keyboard (focus, Enter). A mouse click in Chromium focuses the link, and in
    // paginated mode foliate-js answers every focusin by turning to the focused element's page one frame
    // later: the reader turns to the reference and then back to the note.
    await page.evaluate(selector => harness.focus('reader', selector), `#${note} ${back}`)
    await settled(page)
    before = await moves(page)
    await page.keyboard.press('Enter')
    await moved(page, before)
    await settled(page)
    result.fromNotes.afterBackLink = await shows(page, `#${ref}`)
    return result
}

const followLink = async (page, { section, selector }) => {
    await page.evaluate(() => harness.reset())
    await page.evaluate(([section, selector]) => harness.goToElement(section, selector), [section, selector])
    await settled(page)
    const result = { from: section, selector, showsLink: await shows(page, selector) }
    if (!result.showsLink) return result
    const href = await page.evaluate(selector => harness.attribute(selector, 'href'), selector)
    const url = new URL(href, `http://book/${section}`)
    result.href = url.pathname.slice(1) + url.hash
    const before = await moves(page)
    await click(page, 'reader', selector)
    await moved(page, before)
    await settled(page)
    const [target, fragment] = result.href.split('#')
    result.dialogOpen = await page.evaluate(() => harness.dialogOpen())
    result.arrivedIn = await page.evaluate(() => harness.section())
    result.showsTarget = result.arrivedIn === target && (!fragment || (await shows(page, `[id="${fragment}"]`)))
    return result
}

const read = async (page, port, index, { notes = [], links = [] }) => {
    await page.goto(`http://127.0.0.1:${port}/`)
    await page.waitForFunction(() => globalThis.harness, null, { timeout: STEP })
    await page.evaluate(url => harness.open(url), `/book/${index}.epub`)
    const result = { notes: [], links: [] }
    for (const note of notes) result.notes.push(await readNote(page, note))
    for (const link of links) result.links.push(await followLink(page, link))
    result.errors = await page.evaluate(() => harness.state.errors)
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
        const results = []
        for (const [index, book] of books.entries()) results.push(await read(page, port, index, book))
        const foliate = JSON.parse(readFileSync(join(FOLIATE, 'package.json'))).version
        return { engine: { foliate, chromium: browser.version() }, books: results }
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
