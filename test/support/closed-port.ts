import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";

/**
 * A loopback port nobody listens on any more, for "cannot reach" cases: a real refused connection
 * (not port 9, which fetch refuses by itself as a "bad port" before connecting).
 */
export async function closedPort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
