/** Where index.html holds the app (`<div id="root"><!--app-html--></div>`): the server writes a page there. */
export const appHtmlMarker = '<!--app-html-->'
