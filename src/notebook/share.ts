/** Cell code in a URL fragment (`#cell=<name>:<base64url UTF-8>`), with a length limit and clear errors. */

/** Longest encoded code a link may carry: links much longer than this break in chat apps and some browsers. */
export const MAX_SHARED_CHARS = 8000;
const KEY = 'cell=';

/** Base64url (RFC 4648 §5) of the UTF-8 bytes of `text`, without padding. */
export function encodeBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text whose UTF-8 bytes `encoded` holds; throws on characters outside base64url or invalid UTF-8. */
export function decodeBase64Url(encoded: string): string {
  if (!/^[A-Za-z0-9_-]*$/.test(encoded) || encoded.length % 4 === 1) throw new Error('not base64url');
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The fragment that shares `code` for the cell `name`, or null when it is too long for a link. */
export function shareFragment(name: string, code: string): string | null {
  const encoded = encodeBase64Url(code);
  return encoded.length > MAX_SHARED_CHARS ? null : `#${KEY}${encodeURIComponent(name)}:${encoded}`;
}

/** What a fragment says: no shared cell, a cell's code, or why it could not be read. */
export type SharedCell =
  | { readonly kind: 'none' }
  | { readonly kind: 'cell'; readonly name: string; readonly code: string }
  | { readonly kind: 'invalid'; readonly reason: 'too-long' | 'malformed' };

/** Reads a location hash (`#cell=name:code`); other fragments (headings) are `none`. */
export function readFragment(hash: string): SharedCell {
  const body = hash.replace(/^#/, '');
  if (!body.startsWith(KEY)) return { kind: 'none' };
  const rest = body.slice(KEY.length);
  const colon = rest.indexOf(':');
  if (colon < 1) return { kind: 'invalid', reason: 'malformed' };
  const encoded = rest.slice(colon + 1);
  if (encoded.length > MAX_SHARED_CHARS) return { kind: 'invalid', reason: 'too-long' };
  try {
    return { kind: 'cell', name: decodeURIComponent(rest.slice(0, colon)), code: decodeBase64Url(encoded) };
  } catch {
    return { kind: 'invalid', reason: 'malformed' };
  }
}
