import { describe, expect, it } from "vitest";
import { clientAddress, UNKNOWN_CLIENT } from "./client-address";

describe("clientAddress", () => {
  it("is the socket's address as Next records it, or the entry the nearest proxy appended", () => {
    expect(clientAddress("127.0.0.2")).toBe("127.0.0.2");
    expect(clientAddress("203.0.113.7, 10.0.0.5")).toBe("10.0.0.5");
    expect(clientAddress(" 198.51.100.1 ")).toBe("198.51.100.1");
  });

  it("reads an IPv4 address mapped into IPv6 as IPv4", () => {
    expect(clientAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(clientAddress("::ffff:7f00:2")).toBe("127.0.0.2");
  });

  it("groups IPv6 by /64, however the address is written", () => {
    expect(clientAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientAddress("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(clientAddress("::1")).toBe("0:0:0:0::/64");
    expect(clientAddress("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("drops a port, with or without brackets", () => {
    expect(clientAddress("[2001:db8::5]:443")).toBe("2001:db8:0:0::/64");
    expect(clientAddress("192.0.2.9:51000")).toBe("192.0.2.9");
  });

  it("calls anything that is not an address unknown", () => {
    for (const value of [
      null,
      undefined,
      "",
      "  ",
      "unknown",
      "evil.example",
      "1.2.3.4.5",
      "x".repeat(200),
      "1.2.3.4,",
    ]) {
      expect(clientAddress(value), String(value)).toBe(UNKNOWN_CLIENT);
    }
  });
});
