// React 18 writes the shell's closing `</body></html>` as soon as the shell is ready; whatever streams after
// it (Remix's single-fetch data scripts) then lands after `</html>`, which is invalid HTML. This stream holds
// the closing tags back and writes them once, at the very end, so every script stays inside <body>.
import { Transform, type TransformCallback } from "node:stream";
import { StringDecoder } from "node:string_decoder";

const END = "</body></html>";

export function holdBackDocumentEnd(): Transform {
  const decoder = new StringDecoder("utf8");
  let pending = "";
  let held = false;
  return new Transform({
    transform(chunk: Buffer | string, _encoding: BufferEncoding, callback: TransformCallback) {
      let text = pending + (typeof chunk === "string" ? chunk : decoder.write(chunk));
      pending = "";
      if (!held) {
        const at = text.indexOf(END);
        if (at >= 0) {
          text = text.slice(0, at) + text.slice(at + END.length);
          held = true;
        } else {
          // The closing tags may be split over two chunks: keep back what could be their start.
          const keep = Math.min(text.length, END.length - 1);
          pending = text.slice(text.length - keep);
          text = text.slice(0, text.length - keep);
        }
      }
      callback(null, text);
    },
    flush(callback: TransformCallback) {
      callback(null, pending + decoder.end() + (held ? END : ""));
    },
  });
}
