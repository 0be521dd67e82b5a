// The HTML of a rendered page, kept next to its Response. The page is rendered whole (app/entry.server.tsx).
// The Express server (server/remix-handler.ts) takes the string from here and hands it to Node in one
// write, instead of reading the body back through a web stream chunk by chunk (issue 18); and the body
// stream itself (undici makes one per Response with a body, a few per cent of an empty page's CPU) is only
// made when someone reads the body some other way (tests, Remix on an error path): then the Response
// behaves as one made with the HTML as its body. Kept weakly by the Response, so nothing outlives the request.
// The map lives on globalThis because the server and the Remix build each load their own copy of this module.
const key = Symbol.for("leernetwerk.document-body");
const globalStore = globalThis as unknown as { [key]?: WeakMap<Response, string> };
const bodies = globalStore[key] ?? new WeakMap<Response, string>();
globalStore[key] = bodies;

/**
 * A Response whose body is `html`. The body and everything that reads it come from an ordinary Response
 * with the same status, status text and headers, made on first use.
 */
class DocumentResponse extends Response {
  readonly #html: string;
  #real: Response | undefined;

  constructor(html: string, init: ResponseInit) {
    super(null, init);
    this.#html = html;
  }

  #withBody(): Response {
    this.#real ??= new Response(this.#html, {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
    });
    return this.#real;
  }

  override get body() {
    return this.#withBody().body;
  }
  override get bodyUsed() {
    return this.#real?.bodyUsed ?? false;
  }
  override text() {
    return this.#withBody().text();
  }
  override json() {
    return this.#withBody().json();
  }
  override arrayBuffer() {
    return this.#withBody().arrayBuffer();
  }
  override blob() {
    return this.#withBody().blob();
  }
  override formData() {
    return this.#withBody().formData();
  }
  override bytes() {
    return this.#withBody().bytes();
  }
  override clone(): Response {
    return this.#withBody().clone();
  }
}

/** A Response whose body is `html`, remembered as a string as well. */
export function documentResponse(html: string, init: ResponseInit): Response {
  const response = new DocumentResponse(html, init);
  bodies.set(response, html);
  return response;
}

/** The HTML of a Response made by documentResponse whose body nobody has read yet; else undefined. */
export function documentHtml(response: Response): string | undefined {
  const html = bodies.get(response);
  if (html === undefined || response.bodyUsed) return undefined;
  return html;
}
