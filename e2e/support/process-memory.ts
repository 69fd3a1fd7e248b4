import { readdir, readFile, readlink } from "node:fs/promises";

// The dashboard's server process and its resident memory, read from /proc. The process is found
// by the socket listening on the app's port, so it does not matter how `npm start` spawned it.
export async function listeningPid(port: number): Promise<number> {
  const hexPort = `:${port.toString(16).toUpperCase().padStart(4, "0")}`;
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const text = await readFile(table, "utf8").catch(() => "");
    for (const line of text.split("\n").slice(1)) {
      // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && cols[3] === "0A" && cols[1].endsWith(hexPort)) inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) throw new Error(`Nothing listens on port ${port}.`);
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    for (const fd of await readdir(`/proc/${pid}/fd`).catch(() => [] as string[])) {
      const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
      const inode = /^socket:\[(\d+)\]$/.exec(link)?.[1];
      if (inode && inodes.has(inode)) return Number(pid);
    }
  }
  throw new Error(`No process found holding the socket that listens on port ${port}.`);
}

/** VmRSS of a process, in bytes. */
export async function residentBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (!kb) throw new Error(`No VmRSS for process ${pid}.`);
  return Number(kb) * 1024;
}
