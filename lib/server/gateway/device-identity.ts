import "server-only";
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { z } from "zod";
import { serialized, writeFileAtomic } from "../atomic-file";

// The dashboard's own device identity for OpenClaw's Gateway (gateway/protocol/auth.md): an Ed25519
// key pair created once, and the device tokens Gateways issue to it (hello-ok.auth.deviceToken), so a
// reconnect can use them. It lives in a file of its own, never in openclaw.json:
//   $DASHBOARD_DATA_DIR/gateway-device.json
//   default: $XDG_DATA_HOME/hf-provider-dashboard/ or ~/.local/share/hf-provider-dashboard/
// The file is mode 0600 in a 0700 folder and is only ever replaced atomically. The private key and the
// tokens stay in this module and in GatewayClient's signing callbacks: nothing here logs or returns them.
// @openclaw/gateway-client builds the signed payload itself (v3|deviceId|clientId|…, see
// buildDeviceAuthPayloadV3); it asks the host only to sign, to encode the public key and to keep tokens.

export const DEVICE_FILE_NAME = "gateway-device.json";

export function dashboardDataDir(): string {
  const configured = process.env.DASHBOARD_DATA_DIR?.trim();
  if (configured)
    return path.resolve(configured.startsWith("~/") ? path.join(os.homedir(), configured.slice(2)) : configured);
  const xdg = process.env.XDG_DATA_HOME?.trim();
  return path.join(
    xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), ".local", "share"),
    "hf-provider-dashboard",
  );
}

export function deviceIdentityPath(): string {
  return path.join(dashboardDataDir(), DEVICE_FILE_NAME);
}

/** The shape @openclaw/gateway-client's DeviceIdentity expects. */
export interface DeviceIdentity {
  deviceId: string;
  publicKeyPem: string;
  privateKeyPem: string;
}

export interface DeviceTokenRecord {
  token: string;
  scopes: string[];
}

const tokenSchema = z.object({ token: z.string().min(1), scopes: z.array(z.string()), updatedAt: z.string() });
const fileSchema = z.object({
  version: z.literal(1),
  deviceId: z.string().regex(/^[0-9a-f]{64}$/),
  publicKeyPem: z.string().min(1),
  privateKeyPem: z.string().min(1),
  createdAt: z.string(),
  /** gateway URL → role → token */
  tokens: z.record(z.string(), z.record(z.string(), tokenSchema)),
});
type DeviceFile = z.infer<typeof fileSchema>;

/** The raw 32-byte Ed25519 public key (the SPKI DER ends with it). */
function rawPublicKey(publicKeyPem: string): Buffer {
  return createPublicKey(publicKeyPem).export({ format: "der", type: "spki" }).subarray(-32);
}

/** device.id: sha256 of the raw public key, hex. */
export function deviceIdFromPublicKey(publicKeyPem: string): string {
  return createHash("sha256").update(rawPublicKey(publicKeyPem)).digest("hex");
}

/** device.publicKey: the raw public key, base64url. */
export function publicKeyRawBase64Url(publicKeyPem: string): string {
  return rawPublicKey(publicKeyPem).toString("base64url");
}

/** device.signature: Ed25519 over the UTF-8 payload, base64url. */
export function signDevicePayload(privateKeyPem: string, payload: string): string {
  return sign(null, Buffer.from(payload, "utf8"), createPrivateKey(privateKeyPem)).toString("base64url");
}

export function verifyDevicePayload(publicKeyPem: string, payload: string, signature: string): boolean {
  return verify(null, Buffer.from(payload, "utf8"), createPublicKey(publicKeyPem), Buffer.from(signature, "base64url"));
}

function newDeviceFile(): DeviceFile {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const publicKeyPem = publicKey.export({ format: "pem", type: "spki" }).toString();
  return {
    version: 1,
    deviceId: deviceIdFromPublicKey(publicKeyPem),
    publicKeyPem,
    privateKeyPem: privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
    createdAt: new Date().toISOString(),
    tokens: {},
  };
}

/** A parsed file whose id matches its key and whose private key signs for its public key. */
function validDeviceFile(value: unknown): DeviceFile | null {
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success) return null;
  try {
    const { deviceId, publicKeyPem, privateKeyPem } = parsed.data;
    if (deviceIdFromPublicKey(publicKeyPem) !== deviceId) return null;
    const probe = `hfpd-device-check|${deviceId}`;
    if (!verifyDevicePayload(publicKeyPem, probe, signDevicePayload(privateKeyPem, probe))) return null;
  } catch {
    return null;
  }
  return parsed.data;
}

