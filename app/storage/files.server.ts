// File storage behind one small interface (put/get/delete by key), so an object store (S3 and the like) can
// replace the local disk without touching the rest of the code. Files are never served from public/: only
// through a route that checks who may read them (app/routes/bijlagen.$attachmentId.tsx).
import { randomUUID } from "node:crypto";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "~/utils/env.server.ts";

export interface FileStorage {
  put(key: string, data: Uint8Array): Promise<void>;
  /** The bytes, or null when there is nothing under this key. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** A new key under a prefix, e.g. "submissions/<id>/<uuid>" (never derived from a user's file name). */
export function newStorageKey(...prefix: string[]): string {
  return [...prefix, randomUUID()].join("/");
}

export function localDiskStorage(root: string): FileStorage {
  const fileFor = (key: string) => {
    // Keys are made by newStorageKey; anything else (e.g. "..") is refused before touching the disk.
    if (!KEY.test(key)) throw new Error(`Ongeldige opslagsleutel: ${key}`);
    return path.join(root, ...key.split("/"));
  };
  return {
    async put(key, data) {
      const file = fileFor(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data, { flag: "wx" });
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(fileFor(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileFor(key), { force: true });
    },
  };
}

let storage: FileStorage | undefined;

/** The storage of this process: local disk under UPLOAD_DIR (default data/uploads, git-ignored). */
export function fileStorage(): FileStorage {
  storage ??= localDiskStorage(path.resolve(getEnv().UPLOAD_DIR));
  return storage;
}
