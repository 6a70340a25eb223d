import { parseArgs } from "node:util";
import { readPublicKeyFile, verifyPackageFile } from "@/lib/export/verify";

// npm run verify-package -- <package.zip> [--public-key FILE]
// Checks an Attest auditor package offline (docs/auditors.md): the signature of manifest.json, every
// file's SHA-256 and size, and that no file is missing or extra. Prints each failure naming its
// file; exits 0 only when everything holds. Give --public-key the key received out of band (from
// Settings, not from the package): without it, only the package's own key is checked.

const usage = "Usage: npm run verify-package -- <package.zip> [--public-key public-key.pem]";

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ options: { "public-key": { type: "string" }, help: { type: "boolean" } }, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(usage);
    return 0;
  }
  if (parsed.positionals.length !== 1) {
    console.error(usage);
    return 2;
  }
  const [zip] = parsed.positionals;
  let trustedPublicKeyPem: Buffer | undefined;
  if (parsed.values["public-key"]) {
    try {
      trustedPublicKeyPem = readPublicKeyFile(parsed.values["public-key"]);
    } catch (error) {
      console.error(`${parsed.values["public-key"]}: cannot be read (${(error as Error).message})`);
      return 2;
    }
  }
  const verdict = await verifyPackageFile(zip, { trustedPublicKeyPem });
  for (const problem of verdict.problems) console.error(`FAIL ${problem}`);
  if (!verdict.ok) {
    console.error(`${zip}: NOT verified (${verdict.problems.length} problem${verdict.problems.length === 1 ? "" : "s"}).`);
    return 1;
  }
  console.log(
    `${zip}: verified. The signature of manifest.json holds under ${trustedPublicKeyPem ? "the public key given" : "the package's own public-key.pem (give --public-key to check it against the key from Settings)"}; ${verdict.entries - 2} files match their SHA-256; nothing is missing or extra.`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
