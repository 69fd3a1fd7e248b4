import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createHash, createPublicKey, verify } from "node:crypto";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { buildDeviceAuthPayloadV3 } from "@openclaw/gateway-client";
import {
  dashboardDataDir,
  deviceIdentityPath,
  DeviceStore,
  publicKeyRawBase64Url,
  signDevicePayload,
} from "./device-identity";

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "hfpd-device-"));
  file = path.join(dir, "data", "gateway-device.json");
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  delete process.env.DASHBOARD_DATA_DIR;
  delete process.env.XDG_DATA_HOME;
});

describe("where the identity lives", () => {
  it("DASHBOARD_DATA_DIR, else $XDG_DATA_HOME/hf-provider-dashboard, else ~/.local/share/hf-provider-dashboard", () => {
    expect(dashboardDataDir()).toBe(path.join(os.homedir(), ".local", "share", "hf-provider-dashboard"));
    process.env.XDG_DATA_HOME = "/xdg";
    expect(dashboardDataDir()).toBe("/xdg/hf-provider-dashboard");
    process.env.DASHBOARD_DATA_DIR = dir;
    expect(deviceIdentityPath()).toBe(path.join(dir, "gateway-device.json"));
  });
});

describe("DeviceStore", () => {
  it("creates an Ed25519 identity once, in a 0600 file inside a 0700 folder, and loads the same one again", async () => {
    const first = await DeviceStore.open(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const again = await DeviceStore.open(file);
    expect(again.identity).toEqual(first.identity);
    expect(readdirSync(path.dirname(file))).toEqual(["gateway-device.json"]);
  });

  it("device.id is sha256 of the raw 32-byte public key, publicKey is that key in base64url", async () => {
    const { identity } = await DeviceStore.open(file);
    const jwk = createPublicKey(identity.publicKeyPem).export({ format: "jwk" });
    const raw = Buffer.from(jwk.x as string, "base64url");
    expect(raw).toHaveLength(32);
    expect(identity.deviceId).toBe(createHash("sha256").update(raw).digest("hex"));
    expect(publicKeyRawBase64Url(identity.publicKeyPem)).toBe(jwk.x);
  });

  it("signs the client's v3 payload so that node:crypto verifies it with the raw public key", async () => {
    const { identity } = await DeviceStore.open(file);
    const payload = buildDeviceAuthPayloadV3({
      deviceId: identity.deviceId,
      clientId: "gateway-client",
      clientMode: "ui",
      role: "operator",
      scopes: ["operator.admin"],
      signedAtMs: 1737264000000,
      token: "tok-shared",
      nonce: "nonce-1",
      platform: "Linux",
      deviceFamily: undefined,
    });
    expect(payload).toBe(
      `v3|${identity.deviceId}|gateway-client|ui|operator|operator.admin|1737264000000|tok-shared|nonce-1|linux|`,
    );
    const signature = signDevicePayload(identity.privateKeyPem, payload);
    // What the Gateway has: the base64url raw key from `device.publicKey`.
    const key = createPublicKey({
      key: { kty: "OKP", crv: "Ed25519", x: publicKeyRawBase64Url(identity.publicKeyPem) },
      format: "jwk",
    });
    expect(verify(null, Buffer.from(payload), key, Buffer.from(signature, "base64url"))).toBe(true);
    expect(verify(null, Buffer.from(`${payload}x`), key, Buffer.from(signature, "base64url"))).toBe(false);
  });

  it("keeps device tokens per Gateway URL and role, across loads, rewriting the file only on change", async () => {
    const store = await DeviceStore.open(file);
    expect(store.token("ws://127.0.0.1:18789", "operator")).toBeNull();
    await store.saveToken("ws://127.0.0.1:18789", "operator", "devtok-1", ["operator.admin"]);
    const written = statSync(file).mtimeMs;
    const inode = statSync(file).ino;
    await store.saveToken("ws://127.0.0.1:18789", "operator", "devtok-1", ["operator.admin"]);
    expect(statSync(file)).toMatchObject({ mtimeMs: written, ino: inode });
    const reloaded = await DeviceStore.open(file);
    expect(reloaded.token("ws://127.0.0.1:18789", "operator")).toEqual({
      token: "devtok-1",
      scopes: ["operator.admin"],
    });
    expect(reloaded.token("ws://127.0.0.1:28789", "operator")).toBeNull();
    await reloaded.clearToken("ws://127.0.0.1:18789", "operator");
    expect((await DeviceStore.open(file)).token("ws://127.0.0.1:18789", "operator")).toBeNull();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("two first uses at once end with one identity", async () => {
    const [a, b] = await Promise.all([DeviceStore.open(file), DeviceStore.open(file)]);
    expect(a.deviceId).toBe(b.deviceId);
    expect(readdirSync(path.dirname(file))).toEqual(["gateway-device.json"]);
  });

  it("keeps a damaged file aside and starts a new identity", async () => {
    const first = await DeviceStore.open(file);
    const text = JSON.parse(readFileSync(file, "utf8"));
    writeFileSync(file, JSON.stringify({ ...text, deviceId: "0".repeat(64) }));
    const second = await DeviceStore.open(file);
    expect(second.deviceId).not.toBe(first.deviceId);
    const names = readdirSync(path.dirname(file));
    expect(names).toContain("gateway-device.json");
    expect(names.some((name) => name.startsWith("gateway-device.json.invalid-"))).toBe(true);
  });

  it("tightens a file that became readable by others", async () => {
    await DeviceStore.open(file);
    chmodSync(file, 0o644);
    await DeviceStore.open(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("never shows the private key or a token when logged or serialised", async () => {
    const store = await DeviceStore.open(file);
    await store.saveToken("ws://127.0.0.1:18789", "operator", "devtok-secret", []);
    for (const shown of [JSON.stringify(store), inspect(store), String(store)]) {
      expect(shown).not.toContain("PRIVATE KEY");
      expect(shown).not.toContain("devtok-secret");
    }
  });
});
