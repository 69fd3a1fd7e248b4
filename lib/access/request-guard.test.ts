import { describe, expect, it } from "vitest";
import { allowedHostNames, hostName, isHostAllowed, isRequestAllowed, isWriteAllowed } from "./request-guard";

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

describe("cross-site requests to the API", () => {
  const base = { method: "GET", host: "localhost:3000" };
  const crossSite = [
    { origin: null, secFetchSite: "cross-site" },
    { origin: null, secFetchSite: "same-site" },
    { origin: "https://evil.example", secFetchSite: null },
    { origin: "null", secFetchSite: null },
  ];
  it("refuses GETs of API routes from another site, since they may call Hugging Face with the token", () => {
    for (const pathname of ["/api/models", "/api/token", "/api/config", "/api/config/download", "/api/anything-new"]) {
      for (const headers of crossSite) {
        expect(isRequestAllowed({ ...base, ...headers, pathname }), `${pathname} ${JSON.stringify(headers)}`).toBe(
          false,
        );
        expect(isRequestAllowed({ ...base, ...headers, method: "HEAD", pathname })).toBe(false);
      }
    }
  });
  it("keeps API GETs from the dashboard's own pages, a typed URL and header-less scripts", () => {
    for (const headers of [
      { origin: null, secFetchSite: "same-origin" },
      { origin: "http://localhost:3000", secFetchSite: "same-origin" },
      { origin: null, secFetchSite: "none" },
      { origin: null, secFetchSite: null },
    ]) {
      expect(isRequestAllowed({ ...base, ...headers, pathname: "/api/models" }), JSON.stringify(headers)).toBe(true);
    }
  });
  it("keeps pages and the health probe open to other sites, and writes closed", () => {
    for (const headers of crossSite) {
      expect(isRequestAllowed({ ...base, ...headers, pathname: "/models" })).toBe(true);
      expect(isRequestAllowed({ ...base, ...headers, pathname: "/api/health" })).toBe(true);
      expect(isRequestAllowed({ ...base, ...headers, method: "POST", pathname: "/sign-in" })).toBe(false);
    }
  });
});
