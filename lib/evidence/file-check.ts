import { fileTypeFromBuffer } from "file-type";
import { AppError } from "@/lib/errors";
import { fileNameProblem } from "@/lib/validations/evidence";

// What an uploaded file is allowed to be called and to contain. The media type comes from the
// bytes (file-type's signatures; text is recognised as valid UTF-8 without NUL bytes). A known
// extension whose bytes say otherwise is refused, so a page cannot smuggle HTML in as a ".png".
// File names are kept as a label only: they are never used as a path.

export const MAX_FILE_NAME_LENGTH = 255;

/** Normalises (NFC, trimmed) a file name and refuses the ones that could mislead or escape. */
export function checkFileName(raw: string): string {
  const refuse = (message: string) => new AppError("VALIDATION", message, { file: [message] });
  // Checked before trimming: trim() would silently drop a leading U+FEFF or a trailing U+2028.
  const problem = fileNameProblem(raw);
  if (problem) throw refuse(problem);
  const name = raw.normalize("NFC").trim();
  if (!name) throw refuse("The file has no name. Give it a name with an extension, such as report.pdf.");
  if (/[\\/]/.test(name) || name === "." || name === "..") {
    throw refuse("The file name contains a path (a slash or “..”). Upload the file under its own name, without folders.");
  }
  if ([...name].length > MAX_FILE_NAME_LENGTH) {
    throw refuse(`The file name is ${[...name].length} characters long; the limit is ${MAX_FILE_NAME_LENGTH}. Shorten it.`);
  }
  return name;
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

const EXECUTABLE_EXTENSIONS = new Set(
  "exe dll com scr msi msix msp cpl sys drv ocx pif bat cmd ps1 psm1 vbs vbe wsf wsh hta jar apk app dmg pkg deb rpm so dylib elf run sh bash zsh csh ksh command lnk reg".split(
    " ",
  ),
);
const EXECUTABLE_TYPES = new Set([
  "application/x-msdownload",
  "application/vnd.microsoft.portable-executable",
  "application/x-elf",
  "application/x-executable",
  "application/x-sharedlib",
  "application/x-mach-binary",
  "application/java-archive",
  "application/x-apple-diskimage",
  "application/vnd.debian.binary-package",
  "application/x-deb",
  "application/x-rpm",
  "application/x-msi",
  "application/vnd.android.package-archive",
]);

type Expectation = { binary: string[]; label: string } | { text: string; label: string; json?: boolean };

const OOXML = "application/vnd.openxmlformats-officedocument";
const EXPECTED: Record<string, Expectation> = {
  pdf: { binary: ["application/pdf"], label: "a PDF" },
  png: { binary: ["image/png"], label: "a PNG image" },
  jpg: { binary: ["image/jpeg"], label: "a JPEG image" },
  jpeg: { binary: ["image/jpeg"], label: "a JPEG image" },
  gif: { binary: ["image/gif"], label: "a GIF image" },
  webp: { binary: ["image/webp"], label: "a WebP image" },
  zip: { binary: ["application/zip"], label: "a ZIP archive" },
  gz: { binary: ["application/gzip"], label: "a gzip file" },
  tgz: { binary: ["application/gzip"], label: "a gzip file" },
  docx: { binary: [`${OOXML}.wordprocessingml.document`, "application/zip"], label: "a Word document" },
  xlsx: { binary: [`${OOXML}.spreadsheetml.sheet`, "application/zip"], label: "an Excel workbook" },
  pptx: { binary: [`${OOXML}.presentationml.presentation`, "application/zip"], label: "a PowerPoint presentation" },
  doc: { binary: ["application/x-cfb"], label: "a Word document" },
  xls: { binary: ["application/x-cfb"], label: "an Excel workbook" },
  txt: { text: "text/plain", label: "text" },
  log: { text: "text/plain", label: "text" },
  md: { text: "text/markdown", label: "text" },
  csv: { text: "text/csv", label: "CSV text" },
  tsv: { text: "text/tab-separated-values", label: "tab-separated text" },
  json: { text: "application/json", label: "JSON", json: true },
  jsonl: { text: "application/x-ndjson", label: "JSON lines", json: true },
  yaml: { text: "application/yaml", label: "YAML text" },
  yml: { text: "application/yaml", label: "YAML text" },
  xml: { text: "application/xml", label: "XML text" },
  html: { text: "text/html", label: "HTML text" },
  htm: { text: "text/html", label: "HTML text" },
  svg: { text: "image/svg+xml", label: "an SVG image" },
};

/** True when the head of a file is UTF-8 text without NUL bytes (a multi-byte character cut at the end is fine). */
export function looksLikeText(head: Buffer, truncated: boolean): boolean {
  if (head.includes(0)) return false;
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (let cut = 0; cut <= (truncated ? 3 : 0); cut++) {
    try {
      decoder.decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try again without a possibly cut character at the end
    }
  }
  return false;
}

const refuseType = (message: string) => new AppError("UNSUPPORTED_MEDIA_TYPE", message, { file: [message] });

/**
 * The media type of an upload, from its bytes, checked against its name. `head` is the first
 * bytes of the file (at least 4 KB when the file is that long); `size` its full size.
 */
export async function sniffMediaType(fileName: string, head: Buffer, size: number): Promise<string> {
  const ext = extensionOf(fileName);
  const detected = await fileTypeFromBuffer(head).catch(() => undefined);
  const startsLikeExecutable = head.subarray(0, 2).toString("latin1") === "MZ" || head.subarray(0, 2).toString("latin1") === "#!";
  if (EXECUTABLE_EXTENSIONS.has(ext) || (detected && EXECUTABLE_TYPES.has(detected.mime)) || startsLikeExecutable) {
    throw refuseType(
      "Executables and scripts are not accepted as evidence. Upload a report, a screenshot or an export instead (zip it if you must keep it).",
    );
  }
  const text = !detected && looksLikeText(head, size > head.length);
  const expected = EXPECTED[ext];
  if (expected) {
    if ("binary" in expected) {
      if (detected && expected.binary.includes(detected.mime)) return detected.mime;
      const actually = detected ? `${detected.mime} bytes` : text ? "text" : "bytes of an unknown kind";
      throw refuseType(
        `The file is named .${ext} but it is not ${expected.label}: it contains ${actually}. Upload the real file or fix its name.`,
      );
    }
    const xmlLike = ext === "xml" || ext === "svg" || ext === "html" || ext === "htm";
    const isText = text || (xmlLike && detected?.mime === "application/xml");
    if (!isText) {
      throw refuseType(
        `The file is named .${ext} but it is not ${expected.label}: it contains ${detected ? `${detected.mime} bytes` : "binary data"}. Upload the real file or fix its name.`,
      );
    }
    if (expected.json && !/^\s*[[{]/.test(head.toString("utf8"))) {
      throw refuseType(`The file is named .${ext} but it does not start like JSON (with { or [). Upload the real file or fix its name.`);
    }
    return expected.text;
  }
  if (detected) return detected.mime;
  return text ? "text/plain" : "application/octet-stream";
}
