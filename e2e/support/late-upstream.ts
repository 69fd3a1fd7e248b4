import net from "node:net";
import { freePort } from "./app-server";

// An address where nothing listens yet, so the dashboard meets "connection refused"; `open()`
// later forwards it, byte for byte, to a real server (the fake), as when the network comes back.
export interface LateUpstream {
  /** http://127.0.0.1:PORT */
  url: string;
  open(target: string): Promise<void>;
  close(): Promise<void>;
}

export async function lateUpstream(): Promise<LateUpstream> {
  const port = await freePort();
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  };
  return {
    url: `http://127.0.0.1:${port}`,
    open: (target) =>
      new Promise((resolve, reject) => {
        const { hostname, port: targetPort } = new URL(target);
        server = net.createServer((client) => {
          const upstream = net.connect(Number(targetPort), hostname);
          track(client);
          track(upstream);
          // Either side ending or failing ends the other, as a plain TCP path would.
          client.on("error", () => upstream.destroy());
          upstream.on("error", () => client.destroy());
          client.pipe(upstream);
          upstream.pipe(client);
        });
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => resolve());
      }),
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        if (!server) return resolve();
        server.close(() => resolve());
      }),
  };
}
