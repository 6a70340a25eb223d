/**
 * Whether a request path has a %-escape that does not decode (a lone "%", "%ZZ", a cut-off UTF-8
 * sequence such as "%E0%A4%A"). Such a path names nothing: proxy.ts answers it with a 404 before
 * Next's router, which would answer it with a 400, or a page that decodes its segment with a 500.
 */
export function hasMalformedEscape(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}
