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
footnotes.addEventListener('render', ({ detail: { view, href, type, hidden } }) => {
    const { doc } = view.renderer.getContents()[0]
    state.popup = { href, type, hidden, doc }
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

const element = id => reader.renderer.getContents()[0]?.doc.getElementById(id)

globalThis.harness = {
    state,
    async open(url) {
        await reader.open(url)
        reader.renderer.setAttribute('flow', 'paginated')
        await reader.goToTextStart()
    },
    // Go straight to a place, as the table of contents would.
    goTo,
    // Whether the element is on the page the reader shows now.
    shows: id => {
        const target = element(id)
        return Boolean(target && reader.lastLocation?.range?.intersectsNode(target))
    },
    popupText: () => state.popup?.doc.body.innerText.trim() ?? '',
    dialogOpen: () => dialog.open,
    reset() {
        state.popup = null
        dialog.querySelector('main').replaceChildren()
    },
}
