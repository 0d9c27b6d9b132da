import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key a per-address limit counts a client under. An IPv4 address is one client; an IPv6
 * client is normally handed a whole /64 by its provider and can pick a new address in it for
 * every request, so the /64 is what identifies it (an IPv4-mapped IPv6 address is its IPv4).
 */
export function clientKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(ip)) return ip;
  const address = ip.split('%')[0]!.toLowerCase();
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
