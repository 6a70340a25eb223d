import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { describeCause, pickPort, portFree } from "@/lib/db/port";

async function occupy(): Promise<{ port: number; close(): Promise<void> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen({ port: 0, host: "127.0.0.1" }, resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => new Promise((r) => server.close(() => r())) };
}

test("a taken port is not free, and another free port is picked instead", async () => {
  const taken = await occupy();
  try {
    assert.equal(await portFree(taken.port), false);
    const picked = await pickPort(taken.port);
    assert.equal(picked.moved, true);
    assert.notEqual(picked.port, taken.port);
    assert.equal(await portFree(picked.port), true, "the picked port can be bound");
  } finally {
    await taken.close();
  }
});

test("a free preferred port is kept", async () => {
  const taken = await occupy();
  await taken.close();
  assert.deepEqual(await pickPort(taken.port), { port: taken.port, moved: false });
});

test("the cause is never printed as undefined: the error's message, else PostgreSQL's last words", () => {
  assert.equal(describeCause(new Error("boom")), "boom");
  const bind = ['FATAL:  could not bind IPv4 address "127.0.0.1": Address already in use'];
  assert.equal(describeCause(undefined, bind), `PostgreSQL exited during start-up: ${bind[0]}`);
  assert.equal(describeCause(new Error("init failed: output"), bind), "init failed: output");
  for (const nothing of [undefined, null, "", new Error("")]) {
    const text = describeCause(nothing);
    assert.doesNotMatch(text, /undefined|null|^$/, String(nothing));
    assert.ok(text.length > 10);
  }
});
