import type { LookupAddress } from "node:dns";
import { lookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";

/**
 * Decides which addresses a source's requests may connect to. It is asked by the connection itself
 * (`guardedLookup`), so the addresses checked are the very ones connected to: a host that answers a
 * public address to a check and a private one to the connection (DNS rebinding) gets nowhere.
 */
export interface AddressPolicy {
  /** The addresses a connection to this host may use: every one allowed, or an `AddressRefused`. */
  addressesFor(hostname: string): Promise<LookupAddress[]>;
}

/** A host that resolves to (or is) a private or loopback address, and is not one the operator named. */
export class AddressRefused extends Error {
  override name = "AddressRefused";

  constructor(readonly host: string, readonly address: string) {
    super(`${host} resolves to ${address}, a private or loopback address`);
  }
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

export interface AddressPolicyOptions {
  /** SOURCE_PRIVATE_HOSTS: hosts on a private network the operator lets sources reach (an intranet blog). */
  privateHosts?: readonly string[];
  /** Addresses to treat as public all the same: the tests' server on loopback stands for a public site. */
  publicAddresses?: readonly string[];
  /** How a name becomes addresses (the system's resolver; a test's own answers). */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

/**
 * The rule: a host may be connected to when every address it resolves to is public, or when the
 * operator named it in SOURCE_PRIVATE_HOSTS. Nothing else private is ever reached, whatever a
 * source, its items or their redirects point to.
 */
export function addressPolicy(options: AddressPolicyOptions = {}): AddressPolicy {
  const privateHosts = new Set((options.privateHosts ?? []).map(bare));
  const treatedAsPublic = new Set(options.publicAddresses ?? []);
  const resolve = options.resolve ?? ((hostname: string) => lookup(hostname, { all: true }));
  return {
    async addressesFor(hostname) {
      const host = bare(hostname);
      const family = isIP(host);
      const addresses = family ? [{ address: host, family }] : await resolve(host);
      if (privateHosts.has(host)) return addresses;
      const refused = addresses.find(({ address }) => !treatedAsPublic.has(address) && isPrivateAddress(address));
      if (refused) throw new AddressRefused(host, refused.address);
      return addresses;
    },
  };
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, "").toLowerCase();

/**
 * A `lookup` for the sockets of a source's requests (Node's `net.connect` option, which undici's
 * `Agent` passes on): the policy's addresses, or its refusal as the connection's error.
 */
export function guardedLookup(policy: AddressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    policy.addressesFor(hostname).then(
      (all) => {
        const addresses = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        const [first] = addresses;
        if (!first) callback(Object.assign(new Error(`${hostname} has no IPv${options.family} address`), { code: "ENOTFOUND" }), "", 0);
        else if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}
