import { LinkifyIt } from 'linkify-it';
import tlds from 'tlds';

/** Finds links with or without a scheme (`evil.com` counts), against the full list of real TLDs. */
const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: false, fuzzyIP: true }).tlds(tlds);

/** The host names of the links in a message, lower case, in order. */
export function linkHosts(text: string): string[] {
  return (linkify.match(text) ?? []).flatMap((match) => {
    try {
      return [new URL(match.url).hostname.toLowerCase().replace(/\.$/u, '')];
    } catch {
      return [];
    }
  });
}

/** Normalizes what an organizer types as an allowed domain ("https://www.Example.com/" → "www.example.com"). */
export function normalizeDomain(domain: string): string {
  const trimmed = domain.trim().toLowerCase();
  const host = trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\//u, '').split(/[/?#:]/u)[0] ?? '';
  return host.replace(/^\*\./u, '').replace(/\.$/u, '');
}

/** True when `host` is one of `allowed` or a subdomain of one. */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  return allowed.some((domain) => {
    const base = normalizeDomain(domain);
    return base !== '' && (host === base || host.endsWith(`.${base}`));
  });
}

/** The first link whose host is not allowed, or null when every link is. */
export function firstForbiddenLink(text: string, allowed: readonly string[]): string | null {
  return linkHosts(text).find((host) => !hostAllowed(host, allowed)) ?? null;
}
