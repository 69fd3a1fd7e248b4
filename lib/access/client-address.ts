// Which client a sign-in attempt comes from, for the per-client throttle.
//
// A Next.js 16 route handler never sees the TCP socket: NextRequest lost `ip` in v15, and `next
// start` only copies the socket's address into X-Forwarded-For when the request has none
// (`req.headers['x-forwarded-for'] ??= socket.remoteAddress` in next/dist/server/base-server.js).
// So the right-most X-Forwarded-For entry is the address that reached us: the socket's, when a
// browser connects directly, or the one a reverse proxy in front appended. A client that connects
// directly can write that header itself; lib/access/sign-in-throttle.ts is built so that doing so
// gains it nothing over using fresh addresses, and costs a browser that has signed in before nothing.
import { isIP } from "node:net";

export const UNKNOWN_CLIENT = "unknown";

/** The client's address from X-Forwarded-For; IPv6 is grouped by /64 (one host often has a whole /64). */
export function clientAddress(forwardedFor: string | null | undefined): string {
  const last = forwardedFor?.split(",").at(-1)?.trim();
  if (!last || last.length > 100) return UNKNOWN_CLIENT;
  const address = withoutPort(last);
  const family = isIP(address);
  if (family === 4) return address;
  if (family !== 6) return UNKNOWN_CLIENT;
  const groups = ipv6Groups(address);
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join(".");
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":")}::/64`;
}

/** `[::1]:80` → `::1`, `1.2.3.4:5` → `1.2.3.4`; anything else as it is. */
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1];
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4 ? v4[1] : entry;
}

/** The eight 16-bit groups of a valid IPv6 address (isIP said so), embedded IPv4 included. */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split("%")[0];
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, null];
  const parse = (part: string) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const start = parse(head);
  if (tail === null) return start;
  const end = parse(tail);
  return [...start, ...Array<number>(8 - start.length - end.length).fill(0), ...end];
}
