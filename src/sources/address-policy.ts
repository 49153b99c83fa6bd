import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/** Decides whether a host is on a private network (this machine, the cluster, the LAN) or public. */
export interface AddressPolicy {
  isPrivate(hostname: string): Promise<boolean>;
}

/** Loopback, private, link-local, carrier-grade NAT, unspecified, multicast and reserved ranges. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["224.0.0.0", 3],
] as const) PRIVATE.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [["::", 127], ["fc00::", 7], ["fe80::", 10], ["ff00::", 8]] as const) PRIVATE.addSubnet(network, prefix, "ipv6");

/** Whether an IP address is private (an IPv4 address mapped into IPv6 is judged as IPv4). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return PRIVATE.check(mapped, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The policy of production: a host is private when any address it resolves to is (a name that
 * cannot be resolved counts as private: nothing is fetched from it). `publicAddresses` lists
 * addresses to treat as public all the same: the tests' server on loopback stands for a public site.
 */
export function addressPolicy(options: { publicAddresses?: readonly string[] } = {}): AddressPolicy {
  const treatedAsPublic = new Set(options.publicAddresses ?? []);
  return {
    async isPrivate(hostname) {
      const host = hostname.replace(/^\[|\]$/g, "");
      let addresses: string[];
      try {
        addresses = isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
      } catch {
        return true;
      }
      return addresses.some((address) => !treatedAsPublic.has(address) && isPrivateAddress(address));
    },
  };
}
