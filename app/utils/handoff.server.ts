// With single fetch, Remix hands a page's loader data to the browser as a turbo-stream
// (`serverHandoffStream`), which its <StreamTransfer> renders as one <script> per chunk. It reads the
// stream while React renders: each chunk is a promise thrown into a Suspense boundary, so React renders,
// suspends, and renders again when the chunk arrives, once per chunk and once more for the end (issue 18).
// No page defers data, so the stream is complete as soon as it is read: it is read to the end here, before
// rendering, and every chunk is put where <StreamTransfer> looks for it (`renderMeta.streamCache`, keyed by
// the chunk's number from 0), decoded as it decodes them. Then it finds each chunk there, renders it at
// once, and the HTML is the same as before. A read that fails is kept as the failure, which it throws as
// before.
// <RemixServer> still asks the context's stream for a reader while rendering, so the context gets a stream
// that is already closed in place of the one read here (never read: the cache has every chunk). Releasing
// the read stream's lock instead would do as well, but Node makes an error for the stream's `closed`
// promise on every release and formats its stack through the source maps: about 150 ms on the first page
// after start (the maps are parsed then), and a stack on every page after that.
import type { EntryContext } from "@remix-run/node";

type StreamCache = NonNullable<NonNullable<EntryContext["renderMeta"]>["streamCache"]>;
type Entry = StreamCache[number];

function settled(fields: Pick<Entry, "result" | "error">): Entry {
  return Object.assign(Promise.resolve(), fields);
}

/**
 * Reads the context's data stream to its end and fills the cache that <StreamTransfer> reads from. Leaves
 * a context without a stream, or whose cache is already filled, as it is.
 */
export async function readHandoffAhead(context: EntryContext): Promise<void> {
  const stream = context.serverHandoffStream;
  if (!stream || stream.locked) return;
  context.renderMeta ??= {};
  if (context.renderMeta.streamCache) return;
  const cache: StreamCache = {};
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  for (let identifier = 0; ; identifier++) {
    let result: ReadableStreamReadResult<Uint8Array>;
    try {
      result = await reader.read();
    } catch (error) {
      cache[identifier] = settled({ error });
      break;
    }
    cache[identifier] = settled({
      result: { done: result.done, value: decoder.decode(result.value, { stream: true }) },
    });
    if (result.done) break;
  }
  context.renderMeta.streamCache = cache;
  context.serverHandoffStream = closedStream();
}

function closedStream(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.close();
    },
  });
}
