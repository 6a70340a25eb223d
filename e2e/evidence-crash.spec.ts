import { expect, test } from "./fixtures";
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { withDb } from "./support";
import { freePort } from "./support/database";
import {
  evidenceCounts,
  insertToken,
  multipartBody,
  sha256,
  storedFileOnDisk,
  tag,
  tempFiles,
  today,
  upload,
  bearerContext,
} from "./evidence-support";

// kill -9 of the server in the middle of a large upload: after a restart there is no evidence row
// for it, no counted file, no temp file left, and the same upload then succeeds. A second server
// on the same database and data folder plays the victim, so the shared test server keeps running.
test.describe.configure({ timeout: 180_000 });

async function startServer(port: number): Promise<ChildProcess> {
  const server = spawn(path.join("node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    env: { ...process.env, PORT: String(port) },
    stdio: "ignore",
  });
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/health`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill("SIGKILL");
  throw new Error("the second server did not become healthy");
}

test("kill -9 mid-upload leaves no evidence and no counted file; after a restart the same upload succeeds", async () => {
  const token = await insertToken("ENGINEER");
  const port = await freePort();
  let server = await startServer(port);
  const title = `crash upload ${tag()}`;
  const fileBytes = Buffer.alloc(40 * 1024 * 1024, 0x5a);
  fileBytes.write(title); // unique content, so its address is not shared with any other spec's file
  const fullHash = sha256(fileBytes);
  const before = await evidenceCounts();
  try {
    // Send the body slowly, and kill the server once part of it has arrived.
    const { body, contentType } = multipartBody(
      { control: "AI-SEC-04", title, effectiveDate: today() },
      { name: "prompt-logs.bin", bytes: fileBytes },
    );
    const outcome = await new Promise<string>((resolve) => {
      const req = http.request({
        host: "127.0.0.1",
        port,
        path: "/api/v1/evidence",
        method: "POST",
        headers: { "Content-Type": contentType, "Content-Length": body.length, Authorization: `Bearer ${token}` },
      });
      req.on("response", (res) => resolve(`answered ${res.statusCode}`));
      req.on("error", (error) => resolve(`cut: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
      let sent = 0;
      const step = 1024 * 1024;
      const pump = () => {
        if (sent >= body.length) return void req.end();
        req.write(body.subarray(sent, sent + step));
        sent += step;
        if (sent >= 12 * step && server.exitCode === null && !server.killed) {
          // A temp file is being written: the upload is in flight.
          if (tempFiles().length > 0) server.kill("SIGKILL");
        }
        setTimeout(pump, 20);
      };
      pump();
    });
    expect(outcome).toMatch(/^cut:/);
    await new Promise((r) => (server.exitCode !== null || server.signalCode !== null ? r(null) : server.once("exit", r)));
    expect(server.signalCode).toBe("SIGKILL");

    // Nothing counts: no row, no stored-file row, nothing at the file's address.
    expect(await evidenceCounts()).toEqual(before);
    expect(
      await withDb(async (c) => (await c.query(`SELECT count(*)::int AS n FROM "Evidence" WHERE title = $1`, [title])).rows[0].n),
    ).toBe(0);
    expect(storedFileOnDisk(fullHash)).toBe(false);

    // The restart sweeps the unfinished upload; the same upload then succeeds.
    server = await startServer(port);
    expect(tempFiles()).toEqual([]);
    const api = await bearerContext(token);
    const res = await upload(api, { control: "AI-SEC-04", title, effectiveDate: today() }, { name: "prompt-logs.bin", bytes: fileBytes });
    expect(res.status(), await res.text()).toBe(201);
    expect((await res.json()).sha256).toBe(fullHash);
    expect(storedFileOnDisk(fullHash)).toBe(true);
    await api.dispose();
  } finally {
    server.kill("SIGKILL");
  }
});
