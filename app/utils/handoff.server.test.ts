import type { EntryContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { readHandoffAhead } from "./handoff.server.ts";

function contextWith(stream: ReadableStream<Uint8Array> | undefined): EntryContext {
  return { serverHandoffStream: stream, renderMeta: {} } as unknown as EntryContext;
}

/** The chunks one per read, then the end, or the error. */
function streamOf(chunks: Uint8Array[], error?: Error): ReadableStream<Uint8Array> {
  let next = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[next++];
      if (chunk) controller.enqueue(chunk);
      else if (error) controller.error(error);
      else controller.close();
    },
  });
}

describe("readHandoffAhead", () => {
  it("puts every chunk, decoded, and the end where <StreamTransfer> looks for them", async () => {
    const bytes = new TextEncoder().encode('[{"naam":"Eén"}]\n');
    // A character split over two chunks is decoded whole, as StreamTransfer's streaming decoder does.
    const context = contextWith(streamOf([bytes.subarray(0, 12), bytes.subarray(12)]));
    await readHandoffAhead(context);
    const cache = context.renderMeta?.streamCache ?? {};
    expect(Object.keys(cache)).toEqual(["0", "1", "2"]);
    expect(cache[0]?.result).toEqual({ done: false, value: '[{"naam":"E' });
    expect(cache[1]?.result).toEqual({ done: false, value: 'én"}]\n' });
    expect(cache[2]?.result).toEqual({ done: true, value: "" });
    // <RemixServer> asks the context's stream for a reader while rendering: it gets one, of a closed stream.
    expect(context.serverHandoffStream?.locked).toBe(false);
    await expect(context.serverHandoffStream?.getReader().read()).resolves.toEqual({ done: true, value: undefined });
  });

  it("keeps a failed read as the failure, for <StreamTransfer> to throw", async () => {
    const failure = new Error("kapot");
    const context = contextWith(streamOf([new TextEncoder().encode("[1]\n")], failure));
    await readHandoffAhead(context);
    const cache = context.renderMeta?.streamCache ?? {};
    expect(cache[0]?.result).toEqual({ done: false, value: "[1]\n" });
    expect(cache[1]?.error).toBe(failure);
    expect(cache[1]?.result).toBeUndefined();
  });

  it("leaves a context without a stream as it is", async () => {
    const context = contextWith(undefined);
    await readHandoffAhead(context);
    expect(context.renderMeta?.streamCache).toBeUndefined();
  });
});
