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

// The quirks of "What real recordings show" (hf-router.md), in the fake's own words.

/** The second 400 code beside model_not_supported. */
export function modelNotFoundBody(modelId: string) {
  return {
    error: {
      message: `The model '${modelId}' does not exist or you do not have access to it.`,
      type: "invalid_request_error",
      param: "model",
      code: "model_not_found",
    },
  };
}

/** A 401 can be the hub's HTML page rather than JSON. */
export const UNAUTHORIZED_HTML =
  "<!doctype html>\n<html><head><title>Hugging Face – 401</title></head><body><h1>401</h1><p>Unauthorized</p></body></html>\n";

export function modelDoesNotExistBody(modelId: string) {
  return { error: `Model ${modelId} does not exist` };
}

/** A pinned provider that dropped the model answers 410. */
export function providerDroppedBody(provider: string) {
  return { error: `The requested model is deprecated and no longer supported by provider '${provider}'.` };
}

/** hf-inference (TGI) answers 422 with {error, error_type}… */
export const TEMPLATE_ERROR_BODY = {
  error: "Template error: the chat template could not be rendered",
  error_type: "template_error",
};

/** …or with a text/plain body. */
export const UNPROCESSABLE_TEXT = "Failed to deserialize the JSON body into the target type: messages: invalid type";

/** together's 500 comes with `retry-after: 1` and an id beside the error object. */
export function retryAfterServerErrorBody(id: string) {
  return {
    error: { code: null, message: "Internal server error", param: null, type: "server_error" },
    id,
  };
}
