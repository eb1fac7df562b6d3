// The book in a foliate-view, with footnotes shown the way the Foliate app shows them: the engine's
// FootnoteHandler renders the note in a second view inside a modal dialog, and a link followed in that
// view closes the dialog and moves the reader. The driver (run.mjs) reads and steers it through `harness`.
import '/foliate-js/view.js'
import { FootnoteHandler } from '/foliate-js/footnotes.js'

const dialog = document.querySelector('#footnote')
const reader = document.createElement('foliate-view')
document.body.append(reader)
const footnotes = new FootnoteHandler()

const state = { popup: null, moves: 0, errors: [] }
addEventListener('error', e => state.errors.push(String(e.message)))
addEventListener('unhandledrejection', e => state.errors.push(String(e.reason)))

// The engine's goTo logs and swallows a target it cannot resolve: here that is an error.
const goTo = async href => {
    if (!(await reader.goTo(href))) throw new Error(`foliate-js cannot go to ${href}`)
}
const move = href => goTo(href)
    .then(() => { state.moves++ })
    .catch(e => state.errors.push(String(e)))

footnotes.addEventListener('before-render', ({ detail: { view } }) => {
    view.addEventListener('link', e => {
        e.preventDefault()
        dialog.close()
        move(e.detail.href)
    })
    view.renderer.setAttribute('flow', 'scrolled')
    dialog.querySelector('main').replaceChildren(view)
})
footnotes.addEventListener('render', ({ detail: { view, href, type } }) => {
    const { doc } = view.renderer.getContents()[0]
    state.popup = { href, type, view, doc }
    dialog.showModal()
})

reader.addEventListener('link', e => {
    const shown = footnotes.handle(reader.book, e)
    if (shown) shown.catch(err => state.errors.push(`footnote ${e.detail.href}: ${err}`))
    else {
        e.preventDefault()
        move(e.detail.href)
    }
})

const views = () => ({ reader, popup: state.popup?.view })
const documentOf = which => views()[which]?.renderer.getContents()[0]?.doc
const element = selector => documentOf('reader')?.querySelector(selector)

globalThis.harness = {
    state,
    async open(url) {
        await reader.open(url)
        reader.renderer.setAttribute('flow', 'paginated')
        await reader.goToTextStart()
    },
    // Go straight to a place, as the table of contents would.
    goTo,
    // Go to the first element matching a selector in a section (for a link that has no id).
    async goToElement(section, selector) {
        const { index } = reader.book.resolveHref(section)
        await reader.renderer.goTo({ index, anchor: doc => doc.querySelector(selector) })
        if (!element(selector)) throw new Error(`${section} has no ${selector}`)
    },
    // The section the reader shows now, by its path in the book's archive.
    section: () => reader.book.sections[reader.renderer.getContents()[0]?.index]?.id,
    // Whether the first element matching a selector is on the page the reader shows now.
    shows: selector => {
        const target = element(selector)
        return Boolean(target && reader.lastLocation?.range?.intersectsNode(target))
    },
    // Where a reader would click the element in a view ('reader' or 'popup'): the middle of its first box
    // that lies on the page shown and is not covered, in the page's coordinates; null if there is none.
    point(which, selector) {
        const view = views()[which]
        const doc = documentOf(which)
        const target = doc?.querySelector(selector)
        if (!target) return null
        const frame = doc.defaultView.frameElement.getBoundingClientRect()
        const shown = view.getBoundingClientRect()
        for (const box of target.getClientRects()) {
            const [x, y] = [box.left + box.width / 2, box.top + box.height / 2]
            const [left, top] = [frame.left + x, frame.top + y]
            if (!box.width || !box.height || left < shown.left || left > shown.right
                || top < shown.top || top > shown.bottom) continue
            // The view (a closed shadow host) is what the page hits there, and the element what its frame hits.
            if (document.elementFromPoint(left, top) === view && target.contains(doc.elementFromPoint(x, y)))
                return { x: left, y: top }
        }
        return null
    },
    attribute: (selector, name) => element(selector)?.getAttribute(name),
    focus: (which, selector) => documentOf(which).querySelector(selector).focus(),
    popupText: () => state.popup?.doc.body.innerText.trim() ?? '',
    dialogOpen: () => dialog.open,
    reset() {
        state.popup = null
        dialog.querySelector('main').replaceChildren()
    },
}
