import { expect, test } from "./fixtures";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { baseURL } from "./support";
import { evidenceDir, insertToken, multipartBody, tag, tempFiles, today } from "./evidence-support";

// Uploads cut short: a client that sends 5 MB of a declared 50 MB file and then disconnects, or
// goes silent, must not leave a staged `.part` file or an open file descriptor in the server.
// The server is found by the port it listens on (/proc/net/tcp -> socket inode -> /proc/<pid>/fd),
// which holds however `next start` was launched.

const tmpDir = () => path.join(evidenceDir(), "tmp");

function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const localPort = parseInt(cols[1].split(":").pop()!, 16);
      if (localPort === port && cols[3] === "0A") inodes.add(cols[9]);
    }
  }
  return inodes;
}

/** The process(es) holding the app's listening socket. */
function serverPids(): number[] {
  const port = Number(new URL(baseURL()).port);
  const inodes = listeningInodes(port);
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    const holds = fds.some((fd) => {
      try {
        return inodes.has(/^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${entry}/fd/${fd}`))?.[1] ?? "");
      } catch {
        return false;
      }
    });
    if (holds) pids.push(Number(entry));
  }
  return pids;
}

/** Descriptors of the server pointing into evidence/tmp (an unlinked file shows as "... (deleted)"). */
function openTempDescriptors(pids: number[]): string[] {
  const open: string[] = [];
  for (const pid of pids) {
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      try {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (target.startsWith(tmpDir() + path.sep)) open.push(`${pid}/${fd} -> ${target}`);
      } catch {
        // closed while we looked
      }
    }
  }
  return open;
}

const DECLARED = 50 * 1024 * 1024;
const SENT = 5 * 1024 * 1024;

/**
 * Opens a raw connection and sends the multipart head and SENT bytes of a file declared (by
 * Content-Length) as DECLARED bytes; resolves once the server has staged part of it.
 */
async function startUpload(token: string): Promise<{ socket: net.Socket; received: () => string }> {
  const { body, contentType } = multipartBody(
    { control: "AI-PI-02", title: `cut short ${tag()}`, effectiveDate: today() },
    { name: "big.bin", bytes: Buffer.alloc(0) },
  );
  const boundary = contentType.split("boundary=")[1];
  // Everything up to the (empty) file bytes, i.e. the fields and the file part's headers.
  const head = body.subarray(0, body.length - `\r\n--${boundary}--\r\n`.length);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL(baseURL());
  const socket = net.connect(Number(url.port), "127.0.0.1");
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let received = "";
  socket.on("data", (c) => (received += c.toString()));
  socket.on("error", () => {});
  socket.write(
    `POST /api/v1/evidence HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: ${contentType}\r\nContent-Length: ${head.length + DECLARED + tail.length}\r\n\r\n`,
  );
  socket.write(head);
  const chunk = Buffer.alloc(1024 * 1024, 7);
  for (let sent = 0; sent < SENT; sent += chunk.length) {
    if (!socket.write(chunk)) await new Promise((r) => socket.once("drain", r));
  }
  // The server has started staging the file: a .part exists and holds bytes.
  await expect
    .poll(() => tempFiles().reduce((n, f) => n + (fs.statSync(path.join(tmpDir(), f), { throwIfNoEntry: false })?.size ?? 0), 0), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  return { socket, received: () => received };
}

let token: string;
test.beforeAll(async () => {
  token = await insertToken("ENGINEER");
});

test("a client that disconnects mid-file leaves no .part file and no open descriptor", async () => {
  const pids = serverPids();
  expect(pids.length, "the app's process is found from its port").toBeGreaterThan(0);
  expect(tempFiles()).toEqual([]);
  const { socket } = await startUpload(token);
  expect(openTempDescriptors(pids).length, "while the upload runs, the server holds the staged file open").toBeGreaterThan(0);
  socket.destroy();
  // A disconnect is seen at once (the request's abort), not only after the idle timeout.
  await expect.poll(() => tempFiles(), { timeout: 15_000 }).toEqual([]);
  await expect.poll(() => openTempDescriptors(pids), { timeout: 15_000 }).toEqual([]);
});

test("a client that goes silent mid-file is cut off after the idle timeout (408), with nothing left behind", async () => {
  // ATTEST_UPLOAD_IDLE_SECONDS defaults to 60; the test server may set it lower.
  test.setTimeout(180_000);
  const pids = serverPids();
  const { socket, received } = await startUpload(token);
  expect(openTempDescriptors(pids).length).toBeGreaterThan(0);
  try {
    await expect.poll(() => tempFiles(), { timeout: 120_000, intervals: [1000] }).toEqual([]);
    await expect.poll(() => openTempDescriptors(pids), { timeout: 10_000 }).toEqual([]);
    // The client is still connected, so it is told why.
    await expect.poll(received, { timeout: 10_000 }).toMatch(/^HTTP\/1\.1 408 [^]*no data arrived for \d+ seconds/i);
    // ... and the server closes the connection rather than wait for the rest of the body.
    await expect.poll(() => socket.readableEnded, { timeout: 10_000 }).toBe(true);
  } finally {
    socket.destroy();
  }
});
