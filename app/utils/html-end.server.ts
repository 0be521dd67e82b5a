// React 18 writes the shell's closing `</body></html>` as soon as the shell is ready; whatever is rendered
// after it (Remix's single-fetch data scripts) then lands after `</html>`, which is invalid HTML. The page
// is rendered whole before it is sent (app/entry.server.tsx), so the closing tags are moved to the very end
// once, and every script stays inside <body>.
const END = "</body></html>";

/** The first `</body></html>` moved to the end of the document; a document without it is returned as it is. */
export function documentEndLast(html: string): string {
  const at = html.indexOf(END);
  if (at < 0 || at === html.length - END.length) return html;
  return html.slice(0, at) + html.slice(at + END.length) + END;
}
