import http from "node:http";

// A request that leaves from a chosen loopback address (127.0.0.2, 127.0.0.3…: on Linux the whole
// 127/8 range is this machine), so a test can be two clients at once. The dashboard must listen
// on 0.0.0.0 to accept them.
export interface FromAddressAnswer {
  status: number;
  body: string;
  headers: http.IncomingHttpHeaders;
}

export function requestFrom(
  localAddress: string,
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<FromAddressAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: "127.0.0.1", port, path, method, localAddress, headers: { host: `localhost:${port}`, ...headers } },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text, headers: response.headers }));
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** The `name=value` pairs of an answer's Set-Cookie headers, ready for a Cookie header. */
export function cookiesOf(answer: FromAddressAnswer): string {
  return (answer.headers["set-cookie"] ?? []).map((line) => line.split(";")[0]).join("; ");
}
