import { describe, expect, it } from "vitest";
import { allowedHostNames, hostName, isHostAllowed, isWriteAllowed } from "./request-guard";

describe("host allowlist", () => {
  const allowed = allowedHostNames({ DASHBOARD_ALLOWED_HOSTS: "dash.lan, Box.Local" });
  it("accepts loopback names with or without a port", () => {
    for (const host of ["localhost", "localhost:3000", "127.0.0.1:3000", "[::1]:3000", "dash.lan:8080", "box.local"]) {
      expect(isHostAllowed(host, allowed), host).toBe(true);
    }
  });
  it("refuses foreign and malformed hosts", () => {
    for (const host of [
      null,
      "",
      "evil.example",
      "localhost.evil.example",
      "127.0.0.2",
      "localhost:3000@evil",
      "a b",
    ]) {
      expect(isHostAllowed(host, allowed), String(host)).toBe(false);
    }
  });
  it("parses host names", () => {
    expect(hostName("[::1]:80")).toBe("[::1]");
    expect(hostName("LOCALHOST:1")).toBe("localhost");
  });
  it("adds a specific bind address but not a wildcard", () => {
    expect(allowedHostNames({ HOST: "192.168.1.5" }).has("192.168.1.5")).toBe(true);
    expect(allowedHostNames({ HOST: "0.0.0.0" }).has("0.0.0.0")).toBe(false);
  });
});

describe("same-origin writes", () => {
  const base = { method: "POST", host: "localhost:3000" };
  it("allows reads from anywhere", () => {
    expect(isWriteAllowed({ ...base, method: "GET", origin: "https://evil.example", secFetchSite: "cross-site" })).toBe(
      true,
    );
  });
  it("allows same-origin browser writes and header-less scripts", () => {
    expect(isWriteAllowed({ ...base, origin: "http://localhost:3000", secFetchSite: "same-origin" })).toBe(true);
    expect(isWriteAllowed({ ...base, origin: null, secFetchSite: null })).toBe(true);
  });
  it("refuses cross-site, same-site and opaque origins", () => {
    expect(isWriteAllowed({ ...base, origin: "https://evil.example", secFetchSite: null })).toBe(false);
    expect(isWriteAllowed({ ...base, origin: "http://localhost:3000", secFetchSite: "cross-site" })).toBe(false);
    expect(isWriteAllowed({ ...base, origin: "http://localhost:3001", secFetchSite: "same-site" })).toBe(false);
    expect(isWriteAllowed({ ...base, origin: "null", secFetchSite: null })).toBe(false);
  });
});
