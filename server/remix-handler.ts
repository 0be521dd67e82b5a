// The Express handler around Remix: @remix-run/express's, except how a rendered page is sent. Its
// sendRemixResponse reads every body through a web ReadableStream, a chunk at a time, writing and flushing
// each; a page is rendered whole before it is sent (app/entry.server.tsx), so its HTML is written to Node
// in one call instead (issue 18). Every other answer (redirects, data requests, resource routes, files,
// HEAD requests, whose Response Remix makes anew without a body) goes through sendRemixResponse as before.
// The status line and the headers are set exactly as sendRemixResponse sets them, so a page's several
// Set-Cookie headers each stay one header.
// The package exports only createRequestHandler; its file has the two halves, which are used as they are.
import type { GetLoadContextFunction } from "@remix-run/express";
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { type ServerBuild, createRequestHandler as createNodeHandler } from "@remix-run/node";
import type express from "express";
import { documentHtml } from "../app/utils/document-body.server.ts";

export function createRequestHandler({
  build,
  getLoadContext,
  mode,
}: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  getLoadContext?: GetLoadContextFunction;
  mode?: string;
}): express.RequestHandler {
  const handleRequest = createNodeHandler(build, mode);
  return async (req, res, next) => {
    try {
      const request = createRemixRequest(req, res);
      const loadContext = await getLoadContext?.(req, res);
      const response = await handleRequest(request, loadContext);
      const html = req.method === "HEAD" ? undefined : documentHtml(response);
      if (html === undefined) {
        await sendRemixResponse(res, response);
        return;
      }
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [name, value] of response.headers.entries()) res.append(name, value);
      // One buffer with its length: no chunked framing for a body that is complete.
      const body = Buffer.from(html);
      res.setHeader("Content-Length", body.length);
      res.end(body);
    } catch (error) {
      // Express does not wait for async handlers: the error goes on by hand.
      next(error);
    }
  };
}
