import { spawn } from "node:child_process";

export interface NodeResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `node --import tsx <args>` in the project, as the npm scripts run it (Playwright cannot load
 * Prisma itself). `env` is the child's whole environment, so each caller says what it inherits;
 * `input`, when given, is written to its stdin, which is otherwise closed.
 */
export function runNode(args: string[], options: { env: NodeJS.ProcessEnv; input?: string }): Promise<NodeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], {
      cwd: process.cwd(),
      env: options.env,
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (c) => (stdout += c));
    child.stderr!.on("data", (c) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    if (options.input !== undefined) child.stdin!.end(options.input);
  });
}
