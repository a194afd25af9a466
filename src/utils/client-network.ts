import ipaddr from 'ipaddr.js';

/** How much of an IPv6 address one client holds: a home or office line is given a whole /64. */
const IPV6_CLIENT_PREFIX = 64;

/**
 * The network a limit per client counts: the address itself for IPv4 (and IPv4 written as IPv6,
 * `::ffff:1.2.3.4`), its /64 for IPv6, since one line can use any address in it. Anything that
 * is not an address is counted as it is.
 */
export function clientNetwork(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).toNormalizedString().split(':');
  return `${parts.slice(0, IPV6_CLIENT_PREFIX / 16).join(':')}::/${IPV6_CLIENT_PREFIX}`;
}
