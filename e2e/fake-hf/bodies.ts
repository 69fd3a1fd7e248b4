// Error bodies, word for word from the reference's error table where it gives them.
import { FAKE_USER } from "./tokens";

export const INVALID_TOKEN_BODY = { error: "Invalid username or password." };

export const NO_PERMISSION_BODY = {
  error: `This authentication method does not have sufficient permissions to call Inference Providers on behalf of user ${FAKE_USER}`,
};

export const NO_CREDIT_BODY = {
  error:
    "You have exceeded your monthly included credits for Inference Providers. Subscribe to PRO to get 20x more monthly included credits.",
};

export const NOT_FOUND_BODY = { error: "Not Found" };

export function modelNotSupportedBody(modelId: string) {
  return {
    error: {
      message: `The requested model '${modelId}' is not supported by any provider you have enabled.`,
      type: "invalid_request_error",
      param: "model",
      code: "model_not_supported",
    },
  };
}

export function invalidRequestBody(message: string) {
  return { error: { message, type: "invalid_request_error" } };
}

export const RATE_LIMIT_BODY = {
  error: { message: "Rate limit reached for requests. Please try again in a few seconds.", type: "rate_limit_error" },
};
export const SERVER_ERROR_BODY = {
  error: { message: "The provider encountered an internal error.", type: "server_error", param: null, code: null },
};
export const UNAVAILABLE_BODY = { error: "Service Unavailable" };
export const DETAIL_BODY = { detail: "Upstream provider returned an invalid response." };
export const MESSAGE_BODY = { message: "Provider timed out while processing the request." };
export const MIDSTREAM_ERROR = "Provider disconnected unexpectedly";

/** Some providers echo the credentials they were given; a dashboard must never pass this on. */
export function echoTokenBody(token: string) {
  return {
    error: {
      message: `Upstream authentication failed for Authorization: Bearer ${token} (provider rejected the forwarded key)`,
      type: "server_error",
    },
  };
}