/** One device identity file, held in memory; token changes are written back atomically. */
export class DeviceStore {
  private constructor(
    readonly file: string,
    private data: DeviceFile,
  ) {}

  /** Loads the identity, creating it on first use; a damaged file is kept aside and replaced. */
  static async open(file = deviceIdentityPath()): Promise<DeviceStore> {
    const existing = await readDeviceFile(file);
    if (existing) return new DeviceStore(file, existing);
    return new DeviceStore(file, await createDeviceFile(file));
  }

  get deviceId(): string {
    return this.data.deviceId;
  }

  get identity(): DeviceIdentity {
    const { deviceId, publicKeyPem, privateKeyPem } = this.data;
    return { deviceId, publicKeyPem, privateKeyPem };
  }

  token(gatewayUrl: string, role: string): DeviceTokenRecord | null {
    const record = this.data.tokens[gatewayUrl]?.[role];
    return record ? { token: record.token, scopes: [...record.scopes] } : null;
  }

  /** Keeps the token a Gateway issued; writes the file only when something changed. */
  async saveToken(gatewayUrl: string, role: string, token: string, scopes: string[]): Promise<void> {
    const current = this.data.tokens[gatewayUrl]?.[role];
    if (current && current.token === token && sameList(current.scopes, scopes)) return;
    const forUrl = {
      ...this.data.tokens[gatewayUrl],
      [role]: { token, scopes: [...scopes], updatedAt: new Date().toISOString() },
    };
    await this.write({ ...this.data, tokens: { ...this.data.tokens, [gatewayUrl]: forUrl } });
  }

  async clearToken(gatewayUrl: string, role: string): Promise<void> {
    if (!this.data.tokens[gatewayUrl]?.[role]) return;
    const forUrl = { ...this.data.tokens[gatewayUrl] };
    delete forUrl[role];
    const tokens = { ...this.data.tokens, [gatewayUrl]: forUrl };
    if (Object.keys(forUrl).length === 0) delete tokens[gatewayUrl];
    await this.write({ ...this.data, tokens });
  }

  private writing: Promise<void> = Promise.resolve();

  /** Resolves when every change so far is on disk (token saves are started from sync callbacks). */
  settled(): Promise<void> {
    return this.writing.catch(() => {});
  }

  private write(next: DeviceFile): Promise<void> {
    this.data = next;
    const text = `${JSON.stringify(next, null, 2)}\n`;
    this.writing = serialized(this.file, () => writeFileAtomic(this.file, text, 0o600));
    return this.writing;
  }

  // Neither logs nor JSON answers may ever carry the key or the tokens.
  toJSON() {
    return { deviceId: this.data.deviceId, file: this.file };
  }

  [inspect.custom]() {
    return `DeviceStore { deviceId: ${this.data.deviceId}, file: ${this.file} }`;
  }
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

async function readDeviceFile(file: string): Promise<DeviceFile | null> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let value: unknown = null;
  try {
    value = JSON.parse(text);
  } catch {
    value = null;
  }
  const valid = validDeviceFile(value);
  if (!valid) {
    // Not ours to repair: keep it for the user, start a new identity (a loopback Gateway pairs it silently).
    const aside = `${file}.invalid-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await fs.rename(file, aside);
    console.warn(
      `[gateway] ${path.basename(file)} was not a valid device identity; kept it as ${path.basename(aside)}.`,
    );
    return null;
  }
  const stat = await fs.stat(file);
  if ((stat.mode & 0o077) !== 0) await fs.chmod(file, 0o600);
  return valid;
}

/**
 * Writes a new identity without ever replacing one another process created meanwhile: the data is
 * written (fsynced, 0600) under a temporary name, then hard-linked into place, which fails if the
 * file exists; the loser reads the winner's identity.
 */
async function createDeviceFile(file: string): Promise<DeviceFile> {
  const data = newDeviceFile();
  const staged = `${file}.new-${process.pid}-${data.deviceId.slice(0, 8)}`;
  await writeFileAtomic(staged, `${JSON.stringify(data, null, 2)}\n`, 0o600);
  try {
    await fs.link(staged, file);
    return data;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const winner = await readDeviceFile(file);
    if (winner) return winner;
    return createDeviceFile(file);
  } finally {
    await fs.rm(staged, { force: true });
  }
}

const stores = new Map<string, Promise<DeviceStore>>();

/** The process's one DeviceStore per file (the default file unless a test names another). */
export function openDeviceStore(file = deviceIdentityPath()): Promise<DeviceStore> {
  let store = stores.get(file);
  if (!store) {
    store = DeviceStore.open(file);
    stores.set(file, store);
    store.catch(() => stores.delete(file));
  }
  return store;
}
