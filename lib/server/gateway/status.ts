import "server-only";
import {
  ConnectErrorDetailCodes,
  readPairingConnectErrorDetails,
} from "@openclaw/gateway-protocol/connect-error-details";
import type { GatewayLocation } from "./locate";

// What the dashboard says about the Gateway, everywhere it matters. Four states:
//   running      connected (hello-ok), the RPCs below can be used
//   stopped      nothing listens on the port (connection refused)
//   unreachable  something is wrong on the way: a timeout, a restart in progress, not a Gateway
//   unauthorized the Gateway refused our credentials; the message says what to do
// Messages are ours: no secret, and no Gateway text that might carry one.

export type GatewayState = "running" | "stopped" | "unreachable" | "unauthorized";

export interface GatewayStatus {
  state: GatewayState;
  message?: string;
  /** OpenClaw's version, when running. */
  version?: string;
  /** OpenClaw's structured reason (error.details.code), when it gave one. */
  code?: string;
}

const where = (location: GatewayLocation) => `127.0.0.1:${location.port}`;

export function stoppedStatus(location: GatewayLocation): GatewayStatus {
  return {
    state: "stopped",
    message: `No OpenClaw Gateway is running on ${where(location)}. Start it with \`openclaw gateway start\` (service) or \`openclaw gateway run\`.`,
  };
}

export function restartingStatus(location: GatewayLocation): GatewayStatus {
  return {
    state: "unreachable",
    message: `The Gateway on ${where(location)} is restarting (a change needed a restart); it should be back in a few seconds.`,
  };
}

export function timeoutStatus(location: GatewayLocation, ms: number, starting: boolean): GatewayStatus {
  return {
    state: "unreachable",
    message: starting
      ? `The Gateway on ${where(location)} is still starting up; try again in a few seconds.`
      : `Something listens on ${where(location)} but no Gateway answered within ${(ms / 1000).toFixed(1)} s. Check \`openclaw gateway status\`.`,
  };
}

/** Transport failures that settle the state at once (others wait for the client's own verdict). */
export function transportStatus(error: unknown, location: GatewayLocation): GatewayStatus | null {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ECONNREFUSED") return stoppedStatus(location);
  if (code === "EADDRNOTAVAIL" || code === "EHOSTUNREACH" || code === "ENETUNREACH" || code === "ECONNRESET") {
    return { state: "unreachable", message: `The dashboard could not reach ${where(location)} (${code}).` };
  }
  const details = (error as { details?: { reason?: unknown; httpStatus?: unknown } } | undefined)?.details;
  if (details?.reason === "websocket-upgrade-rejected") {
    const http = typeof details.httpStatus === "number" ? ` (HTTP ${details.httpStatus})` : "";
    return {
      state: "unreachable",
      message: `Something on ${where(location)} refused the WebSocket${http}: it does not look like an OpenClaw Gateway. Check gateway.port.`,
    };
  }
  return null;
}

/** The client stopped reconnecting: OpenClaw judged the failure terminal (auth, pairing, protocol). */
export function refusedStatus(detailCode: string | null, details: unknown, location: GatewayLocation): GatewayStatus {
  const secret = location.auth && "password" in location.auth ? "password" : "token";
  const found = location.authSource ? ` (the dashboard used ${location.authSource})` : "";
  const problem = location.authProblem ? ` ${location.authProblem}` : "";
  const C = ConnectErrorDetailCodes;
  const unauthorized = (message: string): GatewayStatus => ({
    state: "unauthorized",
    message,
    ...(detailCode ? { code: detailCode } : {}),
  });
  switch (detailCode) {
    case C.AUTH_TOKEN_MISMATCH:
    case C.AUTH_PASSWORD_MISMATCH:
      return unauthorized(
        `The Gateway refused the dashboard's ${secret}${found}. The running Gateway uses another one: make the dashboard see the same value (gateway.auth.${secret} in openclaw.json, or OPENCLAW_GATEWAY_${secret.toUpperCase()} in the dashboard's environment), or restart the Gateway if you changed it.`,
      );
    case C.AUTH_TOKEN_MISSING:
    case C.AUTH_PASSWORD_MISSING:
    case C.AUTH_REQUIRED:
      return unauthorized(
        `The Gateway needs a ${secret} and the dashboard has none.${problem || ` Set gateway.auth.${secret} in openclaw.json or OPENCLAW_GATEWAY_${secret.toUpperCase()} in the dashboard's environment.`}`,
      );
    case C.AUTH_DEVICE_TOKEN_MISMATCH:
      return unauthorized(
        `The Gateway no longer accepts the dashboard's device token (it was revoked or the Gateway was reset); the dashboard forgot it. It needs the Gateway ${secret} to pair again.${problem}`,
      );
    case C.PAIRING_REQUIRED: {
      const requestId = readPairingConnectErrorDetails(details)?.requestId;
      return unauthorized(
        `The Gateway wants to approve the dashboard as a new device. On the Gateway host run \`openclaw devices list\`, then \`openclaw devices approve ${requestId ?? "<requestId>"}\`.`,
      );
    }
    case C.AUTH_SCOPE_MISMATCH:
      return unauthorized(
        "The dashboard's device is paired with fewer rights than it needs (operator.admin). Approve the new request with `openclaw devices list` / `openclaw devices approve`.",
      );
    case C.AUTH_RATE_LIMITED:
      return unauthorized(
        "Too many failed sign-ins to the Gateway; it is refusing for a while. Fix the credentials, then wait a minute.",
      );
    case C.DEVICE_IDENTITY_REQUIRED:
    case C.CONTROL_UI_DEVICE_IDENTITY_REQUIRED:
      return unauthorized("The Gateway requires a device identity and did not accept the dashboard's.");
    case C.PROTOCOL_MISMATCH:
    case C.CLIENT_VERSION_MISMATCH:
      return {
        state: "unreachable",
        code: detailCode,
        message:
          "The Gateway speaks another protocol version than the dashboard's client (wire protocol 4). Update OpenClaw or the dashboard.",
      };
    default:
      return unauthorized(
        `The Gateway refused the dashboard's credentials${detailCode ? ` (${detailCode})` : ""}${found}. Check gateway.auth in openclaw.json.${problem}`,
      );
  }
}
