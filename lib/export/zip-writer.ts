import { createHash } from "node:crypto";
import { Transform, type Readable } from "node:stream";
import { finished } from "node:stream/promises";
import yazl from "yazl";
import { isSafePackagePath, type ManifestFile } from "@/lib/export/manifest";

// A ZIP written as it is read: yazl emits each entry's bytes as soon as it has them, and a file is
// hashed while it streams through, so neither the archive nor any file is ever held whole. Entries
// are added one at a time (the next only once the previous has been read to its end): one file
// open at once, however many the package holds. Everything added is listed for the manifest,
// except what `addUnlisted` writes (the manifest and its signature, last).

export class PackageZip {
  private readonly zip = new yazl.ZipFile();
  private readonly paths = new Set<string>();
  readonly files: ManifestFile[] = [];

  private current: Transform | null = null;

  constructor(private readonly mtime: Date) {
    // A reader that goes away (a cancelled download) must not leave the file being read open and
    // the writer waiting forever for it to drain.
    this.output.once("close", () => this.current?.destroy(new Error("the package's reader went away")));
  }

  /** The archive's bytes; read them (pipe them out) or the writer waits. */
  get output(): Readable {
    return this.zip.outputStream as Readable;
  }

  private claim(path: string) {
    if (!isSafePackagePath(path)) throw new Error(`not a safe path inside a package: ${path}`);
    if (this.paths.has(path)) throw new Error(`added twice to the package: ${path}`);
    this.paths.add(path);
  }

  add(path: string, data: Buffer | string): ManifestFile {
    this.claim(path);
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    this.zip.addBuffer(bytes, path, { mtime: this.mtime, mode: 0o100644 });
    const file = { path, size: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
    this.files.push(file);
    return file;
  }

  /** Streams `source` into the archive, hashing and counting it; resolves once it has all been written. */
  async addStream(path: string, source: Readable): Promise<ManifestFile> {
    this.claim(path);
    if (this.output.destroyed) {
      source.destroy();
      throw new Error("the package's reader went away");
    }
    const hash = createHash("sha256");
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        size += chunk.length;
        callback(null, chunk);
      },
    });
    source.once("error", (error) => meter.destroy(error));
    meter.once("close", () => source.destroy());
    this.current = meter;
    this.zip.addReadStream(source.pipe(meter), path, { mtime: this.mtime, mode: 0o100644 });
    await finished(meter);
    this.current = null;
    const file = { path, size, sha256: hash.digest("hex") };
    this.files.push(file);
    return file;
  }

  /**
   * A file the manifest does not list: manifest.json and manifest.sig. Stored uncompressed, so their
   * exact bytes (what the signature covers) sit in the ZIP as they are.
   */
  addUnlisted(path: string, data: Buffer | string) {
    this.claim(path);
    this.zip.addBuffer(typeof data === "string" ? Buffer.from(data, "utf8") : data, path, {
      mtime: this.mtime,
      mode: 0o100644,
      compress: false,
    });
  }

  end() {
    this.zip.end();
  }

  /** Ends the archive with an error: the reader sees a broken stream, never a short ZIP that looks whole. */
  abort(error: Error) {
    this.output.destroy(error);
  }
}
